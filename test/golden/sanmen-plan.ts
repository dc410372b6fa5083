import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import type { Finding, Item, Target } from '../../src/domain/plan.js';

/**
 * The real input, 三门县共同富裕“三十”工程改革库 (2022) as exported to text, read once for the
 * golden tests, with small accessors. Expected values in those tests were written by reading
 * the document, not by copying the program's output.
 */

const SEED = new URL('../../data-seed/sanmen-2022.txt', import.meta.url);
export const plan = normalizeDocument(readTextTable(readFileSync(SEED, 'utf8'), 'sanmen-2022.txt'));

export const item = (n: number): Item => {
  const found = plan.items.filter((i) => i.number === n);
  expect(found, `exactly one item numbered ${n}`).toHaveLength(1);
  return found[0]!;
};
export const milestones = (n: number) => item(n).milestones.map((m) => [m.deadline, m.source, m.phrase]);
export type T = [
  deadline: string | null,
  source: Target['source'],
  op: Target['op'],
  value: number | null,
  unit: string,
];
export const targets = (n: number): T[] =>
  item(n).targets.map((t) => [t.deadline, t.source, t.op, t.value, t.unit]);
export const findings = (code: Finding['code']) => plan.findings.filter((f) => f.code === code);
export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const WRITTEN = [
  ...range(1, 17),
  26,
  27,
  ...range(37, 48),
  ...range(52, 54),
  ...range(57, 61),
  65,
  67,
];
export const INFERRED = [...range(18, 25), ...range(28, 36), 49, 50, 51, 55, 56, 62, 66, 68, 69];
export const KEY = [1, 9, 10, 11, 14, 16, 52, 58];
