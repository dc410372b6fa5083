import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { DEFAULT_DB_POOL_MAX, type DatabaseConfig } from '../../src/config.js';
import { migrateDatabase } from '../../src/services/migrate-database.service.js';
import { createDatabase } from '../../src/store/database.js';
import { findUsersByUsername } from '../../src/store/users.repository.js';
import { prepareDatabase, startServer } from '../api.bench.js';
import { round, type BenchResult } from '../bench-support.js';
import {
  distribution,
  hammer,
  timedGet,
  touchOrg,
  writeInBackground,
  type Measured,
  type Writer,
} from './load.js';
import { sessionCookie, sessionCsrf } from './org-rows.js';
import { seedProvince, type SeededOrg, type SeedOutcome } from './seed-province.js';

/**
 * The province at scale (issue 9): for each engine and each size (10, 30, 100 organisations by
 * default), a fresh database gets a generated province — orgs in a tree, each with ~70 items and
 * 36 monthly periods of reports, users, sessions, evidence metadata — timed; then the API server
 * (its own process) is measured: a county's dashboard at 50 connections (one county, and every
 * county in turn), cold ledger loads, the province roll-up of every county cold, after one
 * county changed, and at 10 connections while counties keep changing. On PostgreSQL at the
 * largest size the dashboard is also measured at several pool sizes (DB_POOL_MAX).
 */

export interface ScaleBenchOptions {
  engines: readonly ('sqlite' | 'postgres')[];
  sizes: readonly number[];
  itemsPerPlan: number;
  periods: number;
  usersPerOrg: number;
  durationSeconds: number;
  connections: number;
  rollupConnections: number;
  /** Pool sizes to compare on PostgreSQL at the largest size; empty: none. */
  poolSizes: readonly number[];
  pgAdminUrl: string;
  targets: { generateSeconds: number; dashboardP99Ms: number; rollupP99Ms: number };
  log: (line: string) => void;
}

export const AS_OF = '2024-12-20';
const SEED = 9;
const PASSWORD = 'bench-Scale-2024';
/** Roll-ups timed one at a time right after one county changed. */
const AFTER_CHANGE = 15;

export async function runScaleBench(o: ScaleBenchOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of o.engines) {
    const growth: Record<string, unknown>[] = [];
    for (const [i, orgs] of o.sizes.entries()) {
      const largest = i === o.sizes.length - 1;
      o.log(`scale on ${engine}: ${orgs} organisations × ${o.itemsPerPlan} items × ${o.periods} periods…`);
      try {
        const one = await runSize(o, engine, orgs, largest ? o.poolSizes : []);
        results.push(...one.results);
        growth.push(one.growth);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        results.push(failed(`scale ${engine} ${orgs} orgs`, error));
      }
    }
    results.push({
      name: `scale ${engine}: growth ${o.sizes.join(' → ')} orgs`,
      target: 'reported',
      value: null,
      unit: '',
      met: null,
      details: { engine, growth },
    });
  }
  return results;
}

async function runSize(
  o: ScaleBenchOptions,
  engine: 'sqlite' | 'postgres',
  orgs: number,
  poolSizes: readonly number[],
): Promise<{ results: BenchResult[]; growth: Record<string, unknown> }> {
  let cleanup = async () => {};
  try {
    const database = await prepareDatabase({ engine, pgAdminUrl: o.pgAdminUrl }, (c) => (cleanup = c));
    const generated = await generate(o, database, orgs);
    const label = `${engine}, ${orgs} orgs`;
    const seeded = generated.seeded;
    const counties = seeded.orgs.filter((x) => x.type === 'county');
    const province = seeded.orgs.find((x) => x.type === 'province')!;
    const viewer = (org: SeededOrg) => sessionCookie(org.id, org.prefix, 1);

    // The server as deployed: the default pool (the sweep below tries others).
    const served = database.kind === 'postgres' ? { ...database, poolMax: DEFAULT_DB_POOL_MAX } : database;
    const server = await startServer({ database: served, adminPassword: PASSWORD });
    let dashboard: { cold: number[]; one: Measured; all: Measured; floor: Measured };
    let rollup: Record<string, unknown> & { underWrites: Measured };
    try {
      dashboard = await measureDashboard(o, server.url, counties, viewer);
      rollup = await measureRollup(o, server.url, province, counties);
    } finally {
      await server.stop();
    }
    const pools = engine === 'postgres' ? await poolSweep(o, poolSizes, database, counties.map(viewer)) : [];

    const generateSeconds = round(generated.seeded.ms.total / 1000, 1);
    const results: BenchResult[] = [
      {
        name: `scale: generate a province (${label})`,
        target: `< ${o.targets.generateSeconds} s`,
        value: generateSeconds,
        unit: 's',
        met: generateSeconds < o.targets.generateSeconds,
        details: { ...generated.details, loadAvgBefore: generated.loadAvgBefore },
      },
      measuredResult(
        `scale: a county's dashboard (${label}, ${o.connections} conn)`,
        o.targets.dashboardP99Ms,
        dashboard.one,
        {
          everyCounty: dashboard.all,
          floor: { route: 'GET /api/health', ...dashboard.floor },
          coldLedgerLoads: distribution(dashboard.cold),
        },
      ),
      measuredResult(
        `scale: province roll-up of every county (${label}, ${o.rollupConnections} conn, counties writing)`,
        o.targets.rollupP99Ms,
        rollup.underWrites,
        rollup,
      ),
    ];
    if (pools.length > 0) {
      results.push({
        name: `scale: dashboard of every county by pool size (${label}, ${o.connections} conn)`,
        target: 'reported',
        value: null,
        unit: '',
        met: null,
        details: { pools },
      });
    }
    const growth = {
      orgs,
      reports: generated.details.rows.reports,
      generateSeconds,
      dbMB: generated.details.dbMB,
      dashboardP99Ms: dashboard.one.p99Ms,
      everyCountyP99Ms: dashboard.all.p99Ms,
      healthFloorP99Ms: dashboard.floor.p99Ms,
      coldLedgerMedianMs: distribution(dashboard.cold).medianMs,
      rollupColdMs: rollup.coldMs,
      rollupAfterChangeMedianMs: (rollup.afterChange as { medianMs: number }).medianMs,
      rollupP99Ms: rollup.underWrites.p99Ms,
      loadAvg: rollup.underWrites.loadAvg,
    };
    return { results, growth };
  } finally {
    await cleanup();
  }
}

