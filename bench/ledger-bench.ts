import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DatabaseConfig } from '../src/config.js';
import { exportLedgerXlsx } from '../src/services/export-ledger.service.js';
import { LedgerCache, loadLedger } from '../src/services/ledger.service.js';
import { createDatabase } from '../src/store/database.js';
import { heapAfterGcMB, round, RssSampler, type BenchResult } from './bench-support.js';
import type { PhaseInput, ProvinceSpec } from './import-bench.js';

/**
 * The ledger workbook (台账) of every organisation of a generated province: one SQLite
 * database holding a 100-county province (imported first, untimed, by the import phase), then
 * each county's ledger loaded and written as .xlsx, as 100 downloads of GET /api/ledger.xlsx
 * would. The export runs in a child process of its own, so its peak RSS is the export's, not
 * the import's.
 */

export interface LedgerPhaseInput {
  kind: 'ledger';
  database: DatabaseConfig;
  asOf: string;
}

export interface LedgerPhaseOutput {
  orgs: number;
  items: number;
  bytes: number;
  totalMs: number;
  slowestMs: number;
  baselineMB: number;
  sampledPeakMB: number;
  maxRssMB: number;
  heapAfterGcMB: number;
}

/** Runs inside the child: every org's ledger, one after the other, the bytes counted and dropped. */
export async function runLedgerPhase(input: LedgerPhaseInput): Promise<LedgerPhaseOutput> {
  const sampler = new RssSampler();
  const t0 = performance.now();
  const db = await createDatabase({ database: input.database });
  let items = 0;
  let bytes = 0;
  let slowestMs = 0;
  let orgs = 0;
  try {
    // One cache for all, as a server holds it: the worst case for memory.
    const cache = new LedgerCache();
    const ids = await db.kysely.selectFrom('orgs').select('id').orderBy('name').execute();
    for (const { id } of ids) {
      const o0 = performance.now();
      const ledger = await loadLedger(db, cache, id);
      if (!ledger.plan) continue;
      const file = await exportLedgerXlsx(db, ledger, {}, input.asOf, 'zh-CN');
      slowestMs = Math.max(slowestMs, performance.now() - o0);
      items += file.items;
      bytes += file.bytes.length;
      orgs++;
    }
  } finally {
    await db.destroy();
  }
  const totalMs = performance.now() - t0;
  return { orgs, items, bytes, totalMs, slowestMs, ...sampler.stop(), heapAfterGcMB: heapAfterGcMB() };
}

function runChild<T>(script: string, input: object): Promise<T> {
  return new Promise((resolve, reject) => {
    // execArgv carries tsx's loader (and --expose-gc) into the child.
    const child = fork(script, ['--phase', JSON.stringify(input)], { execArgv: process.execArgv });
    let out: T | null = null;
    child.on('message', (m) => (out = m as T));
    child.on('error', reject);
    child.on('exit', (code) => (out ? resolve(out) : reject(new Error(`child exited with code ${code}`))));
  });
}

export interface LedgerBenchOptions extends ProvinceSpec {
  /** The script that runs the phases when given --phase (bench/run.ts). */
  script: string;
  asOf: string;
  targetSeconds: number;
  targetRssMB: number;
}

export async function runLedgerBench(o: LedgerBenchOptions): Promise<BenchResult[]> {
  const label = `ledger .xlsx for every plan of a province (${o.counties}×${o.itemsPerPlan})`;
  const spec: ProvinceSpec = { counties: o.counties, itemsPerPlan: o.itemsPerPlan, seed: o.seed };
  const dir = mkdtempSync(join(tmpdir(), 'rl-ledger-bench-'));
  let out: LedgerPhaseOutput;
  try {
    const database: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'bench.db') };
    await runChild(o.script, { ...spec, database } satisfies PhaseInput);
    out = await runChild<LedgerPhaseOutput>(o.script, {
      kind: 'ledger',
      database,
      asOf: o.asOf,
    } satisfies LedgerPhaseInput);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const failed = (name: string, target: string, unit: string): BenchResult => ({
      name,
      target,
      value: null,
      unit,
      met: false,
      details: { error },
    });
    return [
      failed(label, `< ${o.targetSeconds} s`, 's'),
      failed(`${label} peak RSS`, `< ${o.targetRssMB} MB`, 'MB'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = out.totalMs / 1000;
  const peak = Math.max(out.sampledPeakMB, out.maxRssMB);
  return [
    {
      name: label,
      target: `< ${o.targetSeconds} s`,
      value: round(seconds, 2),
      unit: 's',
      met: seconds < o.targetSeconds,
      details: {
        ...spec,
        asOf: o.asOf,
        ledgers: out.orgs,
        items: out.items,
        ledgerItemsPerSecond: round(out.items / seconds, 0),
        slowestLedgerMs: round(out.slowestMs, 1),
        workbookMB: round(out.bytes / 1024 ** 2, 2),
      },
    },
    {
      name: `${label} peak RSS`,
      target: `< ${o.targetRssMB} MB`,
      value: peak,
      unit: 'MB',
      met: peak < o.targetRssMB,
      details: {
        process: 'child running the export only',
        baselineMB: out.baselineMB,
        sampledPeakMB: out.sampledPeakMB,
        maxRssMB: out.maxRssMB,
        heapAfterGcMB: out.heapAfterGcMB,
      },
    },
  ];
}
