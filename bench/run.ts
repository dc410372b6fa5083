/**
 * `npm run bench [-- --quick]`: the benchmarks the issue asks for, appended to bench/results.json
 * with the machine and commit they ran on. Not tests: nothing here fails the build; each result
 * says its target and whether it was met.
 *
 *   --quick            10 counties instead of 100 (a fast check; targets are still the full ones)
 *   --counties N       plans in the generated province (default 100)
 *   --items N          items per plan (default 70)
 *   --iterations N     timed parse iterations (default 100, at least 50)
 *   --no-postgres      skip the PostgreSQL import
 *   --no-status        skip the status of a plan with 3 years of reports, as of a date
 *   --no-import        skip the province import (SQLite, and PostgreSQL unless --no-postgres)
 *   --no-ledger        skip the ledger .xlsx of every plan
 *   --no-web           skip the web app's first load in chromium
 *   --no-api           skip the HTTP API latency (autocannon, 50 connections)
 *   --no-bulletin      skip the period bulletin (.docx with server-drawn charts)
 *   --no-rush          skip the end-of-month rush (200 reporters submitting for 60 s, 10 s with --quick)
 *   --no-soak          skip the short soak (mixed traffic for 2 min per engine, 30 s with --quick;
 *                      the 30-minute one is `npm run soak`, bench/soak.ts)
 *   --no-public        skip the public portal (pages req/s, and the office API during a public burst)
 *   --no-scale         skip the province at scale (10/30/100 orgs × 70 items × 36 months of reports:
 *                      generation, a county's dashboard, the province roll-up; 5/10 orgs with --quick)
 *   --no-save          print only, do not append to results.json
 *   BENCH_PG_URL       admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gitCommit, machineInfo, type BenchResult } from './bench-support.js';
import { runImportBench, runImportPhase, type Engine, type PhaseInput } from './import-bench.js';
import { runParseBench } from './parse-bench.js';
import { runLedgerBench, runLedgerPhase, type LedgerPhaseInput } from './ledger-bench.js';
import { runStatusBench } from './status-bench.js';

const SCRIPT = fileURLToPath(import.meta.url);
const BENCH_DIR = dirname(SCRIPT);
const ROOT = join(BENCH_DIR, '..');
const RESULTS = join(BENCH_DIR, 'results.json');
const SEED = join(ROOT, 'data-seed', 'sanmen-2022.txt');

const TARGETS = {
  parseMs: 20,
  statusMs: 20,
  sqliteSeconds: 10,
  postgresSeconds: 20,
  rssMB: 300,
  ledgerSeconds: 10,
  ledgerRssMB: 300,
  bulletinMs: 1000,
  webKB: 600,
  webMs: 2000,
  apiP99Ms: 50,
  apiConnections: 50,
  rushReporters: 200,
  publicRps: 2000,
  publicBurst: 10_000,
} as const;

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    quick: { type: 'boolean', default: false },
    counties: { type: 'string' },
    items: { type: 'string', default: '70' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'no-status': { type: 'boolean', default: false },
    'no-import': { type: 'boolean', default: false },
    'no-ledger': { type: 'boolean', default: false },
    'no-web': { type: 'boolean', default: false },
    'no-api': { type: 'boolean', default: false },
    'no-bulletin': { type: 'boolean', default: false },
    'no-rush': { type: 'boolean', default: false },
    'no-soak': { type: 'boolean', default: false },
    'no-public': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
  },
});

if (values.phase !== undefined) {
  // Child process: one engine's import, or the ledger export, result sent back over IPC.
  const input = JSON.parse(values.phase) as PhaseInput | LedgerPhaseInput;
  const out = 'kind' in input ? await runLedgerPhase(input) : await runImportPhase(input);
  process.send!(out);
  process.disconnect();
} else {
  await main();
}

async function main(): Promise<void> {
  const quick = values.quick;
  const counties = int(values.counties ?? (quick ? '10' : '100'), 'counties');
  const itemsPerPlan = int(values.items, 'items');
  const seed = int(values.seed, 'seed');
  const iterations = Math.max(50, int(values.iterations ?? '100', 'iterations'));
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const results: BenchResult[] = [];
  log(`parse+normalize of ${SEED} (${iterations} iterations)…`);
  results.push(
    await runParseBench({ file: SEED, iterations, warmup: quick ? 10 : 20, targetMs: TARGETS.parseMs }),
  );
  if (!values['no-status']) {
    log(`status of a ${itemsPerPlan}-item plan with 3 years of monthly approved reports, as of a date…`);
    results.push(
      await runStatusBench({
        items: itemsPerPlan,
        years: 3,
        iterations,
        warmup: quick ? 10 : 20,
        seed,
        targetMs: TARGETS.statusMs,
      }),
    );
  }

  if (!values['no-web']) {
    log('web app: first load of the dashboard in headless chromium…');
    // Imported here, not at the top: the import phases re-run this script in a child process,
    // whose memory is measured, and must not load a browser driver and an HTTP server for nothing.
    const { runWebLoadBench } = await import('./web-load.js');
    results.push(
      ...(await runWebLoadBench({ runs: quick ? 3 : 5, targetKB: TARGETS.webKB, targetMs: TARGETS.webMs })),
    );
  }

  const engines: Engine[] = values['no-postgres'] ? ['sqlite'] : ['sqlite', 'postgres'];
  if (!values['no-api']) {
    // Imported here for the same reason as the web bench: the import phases re-run this script.
    const { runApiBench } = await import('./api.bench.js');
    for (const engine of engines) {
      log(`HTTP API on ${engine}: autocannon, ${TARGETS.apiConnections} connections…`);
      results.push(
        ...(await runApiBench({
          engine,
          connections: TARGETS.apiConnections,
          durationSeconds: quick ? 3 : 10,
          targetP99Ms: TARGETS.apiP99Ms,
          pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        })),
      );
    }
  }
  if (!values['no-public']) {
    const { runPublicBench } = await import('./public.bench.js');
    for (const [engine, ownProcess] of engines.flatMap((e) => [[e, false] as const, [e, true] as const])) {
      const where = ownProcess ? 'in its own process (PUBLIC_PORT)' : 'served by the office server';
      log(`public portal on ${engine}, ${where}: pages under load, then the office API during a burst…`);
      results.push(
        ...(await runPublicBench({
          engine,
          ownProcess,
          connections: TARGETS.apiConnections,
          durationSeconds: quick ? 3 : 10,
          burstRequests: TARGETS.publicBurst,
          targetRps: TARGETS.publicRps,
          targetP99Ms: TARGETS.apiP99Ms,
          pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        })),
      );
    }
  }
  if (!values['no-rush']) {
    const { runRushBench } = await import('./rush-bench.js');
    for (const engine of engines) {
      log(
        `end-of-month rush on ${engine}: ${TARGETS.rushReporters} reporters writing and submitting reports…`,
      );
      results.push(
        await runRushBench({
          engine,
          reporters: TARGETS.rushReporters,
          durationSeconds: quick ? 10 : 60,
          pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        }),
      );
    }
  }
  if (!values['no-soak']) {
    const { runSoak, soakBenchResult } = await import('./soak-bench.js');
    const { soakOptions } = await import('./soak.js');
    for (const engine of engines) {
      const minutes = quick ? 0.5 : 2;
      log(`soak on ${engine}: ${minutes} min of reporters, the office and leaders at once…`);
      // Half a minute needs denser samples to fit a line through its second half at all.
      const dense = quick ? { sampleEverySec: 2, gcEvery: 1 } : {};
      results.push(soakBenchResult(await runSoak(soakOptions(engine, minutes, dense))));
    }
  }
  if (!values['no-import']) {
    for (const engine of engines) {
      log(`province import into ${engine} (${counties} plans × ${itemsPerPlan} items)…`);
      results.push(
        ...(await runImportBench({
          engine,
          counties,
          itemsPerPlan,
          seed,
          script: SCRIPT,
          targetSeconds: engine === 'sqlite' ? TARGETS.sqliteSeconds : TARGETS.postgresSeconds,
          targetRssMB: TARGETS.rssMB,
          pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        })),
      );
    }
  }

  if (!values['no-ledger']) {
    log(`ledger .xlsx of every plan (${counties} plans × ${itemsPerPlan} items, SQLite)…`);
    results.push(
      ...(await runLedgerBench({
        counties,
        itemsPerPlan,
        seed,
        script: SCRIPT,
        asOf: '2022-06-30',
        targetSeconds: TARGETS.ledgerSeconds,
        targetRssMB: TARGETS.ledgerRssMB,
      })),
    );
  }

  if (!values['no-bulletin']) {
    log(`period bulletin of a ${itemsPerPlan}-item plan (content, .docx, two charts)…`);
    // Imported here: the import phases re-run this script and need none of ECharts or resvg.
    const { runBulletinBench } = await import('./bulletin-bench.js');
    results.push(
      await runBulletinBench({ items: itemsPerPlan, runs: quick ? 3 : 7, targetMs: TARGETS.bulletinMs }),
    );
  }

  if (!values['no-scale']) {
    const { runScaleBench, scaleOptions } = await import('./scale/scale-bench.js');
    const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    results.push(...(await runScaleBench(scaleOptions({ quick, engines, pgAdminUrl, log }))));
  }

  const run = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: machineInfo(),
    git: gitCommit(ROOT),
    results,
  };
  process.stdout.write(summary(run));
  if (!values['no-save']) {
    appendResult(run);
    process.stdout.write(`\nAppended to ${RESULTS}\n`);
  }
}

function appendResult(run: object): void {
  let all: unknown[] = [];
  if (existsSync(RESULTS)) {
    const parsed: unknown = JSON.parse(readFileSync(RESULTS, 'utf8'));
    // Never overwrite history we cannot read: better to stop than to lose earlier runs.
    if (!Array.isArray(parsed)) throw new Error(`${RESULTS} is not a JSON array; not touching it.`);
    all = parsed;
  }
  all.push(run);
  writeFileSync(RESULTS, JSON.stringify(all, null, 2) + '\n');
}

function summary(run: {
  date: string;
  mode: string;
  machine: ReturnType<typeof machineInfo>;
  git: string | null;
  results: BenchResult[];
}): string {
  const m = run.machine;
  const lines = [
    '',
    `reform-ledger bench (${run.mode}) ${run.date} @ ${run.git ?? 'no git'}`,
    `${m.model} ×${m.cpus}, ${m.memGB} GB, node ${m.node}, ${m.platform}, load ${m.loadAvg.join(' ')}`,
    '',
  ];
  const width = Math.max(...run.results.map((r) => r.name.length));
  for (const r of run.results) {
    const value = r.value === null ? '—' : `${r.value} ${r.unit}`;
    const verdict = r.skipped ? `skipped: ${r.skipped}` : r.met ? 'met' : 'NOT met';
    lines.push(`  ${r.name.padEnd(width)}  ${value.padStart(10)}   target ${r.target.padEnd(28)} ${verdict}`);
    const d = r.details ?? {};
    if ('reports' in d && 'dates' in d) {
      const dates = d.dates as { asOf: string; medianMs: number; p95Ms: number }[];
      lines.push(
        `    ${d.items} items, ${d.reports} reports; ${dates.map((x) => `as of ${x.asOf} median ${x.medianMs} ms, p95 ${x.p95Ms} ms`).join('; ')}`,
      );
    }
    if ('ratioToFloor' in d) {
      lines.push(
        `    p95 ${d.p95Ms} ms, normalize alone ${d.normalizeOnlyMedianMs} ms; floor (read + split + readTextTable) ${d.floorMedianMs} ms → ×${d.ratioToFloor}`,
      );
    }
    if ('ledgerItemsPerSecond' in d) {
      lines.push(
        `    ${d.ledgers} ledgers, ${d.items} items, ${d.ledgerItemsPerSecond} items/s; slowest ledger ${d.slowestLedgerMs} ms; ${d.workbookMB} MB of .xlsx`,
      );
    }
    if ('itemsPerSecond' in d) {
      lines.push(
        `    ${d.items} items, ${d.itemsPerSecond} items/s; parse ${d.parseSeconds} s, store ${d.storeSeconds} s, migrate ${d.migrateSeconds} s; ${d.rowsWritten} rows`,
      );
    }
    if ('baselineMB' in d) {
      lines.push(
        `    before the work ${d.baselineMB} MB (node + modules + tsx loader); live heap after gc at the end ${d.heapAfterGcMB} MB`,
      );
    }
    if ('rawKB' in d) {
      const files = d.files as { file: string; gzipKB: number }[];
      lines.push(
        `    ${files.length} scripts, ${d.rawKB} KB before compression; largest ${files
          .slice(0, 3)
          .map((f) => `${f.file} ${f.gzipKB} KB`)
          .join(', ')}`,
      );
    }
    if ('samplesMs' in d) lines.push(`    runs ${(d.samplesMs as number[]).join(', ')} ms at ${d.viewport}`);
    if ('p99RatioToFloor' in d) {
      lines.push(
        `    p50 ${d.p50Ms} ms, ${d.requestsPerSecond} req/s; floor ${d.floorRoute} p99 ${d.floorP99Ms} ms (${d.floorRequestsPerSecond} req/s) → ×${d.p99RatioToFloor}`,
      );
    }
    if ('contentMedianMs' in d) {
      lines.push(
        `    ${d.runs} runs: p95 ${d.p95Ms} ms, first run ${d.coldMs} ms; content ${d.contentMedianMs} ms, CPU ${d.cpuMedianMs} ms, ${d.docxKB} KB`,
      );
    }
    if ('soak' in d) {
      const m = d.memory as { rssSlopeMBPerMin: number; liveHeapSlopeMBPerMin: number; rssEndMB: number };
      const c = d.counts as { acknowledged: number; lost: number; duplicated: number; stale: number } | null;
      lines.push(
        `    ${d.requests} requests (${d.requestsPerSecond}/s), p50 ${d.p50Ms} ms, errors ${d.errors}${d.conflicts === undefined ? '' : `, conflicts ${d.conflicts}`}; ${c ? `${c.acknowledged} reports, lost ${c.lost}, duplicated ${c.duplicated}, stale ${c.stale}` : 'not checked'}; RSS ${m.rssEndMB} MB, slopes RSS ${m.rssSlopeMBPerMin}, heap ${m.liveHeapSlopeMBPerMin} MB/min`,
      );
    }
    if ('reportsCreated' in d) {
      lines.push(
        `    ${d.requests} requests (${d.requestsPerSecond}/s), p50 ${d.p50Ms} ms; ${d.reportsCreated} reports created, ${d.reportsSubmitted} submitted; stored ${d.stored}, lost ${d.lost}, duplicated ${d.duplicated}, stale ${d.stale}; errors ${d.errors}`,
      );
    }
    if ('pages' in d && 'loadBefore' in d) {
      lines.push(
        `    ${d.pages} pages, p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, ${d.requests} requests, non-2xx ${d.non2xx}; load ${String(d.loadBefore)} → ${String(d.loadAfter)}`,
      );
    }
    if ('burstP99Ms' in d) {
      lines.push(
        `    office p99 quiet ${JSON.stringify(d.quietP99Ms)} → during the burst ${JSON.stringify(d.burstP99Ms)}; load ${String(d.loadBefore)} → ${String(d.loadAfter)}`,
      );
    }
    if ('growth' in d) {
      for (const g of d.growth as Record<string, unknown>[]) lines.push(`    ${JSON.stringify(g)}`);
    }
    if ('error' in d) lines.push(`    error: ${String(d.error)}`);
  }
  return lines.join('\n') + '\n';
}

function int(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
}
