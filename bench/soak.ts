/**
 * `npm run soak -- --minutes 30 --engine sqlite|postgres|both`: the soak of issue 4 — the real
 * server on loopback, reporters submitting, the office reviewing and exporting, leaders reading
 * dashboards, for as long as asked; then p50/p95/p99, errors and lost races per route (`race`: a
 * 409 on a report's save or submit, re-read and retried as the web app does — not an error), the
 * server's memory (RSS and live heap, the slope of their second half) and the database checked
 * against every acknowledged write. Exit code 0 only when there was no error, nothing was lost, duplicated or
 * inconsistent, and memory stayed flat (thresholds in bench/soak-stats.ts, docs/reliability.md).
 *
 *   --minutes M         traffic per engine (default 30)
 *   --engine E          sqlite | postgres | both (default both)
 *   --reporters N       reporters, one per unit (default 10)
 *   --leaders N         viewers reading dashboards (default 8)
 *   --think-ms MS       mean pause between one person's steps (default 1000)
 *   --export-every S    mean seconds between the office's exports (default 20)
 *   --sample-every S    seconds between memory samples (default 10; 5 under 5 minutes)
 *   --save              append the result to bench/results.json (as `npm run bench` does)
 *   --json FILE         write everything, every memory sample included, to FILE
 *   BENCH_PG_URL        admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DialectName } from '../src/store/database.js';
import { gitCommit, machineInfo } from './bench-support.js';
import { runSoak, soakBenchResult, type SoakOptions, type SoakResult } from './soak-bench.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(BENCH_DIR, 'results.json');

/** Options for `npm run soak` and for the short soak of `npm run bench`. */
export function soakOptions(
  engine: DialectName,
  minutes: number,
  overrides: Partial<SoakOptions> = {},
): SoakOptions {
  return {
    engine,
    minutes,
    reporters: 10,
    leaders: 8,
    thinkMs: 1000,
    exportEveryMs: 20_000,
    sampleEverySec: minutes < 5 ? 5 : 10,
    gcEvery: 3,
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log: (s) => process.stderr.write(`${s}\n`),
    ...overrides,
  };
}

/** The report a person reads: per route, memory, counts, verdict. */
export function soakReport(r: SoakResult): string {
  const lines = [
    '',
    `soak on ${r.engine}: ${r.minutes} min, ${r.requests} requests (${r.requestsPerSecond}/s), ` +
      `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors, ${r.conflicts} conflicts (lost races, retried) — ` +
      (r.ok ? 'HELD' : 'FAILED'),
  ];
  if (r.failure) lines.push(`  could not run: ${r.failure}`);
  lines.push(
    '',
    `  ${'route'.padEnd(42)} ${'count'.padStart(7)} ${'err'.padStart(4)} ${'race'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`,
  );
  for (const s of r.routes) {
    lines.push(
      `  ${s.route.padEnd(42)} ${String(s.count).padStart(7)} ${String(s.errors).padStart(4)} ${String(s.conflicts).padStart(4)} ${ms(s.p50Ms)} ${ms(s.p95Ms)} ${ms(s.p99Ms)} ${ms(s.maxMs)}`,
    );
  }
  const m = r.memory;
  lines.push(
    '',
    `  memory (${m.samples} samples): RSS ${m.rssStartMB} → ${m.rssEndMB} MB (max ${m.rssMaxMB}), ` +
      `live heap ${m.liveHeapStartMB} → ${m.liveHeapEndMB} MB; second-half slope RSS ${m.rssSlopeMBPerMin} MB/min, ` +
      `live heap ${m.liveHeapSlopeMBPerMin} MB/min${m.rssJudged ? '' : ' (RSS not judged: run under 10 min)'} — ${m.flat ? 'flat' : 'NOT flat'}`,
  );
  const c = r.counts;
  if (c) {
    lines.push(
      `  database: ${c.acknowledged} reports acknowledged, ${c.stored} stored (${c.approved} approved, ${c.submitted} submitted, ` +
        `${c.returned} returned); ${c.events} events, ${c.evidence} evidence files; lost ${c.lost}, duplicated ${c.duplicated}, ` +
        `unacknowledged ${c.unacknowledged}, stale ${c.stale}, event mismatches ${c.eventMismatches}, evidence mismatches ${c.evidenceMismatches}`,
    );
    for (const p of c.firstProblems) lines.push(`    ${p}`);
  }
  for (const e of r.firstErrors) lines.push(`  error: ${e}`);
  return lines.join('\n') + '\n';
}

function ms(v: number): string {
  return `${v}`.padStart(6) + 'ms';
}

function appendResults(results: SoakResult[], mode: string): void {
  let all: unknown[] = [];
  if (existsSync(RESULTS)) {
    const parsed: unknown = JSON.parse(readFileSync(RESULTS, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${RESULTS} is not a JSON array; not touching it.`);
    all = parsed;
  }
  all.push({
    date: new Date().toISOString(),
    mode,
    machine: machineInfo(),
    git: gitCommit(join(BENCH_DIR, '..')),
    results: results.map(soakBenchResult),
  });
  writeFileSync(RESULTS, JSON.stringify(all, null, 2) + '\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      engine: { type: 'string', default: 'both' },
      reporters: { type: 'string' },
      leaders: { type: 'string' },
      'think-ms': { type: 'string' },
      'export-every': { type: 'string' },
      'sample-every': { type: 'string' },
      save: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const minutes = Number(values.minutes);
  const engines: DialectName[] =
    values.engine === 'both'
      ? ['sqlite', 'postgres']
      : values.engine === 'sqlite' || values.engine === 'postgres'
        ? [values.engine]
        : [];
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n > 0)) throw new UsageError(`--${name} must be a positive number, got ${v}`);
    return n;
  };
  if (!(minutes > 0)) throw new UsageError(`--minutes must be a positive number, got ${values.minutes}`);
  if (engines.length === 0)
    throw new UsageError(`--engine must be sqlite, postgres or both, got ${values.engine}`);
  const overrides: Partial<SoakOptions> = {};
  const set = <K extends keyof SoakOptions>(k: K, v: SoakOptions[K] | undefined) => {
    if (v !== undefined) overrides[k] = v;
  };
  set('reporters', num(values.reporters, 'reporters'));
  set('leaders', num(values.leaders, 'leaders'));
  set('thinkMs', num(values['think-ms'], 'think-ms'));
  const every = num(values['export-every'], 'export-every');
  set('exportEveryMs', every === undefined ? undefined : every * 1000);
  set('sampleEverySec', num(values['sample-every'], 'sample-every'));

  const results: SoakResult[] = [];
  for (const engine of engines) {
    process.stderr.write(`soak on ${engine}, ${minutes} min…\n`);
    const r = await runSoak(soakOptions(engine, minutes, overrides));
    results.push(r);
    process.stdout.write(soakReport(r));
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n');
  if (values.save) {
    appendResults(results, `soak ${minutes} min`);
    process.stdout.write(`\nAppended to ${RESULTS}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

class UsageError extends Error {}

// Run as a script (npm run soak), not when bench/run.ts imports soakOptions/soakReport.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(e instanceof UsageError ? 2 : 3);
    },
  );
}
