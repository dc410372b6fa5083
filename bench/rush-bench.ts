/**
 * The end-of-month rush (issue 7): 200 reporters of the Sanmen units, each signed in, write and
 * submit progress reports concurrently for a fixed time against one server — then the database is
 * counted: every report a reporter was told was created exists once, at the revision the reporter
 * last saw, and as submitted when the reporter's submit was answered 200. Nothing may be lost or
 * duplicated and no request may fail. The server runs in a child process (bench/api-server.ts) so
 * the load generator does not share its event loop.
 *
 * Each reporter works on report slots (item × period) no other reporter touches — its unit's
 * items, its own share of the periods — so every 409 would be a real lost-update bug, not two
 * people editing one report.
 */
import { api, monthsBack, signIn, type Session } from './bench-http.js';
import { createDatabase, type DialectName } from '../src/store/database.js';
import { percentile, round, type BenchResult } from './bench-support.js';
import { prepareDatabase, startServer } from './api.bench.js';

export interface RushBenchOptions {
  engine: DialectName;
  reporters: number;
  durationSeconds: number;
  pgAdminUrl: string;
}

const ADMIN_PASSWORD = 'rush-bench-admin-2022';
const REPORTER_PASSWORD = 'rush-bench-reporter-2022';
/** Saves of a draft before it is submitted: a reporter rarely gets it right the first time. */
const SAVES_PER_REPORT = 3;

interface Slot {
  itemKey: string;
  period: string;
  shape: { milestones: number; targets: number; achievements: number };
}

interface Outcome {
  revision: number;
  submitted: boolean;
}

export async function runRushBench(o: RushBenchOptions): Promise<BenchResult> {
  const name = `end-of-month rush, ${o.reporters} reporters (${o.engine})`;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const database = await prepareDatabase(o, (fn) => void cleanups.push(fn));
    const server = await startServer({
      database,
      adminPassword: ADMIN_PASSWORD,
      env: { LOGIN_RATE_PER_MINUTE: '10000' },
    });
    cleanups.unshift(() => server.stop());
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const { reporters, slots } = await prepare(server.url, admin, o.reporters);

    const latencies: number[] = [];
    const failures: string[] = [];
    const outcomes = new Map<string, Outcome>();
    // Everyone signs in first (scrypt is slow on purpose): the rush is the writing, not the login.
    const sessions = await Promise.all(reporters.map((r) => signIn(server.url, r, REPORTER_PASSWORD)));
    const deadline = Date.now() + o.durationSeconds * 1000;
    await Promise.all(
      sessions.map(async (session, i) => {
        for (const slot of slots[i]!) {
          if (Date.now() >= deadline) return;
          await writeReport(server.url, session, slot, latencies, failures, outcomes);
        }
      }),
    );
    await server.stop();
    cleanups.shift();

    const check = await countStored(database, outcomes);
    latencies.sort((a, b) => a - b);
    const p99 = round(percentile(latencies, 99), 1);
    const met = failures.length === 0 && check.lost === 0 && check.duplicated === 0 && check.stale === 0;
    return {
      name,
      target: '0 errors, 0 lost, 0 duplicated',
      value: p99,
      unit: 'ms p99',
      met,
      details: {
        requests: latencies.length,
        requestsPerSecond: round(latencies.length / o.durationSeconds, 0),
        p50Ms: round(percentile(latencies, 50), 1),
        rushP99Ms: p99,
        errors: failures.length,
        firstErrors: failures.slice(0, 3),
        reportsCreated: outcomes.size,
        reportsSubmitted: [...outcomes.values()].filter((x) => x.submitted).length,
        ...check,
      },
    };
  } catch (e) {
    return {
      name,
      target: '0 errors, 0 lost, 0 duplicated',
      value: null,
      unit: 'ms p99',
      met: false,
      details: { error: e instanceof Error ? e.message : String(e) },
    };
  } finally {
    for (const fn of cleanups) await fn().catch(() => {});
  }
}