async function generate(o: ScaleBenchOptions, database: DatabaseConfig, orgs: number) {
  const db = await createDatabase({ database });
  try {
    await migrateDatabase(db);
    const loadAvgBefore = round(loadavg()[0]!, 2);
    const seeded: SeedOutcome = await seedProvince(db, {
      orgs,
      itemsPerPlan: o.itemsPerPlan,
      periods: o.periods,
      usersPerOrg: o.usersPerOrg,
      sessionsPerOrg: 2,
      asOf: AS_OF,
      seed: SEED,
      password: PASSWORD,
    });
    const tiers = { province: 0, city: 0, county: 0 };
    for (const x of seeded.orgs) tiers[x.type as keyof typeof tiers]++;
    const details = {
      orgs: tiers,
      rows: seeded.rows,
      // parse, import and rows add up the two lanes that load orgs side by side (PostgreSQL).
      phasesSeconds: Object.fromEntries(
        Object.entries(seeded.ms)
          .filter(([k]) => k !== 'total')
          .map(([k, v]) => [k, round(v / 1000, 1)]),
      ),
      dbMB: await sizeMB(db, database),
      ...(database.kind === 'postgres' ? { largestTablesMB: await largestTables(db) } : {}),
      signInLookup: await signInLookup(db, seeded.orgs),
    };
    o.log(`  generated in ${round(seeded.ms.total / 1000, 1)} s: ${JSON.stringify(seeded.rows)}`);
    return { seeded, details, loadAvgBefore };
  } finally {
    await db.destroy();
  }
}

async function sizeMB(db: Awaited<ReturnType<typeof createDatabase>>, database: DatabaseConfig) {
  if (database.kind === 'sqlite') {
    const files = [database.file, `${database.file}-wal`].filter((f) => existsSync(f));
    return round(files.reduce((n, f) => n + statSync(f).size, 0) / 1024 ** 2, 1);
  }
  const r = await sql<{ bytes: string }>`select pg_database_size(current_database())::text as bytes`.execute(
    db.kysely,
  );
  return round(Number(r.rows[0]!.bytes) / 1024 ** 2, 1);
}

/** The sign-in look-up by username, the one query across every org (docs/scaling.md). */
async function signInLookup(db: Awaited<ReturnType<typeof createDatabase>>, orgs: SeededOrg[]) {
  const samples: number[] = [];
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    await findUsersByUsername(db.kysely, `${orgs[k % orgs.length]!.prefix}-r1`);
    samples.push(performance.now() - t0);
  }
  return distribution(samples);
}

/** Tables and their indexes, largest first. */
async function largestTables(db: Awaited<ReturnType<typeof createDatabase>>) {
  const r = await sql<{ table: string; bytes: string }>`
    select c.relname as table, pg_total_relation_size(c.oid)::text as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
    order by pg_total_relation_size(c.oid) desc limit 6`.execute(db.kysely);
  return Object.fromEntries(r.rows.map((x) => [x.table, round(Number(x.bytes) / 1024 ** 2, 1)]));
}

async function measureDashboard(
  o: ScaleBenchOptions,
  url: string,
  counties: SeededOrg[],
  viewer: (org: SeededOrg) => string,
) {
  const path = `${url}/api/dashboard?asOf=${AS_OF}`;
  // Every county's first dashboard loads its ledger from the database: timed one at a time (with
  // 50 connections asking for a hundred cold ledgers at once, the run would measure only that).
  const cold: number[] = [];
  for (const c of counties) cold.push(await timedGet(path, viewer(c)));
  const one = [viewer(counties[0]!)];
  await hammer(path, one, o.connections, 2);
  const oneMeasured = await hammer(path, one, o.connections, o.durationSeconds);
  o.log(`  one county's dashboard: p99 ${oneMeasured.p99Ms} ms, ${oneMeasured.requestsPerSecond} req/s`);
  const all = counties.map(viewer);
  await hammer(path, all, o.connections, 2);
  const allMeasured = await hammer(path, all, o.connections, o.durationSeconds);
  o.log(
    `  every county in turn: p99 ${allMeasured.p99Ms} ms; cold ledger loads ${JSON.stringify(distribution(cold))}`,
  );
  // The same server's floor: no session, no database. On a shared 2-core machine it says how much
  // of the figures above is the machine.
  const floor = await hammer(`${url}/api/health`, [''], o.connections, o.durationSeconds);
  return { cold, one: oneMeasured, all: allMeasured, floor };
}

