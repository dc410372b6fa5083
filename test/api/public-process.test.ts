import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { ENGINES, openTestDatabase, PG_ADMIN_URL, type TestDatabase } from '../helpers/test-database.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { startPublicServer } from '../../src/server/public/start-public.js';
import { buildPublicApp } from '../../src/server/public/public-app.js';
import { PORTAL_NICE } from '../../src/server/public/public-process.js';
import { call, login, openHarness } from './harness.js';
import pg from 'pg';

/**
 * PUBLIC_PORT (issue 5): the office's server starts the public portal as a process of its own,
 * real processes on real ports. The office sends /public there; the portal has nothing but the
 * portal; a publish or a withdraw shows at once; a killed portal comes back by itself; stopping
 * the office stops it.
 */

const PASSWORD = 'Portal-Admin-2022';
const LISTENING = /^政务公开站点已在独立进程中启动：(http:\/\/[^/]+)\/public\/（进程 (\d+)）$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve(probe()).catch(() => null);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(ENGINES)('the public portal in its own process on %s', (engine) => {
  let t: TestDatabase;
  let dir: string;
  let server: RunningServer;
  const lines: string[] = [];
  let portal: string;
  let firstPid: number;
  let orgPath: string;
  let session: { cookie: string; csrf: string };

  const office = (path: string, init: RequestInit = {}) =>
    fetch(server.url + path, {
      ...init,
      redirect: 'manual',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'rl-public-process-'));
    server = await startServer({
      config: loadConfig({
        DATA_DIR: dir,
        DATABASE_URL: t.url,
        PORT: '0',
        PUBLIC_PORT: '0',
        LOG_LEVEL: 'silent',
        ADMIN_PASSWORD: PASSWORD,
        REMINDER_INTERVAL_SECONDS: '0',
      }),
      print: (l) => lines.push(l),
      locale: 'zh-CN',
    });
    const m = lines.map((l) => LISTENING.exec(l)).find((x) => x);
    expect(m, lines.join('\n')).toBeTruthy();
    portal = m![1]!;
    firstPid = Number(m![2]);
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    session = {
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const list = await office('/api/publications');
    orgPath = ((await list.json()) as { publicPath: string }).publicPath;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a port of its own, a process other than the office, at a lower CPU priority', () => {
    expect(portal).not.toBe(server.url);
    expect(firstPid).not.toBe(process.pid);
    expect(alive(firstPid)).toBe(true);
    expect(getPriority(firstPid)).toBe(Math.min(19, getPriority(process.pid) + PORTAL_NICE));
  });

  it('the office sends /public and /s to the portal, the query kept', async () => {
    const r = await office(`${orgPath}?lang=en-US`);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`${portal}${orgPath}?lang=en-US`);
    const short = await office('/s/ABCDEFG');
    expect(short.headers.get('location')).toBe(`${portal}/s/ABCDEFG`);
    // The office's own pages are where they were.
    expect((await office('/api/items?asOf=2022-06-30')).status).toBe(200);
  });

  it('a publish shows at once, a withdrawal too', async () => {
    const before = await fetch(portal + orgPath);
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain('periods/2022-05/');

    const publish = await office('/api/publications/2022-05/publish', {
      method: 'POST',
      body: JSON.stringify({ includeScoreboard: false }),
    });
    expect(publish.status).toBe(200);
    // Sooner than the portal's own re-read (STATE_TTL_MS): the office told it.
    const after = await fetch(portal + orgPath);
    expect(await after.text()).toContain(`href="${orgPath}periods/2022-05/"`);
    const period = await fetch(`${portal}${orgPath}periods/2022-05/`);
    expect(period.status).toBe(200);
    expect(await period.text()).toContain('三门县');

    const withdraw = await office('/api/publications/2022-05/withdraw', { method: 'POST' });
    expect(withdraw.status).toBe(200);
    expect((await fetch(`${portal}${orgPath}periods/2022-05/`)).status).toBe(410);
  });

  it('has the portal and nothing else: no API, no sign-in, no web app, no cookie', async () => {
    for (const [method, path] of [
      ['GET', '/api/items'],
      ['POST', '/api/session'],
      ['GET', '/api/health'],
      ['GET', '/login'],
    ] as const) {
      const r = await fetch(portal + path, { method });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('set-cookie')).toBeNull();
      expect(await r.text()).toContain('<html lang="zh-CN">');
    }
    // Its front door is the portal's own.
    const root = await fetch(`${portal}/?lang=en-US`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/public/?lang=en-US');
    const health = await fetch(`${portal}/health`);
    expect(await health.text()).toBe('ok');
    const page = await fetch(portal + orgPath);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('comes back by itself when killed, on the same port', async () => {
    process.kill(firstPid, 'SIGKILL');
    const pid = await until('the portal to restart', () => {
      const again = lines
        .map((l) => LISTENING.exec(l))
        .filter((x) => x)
        .at(-1);
      const p = Number(again?.[2]);
      return again?.[1] === portal && p !== firstPid ? p : null;
    });
    expect(alive(pid)).toBe(true);
    const r = await until('the portal to answer', async () => {
      const res = await fetch(portal + orgPath);
      return res.status === 200 ? res : null;
    });
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');

    // Stopping the office stops the portal.
    await server.close();
    await until('the portal to end', () => (alive(pid) ? null : true), 15_000);
    server = undefined as unknown as RunningServer;
  }, 90_000);
});