/** Reporters spread over the lead units, each with its own slots. */
async function prepare(
  url: string,
  admin: Session,
  count: number,
): Promise<{ reporters: string[]; slots: Slot[][] }> {
  const list = await api<{
    items: { itemKey: string; number: number | null; leadUnit: { id: string } | null }[];
  }>(url, admin, 'GET', '/api/items?pageSize=200');
  const byUnit = new Map<string, Slot['itemKey'][]>();
  const shapes = new Map<string, Slot['shape']>();
  for (const it of list.items) {
    if (!it.leadUnit || it.number === null) continue;
    const detail = await api<{ milestones: unknown[]; targets: unknown[]; achievements: unknown[] }>(
      url,
      admin,
      'GET',
      `/api/items/${it.number}`,
    );
    shapes.set(it.itemKey, {
      milestones: detail.milestones.length,
      targets: detail.targets.length,
      achievements: detail.achievements.length,
    });
    byUnit.set(it.leadUnit.id, [...(byUnit.get(it.leadUnit.id) ?? []), it.itemKey]);
  }
  const units = [...byUnit.keys()];
  const periods = monthsBack(120);
  const reporters: string[] = [];
  const slots: Slot[][] = [];
  for (let i = 0; i < count; i++) {
    const unitId = units[i % units.length]!;
    const share = Math.floor(i / units.length);
    const shares = Math.ceil((count - (i % units.length)) / units.length);
    const username = `rush${String(i + 1).padStart(3, '0')}`;
    await api(url, admin, 'POST', '/api/users', {
      username,
      displayName: username,
      role: 'reporter',
      unitId,
      password: REPORTER_PASSWORD,
    });
    reporters.push(username);
    const mine: Slot[] = [];
    periods.forEach((period, p) => {
      if (p % shares !== share) return;
      for (const itemKey of byUnit.get(unitId)!) mine.push({ itemKey, period, shape: shapes.get(itemKey)! });
    });
    slots.push(mine);
  }
  return { reporters, slots };
}

async function writeReport(
  url: string,
  session: Session,
  slot: Slot,
  latencies: number[],
  failures: string[],
  outcomes: Map<string, Outcome>,
): Promise<void> {
  const key = `${slot.itemKey}/${slot.period}`;
  let revision: number | null = null;
  let id = '';
  for (let n = 1; n <= SAVES_PER_REPORT; n++) {
    const body = {
      revision,
      milestones: Array.from({ length: slot.shape.milestones }, () => null),
      targets: Array.from({ length: slot.shape.targets }, () => null),
      achievements: Array.from({ length: slot.shape.achievements }, () => null),
      narrative: `第${n}稿：按计划推进，召开专题会议研究部署。`,
    };
    const r = await timed(
      latencies,
      url,
      session,
      'PUT',
      `/api/reports/by-item/${slot.itemKey}/${slot.period}`,
      body,
    );
    if (r.status !== (revision === null ? 201 : 200))
      return void failures.push(`PUT ${key}: ${r.status} ${r.text}`);
    const dto = JSON.parse(r.text) as { id: string; revision: number };
    id = dto.id;
    revision = dto.revision;
    outcomes.set(key, { revision, submitted: false });
  }
  const r = await timed(latencies, url, session, 'POST', `/api/reports/${id}/submit`, { revision });
  if (r.status !== 200) return void failures.push(`submit ${key}: ${r.status} ${r.text}`);
  outcomes.set(key, { revision: (JSON.parse(r.text) as { revision: number }).revision, submitted: true });
}

/** Every report the clients were told about, as stored. */
async function countStored(
  database: Parameters<typeof createDatabase>[0]['database'],
  outcomes: Map<string, Outcome>,
): Promise<{ stored: number; lost: number; duplicated: number; stale: number }> {
  const db = await createDatabase({ database });
  try {
    const rows = await db.kysely
      .selectFrom('reports')
      .select(['item_key', 'period', 'revision', 'status'])
      .execute();
    const seen = new Map<string, number>();
    let stale = 0;
    for (const r of rows) {
      const key = `${r.item_key}/${r.period}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const told = outcomes.get(key);
      if (told && (told.revision !== Number(r.revision) || told.submitted !== (r.status === 'submitted')))
        stale++;
    }
    const lost = [...outcomes.keys()].filter((k) => !seen.has(k)).length;
    const duplicated = [...seen.values()].filter((n) => n > 1).length;
    return { stored: rows.length, lost, duplicated, stale };
  } finally {
    await db.destroy();
  }
}

async function timed(
  latencies: number[],
  url: string,
  s: Session,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const started = performance.now();
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  latencies.push(performance.now() - started);
  return { status: res.status, text };
}
