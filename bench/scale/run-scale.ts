/**
 * The scale benchmark alone (it is also part of `npm run bench`), appended to bench/results.json
 * like every run:
 *
 *   node --expose-gc --import tsx bench/scale/run-scale.ts [--quick] [--no-postgres] [--no-sqlite] [--no-save]
 *   BENCH_SCALE_SIZES=10,30,100   sizes (organisations) to generate and measure
 *   BENCH_PG_URL                  admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gitCommit, machineInfo } from '../bench-support.js';
import { runScaleBench, scaleOptions } from './scale-bench.js';

const RESULTS = fileURLToPath(new URL('../results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
  },
});

const engines = (['sqlite', 'postgres'] as const).filter((e) => !values[`no-${e}`]);
const log = (s: string) => process.stderr.write(`${s}\n`);
const machine = machineInfo();
const results = await runScaleBench(
  scaleOptions({
    quick: values.quick,
    engines,
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log,
  }),
);
const run = {
  date: new Date().toISOString(),
  mode: values.quick ? 'quick (scale only)' : 'full (scale only)',
  machine,
  git: gitCommit(ROOT),
  results,
};
for (const r of results) {
  const value = r.value === null ? '—' : `${r.value} ${r.unit}`;
  const verdict = r.met === null ? '' : r.met ? 'met' : 'NOT met';
  process.stdout.write(`${r.name}: ${value} (target ${r.target}) ${verdict}\n`);
  for (const g of (r.details?.growth as unknown[] | undefined) ?? [])
    process.stdout.write(`  ${JSON.stringify(g)}\n`);
  if (r.details?.error) process.stdout.write(`  error: ${String(r.details.error)}\n`);
}
if (!values['no-save']) {
  const parsed: unknown = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
  // Never overwrite history we cannot read.
  if (!Array.isArray(parsed)) throw new Error(`${RESULTS} is not a JSON array; not touching it.`);
  writeFileSync(RESULTS, JSON.stringify([...parsed, run], null, 2) + '\n');
  process.stdout.write(`Appended to ${RESULTS}\n`);
}
