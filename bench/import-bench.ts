import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.js';
import { importPlan } from '../src/services/import-plan.service.js';
import { migrateDatabase } from '../src/services/migrate-database.service.js';
import { parseDocumentBytes } from '../src/services/parse-document.service.js';
import { createDatabase } from '../src/store/database.js';
import { ALL_TABLES } from '../src/store/schema.js';
import { heapAfterGcMB, round, RssSampler, type BenchResult } from './bench-support.js';
import { generateProvince } from './province-generator.js';

/**
 * A generated province imported county by county (parse + normalize + one transaction per
 * plan, as `reform-ledger import DIR` does), into a fresh database. Each engine runs in a child
 * process so that its peak RSS is its own, not the parse benchmark's or the other engine's.
 */

export type Engine = 'sqlite' | 'postgres';

export interface ProvinceSpec {
  counties: number;
  itemsPerPlan: number;
  seed: number;
}

export interface PhaseInput extends ProvinceSpec {
  database: DatabaseConfig;
}

export interface PhaseOutput {
  plans: number;
  items: number;
  findings: number;
  rows: number;
  generateMs: number;
  migrateMs: number;
  parseMs: number;
  storeMs: number;
  totalMs: number;
  baselineMB: number;
  sampledPeakMB: number;
  maxRssMB: number;
  heapAfterGcMB: number;
}

/** Runs inside the child: the timed work. Generating the documents stands in for reading files and is not timed. */
export async function runImportPhase(input: PhaseInput): Promise<PhaseOutput> {
  const sampler = new RssSampler();
  const g0 = performance.now();
  const plans = generateProvince(input).map((p) => ({ ...p, bytes: Buffer.from(p.text, 'utf8') }));
  const generateMs = performance.now() - g0;

  const t0 = performance.now();
  const db = await createDatabase({ database: input.database });
  let migrateMs = 0;
  let parseMs = 0;
  let storeMs = 0;
  let items = 0;
  let findings = 0;
  let rows = 0;
  try {
    await migrateDatabase(db);
    migrateMs = performance.now() - t0;
    for (const p of plans) {
      const p0 = performance.now();
      const { plan, file } = await parseDocumentBytes(p.bytes, p.name);
      const p1 = performance.now();
      await importPlan(db, { plan, org: p.county, file, actor: 'bench' });
      storeMs += performance.now() - p1;
      parseMs += p1 - p0;
      items += plan.items.length;
      findings += plan.findings.length;
    }
    // Counted after the clock stops: proof the rows are there, not part of the import.
    for (const table of ALL_TABLES) {
      const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
        db.kysely,
      );
      rows += Number(r.rows[0]!.n);
    }
  } finally {
    await db.destroy();
  }
  const totalMs = migrateMs + parseMs + storeMs;
  const memory = sampler.stop();
  return {
    plans: plans.length,
    items,
    findings,
    rows,
    generateMs,
    migrateMs,
    parseMs,
    storeMs,
    totalMs,
    ...memory,
    heapAfterGcMB: heapAfterGcMB(),
  };
}

function runChild(script: string, input: PhaseInput): Promise<PhaseOutput> {
  return new Promise((resolve, reject) => {
    // execArgv carries tsx's loader (and --expose-gc) into the child.
    const child = fork(script, ['--phase', JSON.stringify(input)], { execArgv: process.execArgv });
    let out: PhaseOutput | null = null;
    child.on('message', (m) => (out = m as PhaseOutput));
    child.on('error', reject);
    child.on('exit', (code) =>
      out ? resolve(out) : reject(new Error(`import child exited with code ${code}`)),
    );
  });
}

export interface ImportBenchOptions extends ProvinceSpec {
  engine: Engine;
  /** The script that runs `runImportPhase` when given --phase (bench/run.ts). */
  script: string;
  targetSeconds: number;
  targetRssMB: number;
  pgAdminUrl: string;
}

export async function runImportBench(o: ImportBenchOptions): Promise<BenchResult[]> {
  const label = `province import ${o.engine} (${o.counties}×${o.itemsPerPlan})`;
  const spec: ProvinceSpec = { counties: o.counties, itemsPerPlan: o.itemsPerPlan, seed: o.seed };
  const timeResult = (
    value: number | null,
    met: boolean | null,
    extra: Partial<BenchResult>,
  ): BenchResult => ({
    name: label,
    target: `< ${o.targetSeconds} s`,
    value,
    unit: 's',
    met,
    ...extra,
  });
  const rssResult = (
    value: number | null,
    met: boolean | null,
    extra: Partial<BenchResult>,
  ): BenchResult => ({
    name: `${label} peak RSS`,
    target: `< ${o.targetRssMB} MB`,
    value,
    unit: 'MB',
    met,
    ...extra,
  });

  let out: PhaseOutput;
  const extraDetails: Record<string, unknown> = {};
  try {
    if (o.engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'rl-bench-'));
      try {
        const file = join(dir, 'bench.db');
        out = await runChild(o.script, { ...spec, database: { kind: 'sqlite', file } });
        extraDetails.dbFileMB = round(statSync(file).size / 1024 ** 2, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const reason = await pgUnreachable(o.pgAdminUrl);
      if (reason) {
        const skipped = `PostgreSQL unreachable at ${redact(o.pgAdminUrl)}: ${reason}`;
        return [timeResult(null, null, { skipped }), rssResult(null, null, { skipped })];
      }
      out = await withThrowawayDatabase(o.pgAdminUrl, (url) =>
        runChild(o.script, { ...spec, database: { kind: 'postgres', url, poolMax: 4 } }),
      );
      extraDetails.server = await pgVersion(o.pgAdminUrl);
    }
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return [timeResult(null, false, { details: { error } }), rssResult(null, false, { details: { error } })];
  }

  const seconds = out.totalMs / 1000;
  const peak = Math.max(out.sampledPeakMB, out.maxRssMB);
  const details = {
    ...spec,
    plans: out.plans,
    items: out.items,
    findings: out.findings,
    rowsWritten: out.rows,
    itemsPerSecond: round(out.items / seconds, 0),
    migrateSeconds: round(out.migrateMs / 1000, 3),
    parseSeconds: round(out.parseMs / 1000, 3),
    storeSeconds: round(out.storeMs / 1000, 3),
    generateSecondsUntimed: round(out.generateMs / 1000, 3),
    ...extraDetails,
  };
  return [
    timeResult(round(seconds, 2), seconds < o.targetSeconds, { details }),
    rssResult(peak, peak < o.targetRssMB, {
      details: {
        process: 'child running the import only',
        baselineMB: out.baselineMB,
        sampledPeakMB: out.sampledPeakMB,
        maxRssMB: out.maxRssMB,
        heapAfterGcMB: out.heapAfterGcMB,
      },
    }),
  ];
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function pgUnreachable(url: string): Promise<string | null> {
  try {
    await admin(url, (c) => c.query('select 1'));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message || e.name : String(e);
  }
}

async function pgVersion(url: string): Promise<string> {
  return admin(url, async (c) => String((await c.query('show server_version')).rows[0]?.server_version));
}

async function withThrowawayDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `rl_bench_${Date.now()}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