async function measureRollup(o: ScaleBenchOptions, url: string, province: SeededOrg, counties: SeededOrg[]) {
  const path = `${url}/api/rollup?asOf=${AS_OF}&scope=descendants&type=county`;
  const cookie = sessionCookie(province.id, province.prefix, 0);
  const writers: Writer[] = counties.map((c) => ({
    url,
    cookie: sessionCookie(c.id, c.prefix, 0),
    csrf: sessionCsrf(c.prefix, 0),
  }));
  const coldMs = await timedGet(path, cookie);
  const warmMs = await timedGet(path, cookie);
  const afterChange: number[] = [];
  for (let k = 0; k < AFTER_CHANGE; k++) {
    await touchOrg(writers[(k * 7) % writers.length]!, k);
    afterChange.push(await timedGet(path, cookie));
  }
  const writer = writeInBackground(writers, 500);
  let underWrites: Measured;
  try {
    underWrites = await hammer(path, [cookie], o.rollupConnections, o.durationSeconds);
  } finally {
    const writes = await writer.stop();
    o.log(`  roll-up: cold ${coldMs} ms, warm ${warmMs} ms; ${writes} county writes during the run`);
  }
  o.log(`  roll-up under writes: p99 ${underWrites.p99Ms} ms, ${underWrites.requestsPerSecond} req/s`);
  return { coldMs, warmMs, afterChange: distribution(afterChange), writesEveryMs: 500, underWrites };
}

async function poolSweep(
  o: ScaleBenchOptions,
  poolSizes: readonly number[],
  database: DatabaseConfig,
  cookies: string[],
) {
  const out: Record<string, unknown>[] = [];
  if (database.kind !== 'postgres') return out;
  for (const poolMax of poolSizes) {
    const server = await startServer({ database: { ...database, poolMax }, adminPassword: PASSWORD });
    try {
      const path = `${server.url}/api/dashboard?asOf=${AS_OF}`;
      // Every county's ledger loaded once, then the same mix as above.
      for (const cookie of cookies) await timedGet(path, cookie);
      await hammer(path, cookies, o.connections, 2);
      const m = await hammer(path, cookies, o.connections, Math.max(3, Math.round(o.durationSeconds / 2)));
      o.log(`  DB_POOL_MAX=${poolMax}: p99 ${m.p99Ms} ms, ${m.requestsPerSecond} req/s`);
      out.push({ poolMax, ...m });
    } finally {
      await server.stop();
    }
  }
  return out;
}

function measuredResult(
  name: string,
  targetMs: number,
  m: Measured,
  extra: Record<string, unknown>,
): BenchResult {
  return {
    name,
    target: `p99 < ${targetMs} ms`,
    value: m.p99Ms,
    unit: 'ms',
    met: m.p99Ms < targetMs && m.non2xx === 0 && m.errors === 0,
    details: { ...m, ...extra },
  };
}

function failed(name: string, error: string): BenchResult {
  return { name, target: '—', value: null, unit: '', met: false, details: { error } };
}

/**
 * The full run (10, 30 and 100 organisations × 70 items × 36 months; pool sizes 2–20) or the
 * quick one (5 and 10 organisations × 12 months, 3-second runs). BENCH_SCALE_SIZES=10,100
 * picks other sizes.
 */
export function scaleOptions(o: {
  quick: boolean;
  engines: readonly ('sqlite' | 'postgres')[];
  pgAdminUrl: string;
  log: (line: string) => void;
}): ScaleBenchOptions {
  const sizes = process.env.BENCH_SCALE_SIZES?.split(',').map(Number) ?? (o.quick ? [5, 10] : [10, 30, 100]);
  if (sizes.some((n) => !Number.isInteger(n) || n < 3)) {
    throw new Error(`BENCH_SCALE_SIZES: whole numbers of at least 3, got ${process.env.BENCH_SCALE_SIZES}`);
  }
  return {
    engines: o.engines,
    sizes,
    itemsPerPlan: 70,
    periods: o.quick ? 12 : 36,
    usersPerOrg: 200,
    durationSeconds: o.quick ? 3 : 10,
    connections: 50,
    rollupConnections: 10,
    poolSizes: o.quick ? [] : [2, 5, 10, 20],
    pgAdminUrl: o.pgAdminUrl,
    targets: { generateSeconds: 120, dashboardP99Ms: 100, rollupP99Ms: 500 },
    log: o.log,
  };
}