describe('a portal that cannot start', () => {
  it('keeps the office from starting half-way, saying why', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'rl-public-taken-'));
    try {
      const failed = startServer({
        config: loadConfig({
          DATA_DIR: dir,
          PORT: '0',
          PUBLIC_PORT: String(taken),
          LOG_LEVEL: 'silent',
          ADMIN_PASSWORD: PASSWORD,
        }),
        print: () => {},
        locale: 'en-US',
      });
      await expect(failed).rejects.toMatchObject({
        key: 'error.public_start_failed',
        params: { detail: expect.stringContaining('EADDRINUSE') },
      });
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the office server with PUBLIC_PORT and PUBLIC_BASE_URL', () => {
  it('redirects to the portal at its public address', async () => {
    const t = await openTestDatabase('sqlite');
    try {
      const app = await buildApp({
        db: t.db,
        config: loadConfig({ PUBLIC_PORT: '8081', PUBLIC_BASE_URL: 'https://gk.sanmen.gov.cn/' }),
      });
      const r = await app.inject({ method: 'GET', url: '/s/ABCDEFG?lang=en-US' });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe('https://gk.sanmen.gov.cn/s/ABCDEFG?lang=en-US');
      const bare = await app.inject({ method: 'GET', url: '/public', headers: { host: 'oa.local:3000' } });
      expect(bare.headers.location).toBe('https://gk.sanmen.gov.cn/public');
      await app.close();

      const own = await buildApp({ db: t.db, config: loadConfig({ PUBLIC_PORT: '8081' }) });
      const here = await own.inject({ method: 'GET', url: '/public/x/', headers: { host: 'oa.local:3000' } });
      expect(here.headers.location).toBe('http://oa.local:8081/public/x/');
      // A Host header that is not a host name does not reach the address.
      const odd = await own.inject({ method: 'GET', url: '/public/x/', headers: { host: 'evil/"><x' } });
      expect(odd.headers.location).toBe('http://localhost:8081/public/x/');
      await own.close();
    } finally {
      await t.cleanup();
    }
  });
});

describe('the portal behind a proxy, the office not (PUBLIC_TRUST_PROXY)', () => {
  it('limits each reader by X-Forwarded-For on the portal only', async () => {
    const t = await openTestDatabase('sqlite');
    try {
      const config = loadConfig({ PUBLIC_TRUST_PROXY: 'true', PUBLIC_RATE_PER_MINUTE: '2' });
      expect(config.trustProxy).toBe(false);
      const { app } = await buildPublicApp({ db: t.db, config });
      const from = (reader: string) =>
        app.inject({ method: 'GET', url: '/public/x/', headers: { 'x-forwarded-for': reader } });
      expect((await from('203.0.113.1')).statusCode).toBe(404);
      expect((await from('203.0.113.1')).statusCode).toBe(404);
      expect((await from('203.0.113.1')).statusCode).toBe(429);
      // Another reader behind the same proxy is not the first one's crowd.
      expect((await from('203.0.113.2')).statusCode).toBe(404);
      await app.close();
    } finally {
      await t.cleanup();
    }
  });
});

describe('reform-ledger serve-public', () => {
  it.each(ENGINES)('refuses a %s database the office has not migrated, saying what to do', async (engine) => {
    const t = await openTestDatabase(engine, { migrate: false });
    try {
      const run = await runCliCaptured(['serve-public'], {
        DATABASE_URL: t.url,
        PUBLIC_PORT: '0',
        LOG_LEVEL: 'silent',
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^数据库结构不是最新版本（缺少 001-initial, .*006-org-tree）：请先启动办公服务/,
      );
    } finally {
      await t.cleanup();
    }
  });
});

describe('the portal on a PostgreSQL role that may only read what it shows', () => {
  it('serves the published pages with SELECT on five tables and nothing else', async () => {
    const h = await openHarness('postgres');
    const role = `rl_portal_${process.pid}_${Date.now()}`;
    const url = new URL(h.t.url!);
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    try {
      const admin = await login(h, 'admin');
      const published = await call(h, admin, 'POST', '/api/publications/2022-05/publish', {
        body: { includeScoreboard: true },
      });
      expect(published.statusCode, published.body).toBe(200);
      await owner.query(`CREATE ROLE ${role} LOGIN`);
      await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await owner.query(
        `GRANT SELECT ON orgs, publications, short_links, bulletins, kysely_migration TO ${role}`,
      );
      url.username = role;
      const portal = await startPublicServer(
        loadConfig({ DATABASE_URL: url.toString(), PUBLIC_PORT: '0', LOG_LEVEL: 'silent' }),
      );
      try {
        const page = await fetch(`${portal.url}/public/${h.orgId}/periods/2022-05/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('三门县');
        const board = await fetch(`${portal.url}/public/${h.orgId}/periods/2022-05/scoreboard`);
        expect(board.status).toBe(200);
        // The role really is that narrow: the office's tables are out of its reach.
        const probe = new pg.Client({ connectionString: url.toString() });
        await probe.connect();
        await expect(probe.query('select count(*) from reports')).rejects.toThrow(/permission denied/);
        await probe.end();
      } finally {
        await portal.close();
      }
    } finally {
      await owner.query(`DROP OWNED BY ${role}`).catch(() => {});
      await owner.end();
      await h.close();
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP ROLE IF EXISTS ${role}`);
      await cleanup.end();
    }
  }, 60_000);
});
