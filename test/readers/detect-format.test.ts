import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/read-document.js';
import { buildDocx, buildXlsx } from '../fixtures/build-fixtures.js';

const SEED = new URL('../../data-seed/sanmen-2022.txt', import.meta.url);

describe('format detection', () => {
  it('goes by content, not by the name', async () => {
    const rows = [
      ['序号', '改革事项'],
      ['1', '事项'],
    ];
    expect((await readDocument(await buildDocx(rows), 'renamed.xlsx')).format).toBe('docx');
    expect((await readDocument(await buildXlsx(rows), 'renamed.docx')).format).toBe('xlsx');
    expect((await readDocument(readFileSync(SEED), 'sanmen.csv')).format).toBe('text');
    expect((await readDocument(strToU8('序号,改革事项\n1,事项\n2,事项二\n'), 'upload.txt')).format).toBe(
      'csv',
    );
  });

  it('reads a UTF-16 text export (Word "Unicode text")', async () => {
    const bytes = new Uint8Array(iconv.encode('\uFEFF' + readFileSync(SEED, 'utf8'), 'utf16le'));
    const doc = await readDocument(bytes, 'sanmen-unicode.txt');
    expect(doc.format).toBe('text');
    expect(doc.tables[0]!.rows).toHaveLength(68);
  });

  it('lets a .tsv name win over the Word-export shape when rows start with an empty cell', async () => {
    const tsv =
      '序号\t改革事项\t责任单位\n\t事项一\t县发改局\n\t事项二\t县财政局\n\t事项三\t县民政局\n\t事项四\t县教育局\n';
    const doc = await readDocument(strToU8(tsv), 'items.tsv');
    expect(doc.format).toBe('csv');
    expect(doc.tables[0]!.rows[1]!.map((c) => c.text)).toEqual(['', '事项一', '县发改局']);
  });

  it('prose with a few commas is paragraphs, not CSV', async () => {
    const prose = 'Background, in short\nThe office reviewed the plan, the units, and the deadlines.\nDone\n';
    const doc = await readDocument(strToU8(prose), 'notes.txt');
    expect(doc.format).toBe('text');
    expect(doc.tables).toEqual([]);
    expect(doc.paragraphs).toHaveLength(3);
  });
});
