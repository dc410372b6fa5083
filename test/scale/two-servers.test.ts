import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, PASSWORD, type Harness } from '../api/harness.js';
import { startHttpReceiver, type HttpReceiver } from '../reminders/receivers.js';
import { configure, outbox } from '../reminders/setup.js';

/**
 * Two real app servers (`reform-ledger serve`, each its own process with its own pool and
 * reminder scheduler) against one PostgreSQL: a session made on one is good on the other and
 * ended on the other; a write on one is read on the other at its next request (the ledger
 * cache is keyed by the org's revision in the database); and with both schedulers running,
 * every reminder is delivered once. Each server names its connections (application_name in
 * DATABASE_URL), which is how the test sees both schedulers at work in pg_stat_activity.
 */

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

const AS_OF = '2022-06-30';

function startServer(name: string, databaseUrl: string, dataDir: string): Promise<Server> {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/scale/serve-process.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      DB_POOL_MAX: '3',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      REMINDER_INTERVAL_SECONDS: '1',
      LOGIN_RATE_PER_MINUTE: '1000',
      // The reminder receiver is on 127.0.0.1.
      WEBHOOK_ALLOW_LOOPBACK: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 120_000);
    child.stdout!.on('data', () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ name, url: m[1]!, child, output: () => out });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening: ${out}`));
    });
  });
}

function stop(s: Server): Promise<number | null> {
  if (s.child.exitCode !== null) return Promise.resolve(s.child.exitCode);
  return new Promise((resolve) => {
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(s: Server, username: string): Promise<Session> {
  const res = await fetch(`${s.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, `sign-in on ${s.name}`).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

async function call(s: Server, session: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

describe('two app servers on one PostgreSQL', () => {
  let h: Harness;
  let receiver: HttpReceiver;
  let dataDir: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    h = await openHarness('postgres');
    receiver = await startHttpReceiver();
    await configure(h, {
      rules: { overdueMaxRepeats: null },
      webhook: { enabled: true, kind: 'json', url: `${receiver.url}/hook` },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'rl-two-servers-'));
    servers.push(
      ...(await Promise.all([
        startServer('reform-ledger-a', h.t.url!, dataDir),
        startServer('reform-ledger-b', h.t.url!, dataDir),
      ])),
    );
  }, 240_000);

  afterAll(async () => {
    const codes = await Promise.all(servers.map(stop));
    await receiver?.close();
    await h?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    expect(codes, 'both servers stopped cleanly on SIGTERM').toEqual(servers.map(() => 0));
  });

  it('a session made on one server is good on the other, and ends on both', async () => {
    const [a, b] = servers as [Server, Server];
    const session = await signIn(a, h.users.viewer.username);
    const onB = await call(b, session, 'GET', '/api/session');
    expect(onB.status).toBe(200);
    expect((onB.json.user as { username: string }).username).toBe(h.users.viewer.username);

    expect((await call(b, session, 'DELETE', '/api/session')).status).toBeLessThan(300);
    expect((await call(a, session, 'GET', '/api/session')).status).toBe(401);
  });

  it('a write on one server is read on the other at its next request', async () => {
    const [a, b] = servers as [Server, Server];
    const admin = await signIn(a, h.users.admin.username);
    const dashboard = async () => (await call(b, admin, 'GET', `/api/dashboard?asOf=${AS_OF}`)).json;
    // B has the ledger cached before the write …
    const before = await dashboard();
    expect(before.warningDays).toBe(30);
    expect((await call(a, admin, 'PATCH', '/api/org', { warningDays: 90 })).status).toBe(200);
    // … and serves the new one at its next request: no wait, no restart (warningDays comes
    // from the cached ledger, whose key holds the org's revision).
    expect((await dashboard()).warningDays).toBe(90);
  });

  it('delivers every reminder once with both schedulers running', { timeout: 240_000 }, async () => {
    const webhookRows = async () => (await outbox(h)).filter((r) => r.channel === 'webhook');
    // Both schedulers pass every second; wait until everything scheduled has gone out.
    await expect
      .poll(
        async () => {
          const rows = await outbox(h);
          return rows.length > 20 && rows.every((r) => r.status === 'sent');
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBe(true);
    const settled = await outbox(h);

    // Then both servers pass again over the sent rows (their own connections ran statements
    // after this instant: nothing else talks to the database meanwhile).
    const since = (await sql<{ now: string }>`select now()::text as now`.execute(h.t.db.kysely)).rows[0]!.now;
    await expect
      .poll(async () => activeSince(h, since), { timeout: 60_000, interval: 500 })
      .toEqual(['reform-ledger-a', 'reform-ledger-b']);

    const rows = await outbox(h);
    expect(rows.map((r) => r.id).sort()).toEqual(settled.map((r) => r.id).sort());
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
    const byKey = new Map<string, number>();
    for (const r of receiver.requests) {
      const key = (r.body as { dedupeKey: string }).dedupeKey;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    expect([...byKey.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...byKey.keys()].sort()).toEqual((await webhookRows()).map((r) => r.dedupe_key).sort());
    const attempts = await h.t.db.kysely.selectFrom('reminder_attempts').select('id').execute();
    expect(attempts).toHaveLength(rows.length);
  });
});

/** The servers (by application_name) with a statement started after `since`. */
async function activeSince(h: Harness, since: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select distinct application_name as name from pg_stat_activity
    where datname = current_database() and application_name like 'reform-ledger-%'
      and query_start > ${since}::timestamptz
    order by 1`.execute(h.t.db.kysely);
  return r.rows.map((x) => x.name);
}
