import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { normalizeDocument } from '../src/domain/normalize.js';
import { readTextTable } from '../src/readers/text-table.reader.js';
import { parseDocumentBytes } from '../src/services/parse-document.service.js';
import { collectGarbage, round, summarize, type BenchResult } from './bench-support.js';

/**
 * Parse + normalize of the seed, the way `reform-ledger parse` does it (read the file, detect
 * the format, decode, read the table, normalize, hash), against the floor: reading the file,
 * splitting its lines and reading the table with nothing else. The ratio says how much of the
 * time is the domain's extraction rather than I/O and tokenizing.
 */

export interface ParseBenchOptions {
  file: string;
  iterations: number;
  warmup: number;
  targetMs: number;
}

async function timeEach(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function runParseBench(o: ParseBenchOptions): Promise<BenchResult> {
  const name = basename(o.file);
  const decoder = new TextDecoder('utf-8');
  let items = 0;
  const full = async () => {
    const { plan } = await parseDocumentBytes(readFileSync(o.file), name);
    items = plan.items.length;
  };
  const floor = () => {
    const text = decoder.decode(readFileSync(o.file));
    text.split(/\r\n|\r|\n/);
    return readTextTable(text, name);
  };
  const doc = floor();
  const normalizeOnly = () => normalizeDocument(doc);

  // Warm-up: let the JIT compile the hot paths before anything is counted.
  await timeEach(o.warmup, full);
  await timeEach(o.warmup, floor);
  collectGarbage();
  const fullStats = summarize(await timeEach(o.iterations, full));
  collectGarbage();
  const floorStats = summarize(await timeEach(o.iterations, floor));
  collectGarbage();
  const normStats = summarize(await timeEach(o.iterations, normalizeOnly));

  return {
    name: 'parse+normalize seed',
    target: `median < ${o.targetMs} ms after warm-up`,
    value: round(fullStats.median, 2),
    unit: 'ms',
    met: fullStats.median < o.targetMs,
    details: {
      file: name,
      items,
      iterations: o.iterations,
      warmup: o.warmup,
      medianMs: round(fullStats.median),
      p95Ms: round(fullStats.p95),
      minMs: round(fullStats.min),
      normalizeOnlyMedianMs: round(normStats.median),
      floorMedianMs: round(floorStats.median, 3),
      floorP95Ms: round(floorStats.p95, 3),
      ratioToFloor: round(fullStats.median / floorStats.median, 1),
    },
  };
}
