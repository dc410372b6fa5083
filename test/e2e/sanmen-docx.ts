/**
 * The Sanmen plan (data-seed/) written as a Word document, with one deadline moved, so that
 * importing it is a re-import of the seeded plan: same title, one item changed, the rest unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../src/readers/read-document.js';
import { buildDocx } from '../fixtures/build-fixtures.js';
import { ROOT } from './build-web.js';

export const SANMEN_TXT = join(ROOT, 'data-seed', 'sanmen-2022.txt');

export interface ChangedDocx {
  bytes: Uint8Array;
  /** The item whose goals were changed, and the phrase now in them. */
  changedItem: number;
  newPhrase: string;
}

export async function sanmenDocxWithOneChange(): Promise<ChangedDocx> {
  const doc = await readDocument(readFileSync(SANMEN_TXT), 'sanmen-2022.txt');
  const table = doc.tables[0]!;
  const rows = table.rows.map((row) => row.map((cell) => cell.text));
  const header = rows[0]!;
  const goals = header.findIndex((h) => h.includes('主要目标'));
  const number = header.findIndex((h) => h.includes('序号'));
  const row = rows.find((r) => r[number]?.trim() === '2')!;
  const before = '2022年6月底前';
  const newPhrase = '2022年7月底前';
  if (!row[goals]!.includes(before)) throw new Error(`item 2's goals no longer contain ${before}`);
  row[goals] = row[goals]!.replace(before, newPhrase);
  const title = table.preamble.map((p) => p.replace(/\[bookmark:[^\]]*\]/g, '').trim()).filter(Boolean);
  return { bytes: await buildDocx(rows, { title }), changedItem: 2, newPhrase };
}
