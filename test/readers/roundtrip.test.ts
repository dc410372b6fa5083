import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/read-document.js';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import type { RawDocument } from '../../src/domain/raw-table.js';
import { buildCsv, buildDocx, buildXlsx, isTypedList } from '../fixtures/build-fixtures.js';

/**
 * The Sanmen seed (Word's plain-text export of a real reform library) is read once, its cell
 * texts are written into .docx, .xlsx and .csv by the libraries offices' tools resemble, and
 * every reader must give the same texts back.
 */
const SEED = new URL('../../data-seed/sanmen-2022.txt', import.meta.url);
const seedDoc = readTextTable(readFileSync(SEED, 'utf8'), 'sanmen-2022.txt');
const seed = seedDoc.tables[0]!.rows.map((r) => r.map((c) => c.text));
const TITLE = seedDoc.tables[0]!.preamble;

const cellTexts = (doc: RawDocument) => doc.tables[0]!.rows.map((r) => r.map((c) => c.text));

describe('round trip of the Sanmen seed', () => {
  it('reads the seed as 68 rows of 6 cells', () => {
    expect(seed).toHaveLength(68);
    expect(seed.every((r) => r.length === 6)).toBe(true);
    expect(seed[0]).toEqual(['序号', '改革事项', '改革举措', '主要目标', '标志性成果', '责任单位']);
    expect(TITLE).toEqual(['附件 5', '三门县共同富裕“三十”工程改革库']);
  });

  it('reads the seed bytes through readDocument as a text table', async () => {
    const doc = await readDocument(readFileSync(SEED), 'sanmen-2022.txt');
    expect(doc.format).toBe('text');
    expect(cellTexts(doc)).toEqual(seed);
  });

  it('docx: same texts, preamble from the title paragraphs', async () => {
    const doc = await readDocument(await buildDocx(seed, { title: TITLE }), 'sanmen.docx');
    expect(doc.format).toBe('docx');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.preamble).toEqual(TITLE);
    expect(doc.paragraphs).toEqual(TITLE);
    expect(cellTexts(doc)).toEqual(seed);
    expect(doc.tables[0]!.rows.flat().some((c) => c.autoNumbered || c.merged)).toBe(false);
  });

  it('docx with Word auto-numbering: the number column renders 1..N, the measures read as typed', async () => {
    const doc = await readDocument(
      await buildDocx(seed, { autoNumberColumn0: true, autoNumberMeasures: true }),
      'sanmen-auto.docx',
    );
    const rows = doc.tables[0]!.rows;
    const numbers = rows.slice(1).map((r) => r[0]!);
    // The typed numbers (with gaps and "*") were replaced by one Word list: 1..67.
    expect(numbers.map((c) => c.text)).toEqual(seed.slice(1).map((_r, i) => String(i + 1)));
    expect(numbers.every((c) => c.autoNumbered === true)).toBe(true);
    expect(rows[0]![0]).toMatchObject({ text: '序号' });
    expect(rows[0]![0]!.autoNumbered).toBeUndefined();

    // Each measures cell was its own restarted list; the drawn "1." "2." restore the typed text.
    const measures = rows.map((r) => r[2]!);
    expect(measures.map((c) => c.text)).toEqual(seed.map((r) => r[2]));
    const numberedCells = seed.slice(1).filter((r) => isTypedList(r[2]!.split('\n'))).length;
    expect(numberedCells).toBeGreaterThan(40);
    expect(measures.filter((c) => c.autoNumbered).length).toBe(numberedCells);

    // Everything else is untouched.
    expect(cellTexts(doc).map((r) => r.slice(1))).toEqual(seed.map((r) => r.slice(1)));
  });

  it('xlsx: a merged title row, then the same texts, numbers written as numbers read back as text', async () => {
    const bytes = await buildXlsx(seed, { title: TITLE[1], mergeTitle: true, numbersAsNumbers: true });
    const doc = await readDocument(bytes, 'sanmen.xlsx');
    expect(doc.format).toBe('xlsx');
    expect(doc.tables[0]!.sheet).toBe('Sheet1');
    const rows = doc.tables[0]!.rows;
    expect(rows[0]!.map((c) => c.text)).toEqual(Array(6).fill(TITLE[1]));
    expect(rows[0]!.map((c) => c.merged)).toEqual([undefined, true, true, true, true, true]);
    expect(cellTexts(doc).slice(1)).toEqual(seed);
    // Title row 1, header row 2, item "1*" row 3, item "2" row 4.
    expect(rows[3]![0]).toMatchObject({ text: '2', pos: { row: 4, col: 1, ref: 'A4' } });
  });

  for (const encoding of ['utf8', 'utf8bom', 'gbk'] as const) {
    it(`csv (${encoding}): same texts, multi-line cells intact`, async () => {
      const doc = await readDocument(buildCsv(seed, { encoding }), 'sanmen.csv');
      expect(doc.format).toBe('csv');
      expect(cellTexts(doc)).toEqual(seed);
      // Row 2 starts on line 2; the line breaks inside its cells push row 3 further down.
      const rows = doc.tables[0]!.rows;
      expect(rows[1]![0]!.pos.line).toBe(2);
      const breaksInRow2 = seed[1]!.join('').split('\n').length - 1;
      expect(breaksInRow2).toBeGreaterThan(0);
      expect(rows[2]![0]!.pos.line).toBe(3 + breaksInRow2);
    });
  }

  it('csv without a telling name is still recognised as CSV by its shape', async () => {
    const doc = await readDocument(buildCsv(seed, { encoding: 'gbk' }), 'export');
    expect(doc.format).toBe('csv');
    expect(cellTexts(doc)).toEqual(seed);
  });
});
