/**
 * Regressions found by fuzzing the readers (test/fuzz, npm run fuzz; docs/reliability.md).
 * Each case once crashed the process (stack overflow, heap exhaustion), hung, refused a
 * readable document, or produced a plan that broke its own schema.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import { planSchema } from '../../src/domain/plan-schema.js';
import type { RawCell, RawDocument } from '../../src/domain/raw-table.js';
import { readDocument } from '../../src/readers/read-document.js';
import { MAX_TABLE_COLUMNS } from '../../src/readers/table-limits.js';
import { parseDocumentBytes } from '../../src/services/parse-document.service.js';
import { buildXlsx, zipDocxXml } from '../fixtures/build-fixtures.js';
import { abstractNum, num, p, tbl, tc, tr } from './docx-xml.js';

/** Past ~120 000, spreading an array into a call's arguments overflows the stack. */
const MANY = 130_000;

async function refused(bytes: Uint8Array, name: string): Promise<InputError> {
  const err = await parseDocumentBytes(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

/** Runs `f`, asserting it finishes within `ms`. */
async function within<T>(ms: number, f: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const out = await f();
  expect(performance.now() - started).toBeLessThan(ms);
  return out;
}

const header = tr(tc('序号'), tc('改革事项'), tc('责任单位'));
const item = tr(tc('1'), tc('推进改革'), tc('县发改局'));

describe('long and wide tables', () => {
  it('a CSV of 130 000 records is read, not a stack overflow', async () => {
    const csv = strToU8('序号,改革事项,责任单位\n' + '1,推进改革,县发改局\n'.repeat(MANY));
    const doc = await readDocument(csv, 'long.csv');
    expect(doc.tables[0]!.rows).toHaveLength(MANY + 1);
  });

  it('a plan of 130 000 rows is normalised, not a stack overflow', () => {
    const row = (texts: string[], r: number): RawCell[] =>
      texts.map((text, c) => ({ text, pos: { row: r, col: c + 1 } }));
    const rows = [row(['序号', '改革事项', '责任单位'], 1)];
    for (let i = 1; i <= MANY; i++) rows.push(row([String(i), `推进改革${i}`, '县发改局'], i + 1));
    const doc: RawDocument = {
      source: 'long.txt',
      format: 'text',
      tables: [{ rows, preamble: [], tableIndex: 1 }],
      paragraphs: [],
    };
    expect(normalizeDocument(doc).items).toHaveLength(MANY);
  }, 30_000);

  it('a Word table of 150 000 rows is read, not refused as corrupt', async () => {
    const docx = zipDocxXml({ body: tbl(3, header, item, '<w:tr/>'.repeat(150_000)) });
    const doc = await readDocument(docx, 'rows.docx');
    expect(doc.tables[0]!.rows.length).toBeGreaterThan(150_000);
  });

  it('one wide row over many short ones is refused before it is padded (csv, text)', async () => {
    const csv = strToU8('序号' + ','.repeat(5000) + '\n' + '1\n'.repeat(5000));
    expect((await within(2000, () => refused(csv, 'wide.csv'))).key).toBe('error.table_too_large');
    // " \t" starts a row of its own: 5000 two-cell rows under a 20 000-cell header (130 kB).
    const txt = strToU8('\t序号\n'.repeat(20_000) + '\n' + ' \t1\n'.repeat(5000));
    expect((await within(2000, () => refused(txt, 'wide.txt'))).key).toBe('error.table_too_large');
  });
});

describe('Word counts taken as claims', () => {
  it('gridSpan and gridBefore of a billion, or negative, stay within the column limit', async () => {
    const spans = [
      tr(`<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>${p('x')}</w:tc>`),
      `<w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>${tc('y')}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="-5"/></w:trPr>${tc('z')}</w:tr>`,
    ];
    const doc = await within(2000, () =>
      readDocument(zipDocxXml({ body: tbl(3, header, ...spans, item) }), 'span.docx'),
    );
    const rows = doc.tables[0]!.rows;
    expect(rows[0]).toHaveLength(MAX_TABLE_COLUMNS);
    expect(rows[3]![0]!.text).toBe('z');
  });

  it('a symbol past U+10FFFF is dropped, not a corrupt document', async () => {
    const sym = p('<w:r><w:t>改革</w:t><w:sym w:font="Wingdings" w:char="FFFFFFF"/></w:r>');
    const doc = await readDocument(
      zipDocxXml({ body: tbl(3, header, item, tr(tc(sym), tc('a'), tc('b'))) }),
      'sym.docx',
    );
    expect(doc.tables[0]!.rows[2]![0]!.text).toBe('改革');
  });

  it('a list starting at a billion is drawn as digits, not a billion/26 letters per paragraph', async () => {
    const numbering =
      abstractNum(
        1,
        `<w:lvl w:ilvl="0"><w:start w:val="1000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl>`,
      ) + num(1, 1);
    const para = p('推进改革', { numId: 1, ilvl: 0 });
    const doc = await within(2000, () =>
      readDocument(zipDocxXml({ body: para.repeat(50), numbering }), 'letters.docx'),
    );
    expect(doc.paragraphs[0]).toBe('1000000000.推进改革');
  });

  it('a DTD behind a long comment is refused like one at the top', async () => {
    const body =
      `<?xml version="1.0"?><!--${' '.repeat(5000)}--><!DOCTYPE d [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;">]>` +
      `<w:document xmlns:w="x"><w:body>${p('&b;')}</w:body></w:document>`;
    const err = await refused(zipDocxXml({ body }), 'dtd.docx');
    expect(err.key).toBe('error.corrupt_document');
    expect(err.params['detail']).toBe('DOCTYPE not allowed');
  });
});

describe('numbers too large to hold', () => {
  it('an item number of 20 or 400 digits is unreadable, not 1e20 or Infinity', async () => {
    for (const digits of [20, 400]) {
      const txt = strToU8(
        `\t序号\n\t改革事项\n\t责任单位\n\n\t${'9'.repeat(digits)}\n\t推进改革\n\t县发改局\n`,
      );
      const { plan } = await parseDocumentBytes(txt, 'number.txt');
      expect(planSchema.safeParse(plan).success).toBe(true);
      expect(plan.items[0]!.numberInferred).toBe(true);
    }
  });

  it('a target of 400 digits is no target; the plan keeps to its schema', async () => {
    const txt = strToU8(
      `\t序号\n\t改革事项\n\t主要目标\n\n\t1\n\t推进改革\n\t2022年底前覆盖率达${'9'.repeat(400)}%\n`,
    );
    const { plan } = await parseDocumentBytes(txt, 'digits.txt');
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.items[0]!.targets.every((t) => t.value === null || Number.isFinite(t.value))).toBe(true);
  });
});

describe('long cells and pasted rows: work and findings that grow with the text, not its square', () => {
  const row = (texts: string[], r: number): RawCell[] =>
    texts.map((text, c) => ({ text, pos: { row: r, col: c + 1 } }));
  const docOf = (goals: string, copies = 1): RawDocument => ({
    source: 'long.txt',
    format: 'text',
    tables: [
      {
        rows: [
          row(['序号', '改革事项', '主要目标', '责任单位'], 1),
          ...Array.from({ length: copies }, (_, i) =>
            row([String(i + 1), '推进改革', goals, '县发改局'], i + 2),
          ),
        ],
        preamble: [],
        tableIndex: 1,
      },
    ],
    paragraphs: [],
  });
  // Linear now: well under a second each; quadratic they took 9 s, 24 s, or ran out of memory.
  const normalised = (doc: RawDocument) => within(4000, async () => normalizeDocument(doc));

  it('thousands of amounts in one clause (each once walked the clause back to its start)', async () => {
    const plan = await normalised(docOf('整合7050万元财政资金投入项目建设'.repeat(5000)));
    expect(plan.items[0]!.targets.length).toBeGreaterThan(1000);
  });

  it('thousands of dates in one line (each once re-read the line, and every date span)', async () => {
    await normalised(docOf('2022年6月底前完成'.repeat(40_000)));
    await normalised(docOf('到2022年底前完成'.repeat(20_000)));
  });

  it('a phrase typed twice, thousands of times in one cell (each excerpt once copied the cell)', async () => {
    const plan = await normalised(docOf('推进改革推进改革、'.repeat(5000)));
    expect(plan.findings.filter((f) => f.variant === 'repeat').length).toBeLessThanOrEqual(5);
  });

  it('one row pasted 2000 times (every pair was a finding: a million, then out of memory)', async () => {
    const plan = await normalised(docOf('2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内。', 2000));
    const copies = plan.findings.filter((f) => f.code === 'DUPLICATE_TEXT');
    expect(copies.length).toBeGreaterThan(1000);
    expect(copies.length).toBeLessThanOrEqual(2000 * 5);
  });
});

describe('ranges exceljs would expand cell by cell', () => {
  const plan = [
    ['序号', '改革事项', '责任单位'],
    ['1', '推进改革', '县发改局'],
  ];
  async function xlsx(
    sheet: (xml: string) => string,
    book: (xml: string) => string = (x) => x,
  ): Promise<Uint8Array> {
    const files = unzipSync(await buildXlsx(plan));
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet(strFromU8(files['xl/worksheets/sheet1.xml']!)));
    files['xl/workbook.xml'] = strToU8(book(strFromU8(files['xl/workbook.xml']!)));
    return zipSync(files);
  }
  const whole = 'A1:XFD1048576';

  it('a merged range over the whole sheet is refused', async () => {
    const bytes = await xlsx((x) =>
      x.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${whole}"/></mergeCells>`),
    );
    expect((await within(2000, () => refused(bytes, 'merge.xlsx'))).key).toBe('error.table_too_large');
  });

  it('rows, cells and merges past the last row or column, or not addresses at all, are refused', async () => {
    for (const edit of [
      (x: string) =>
        x.replace('</sheetData>', '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'),
      (x: string) => x.replace('</row>', '<c r="ZZZZ1"><v>1</v></c></row>'),
      // exceljs reads the digits of a malformed reference: row 999 999 999.
      (x: string) =>
        x.replace(
          '</sheetData>',
          '</sheetData><mergeCells count="1"><mergeCell ref="%9%9%9%9%9%9%9%9%9"/></mergeCells>',
        ),
    ]) {
      const err = await within(2000, async () => refused(await xlsx(edit), 'far.xlsx'));
      expect(err.key).toBe('error.corrupt_document');
    }
  });

  it('XML nested a million deep is refused before exceljs searches its tag stack for each close', async () => {
    const deep = (x: string) => x.replace('<sheetData>', `<sheetData>${'<row><c><is>'.repeat(200_000)}</x>`);
    expect((await within(2000, async () => refused(await xlsx(deep), 'deep.xlsx'))).key).toBe(
      'error.corrupt_document',
    );
  });

  it('a data validation, a defined name or a <col> over the whole sheet is ignored', async () => {
    const validation = `<dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    const cases = [
      await xlsx((x) => x.replace('<pageMargins', `${validation}<pageMargins`)),
      await xlsx(
        (x) => x,
        (x) =>
          x.replace(
            '</sheets>',
            `</sheets><definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>`,
          ),
      ),
      await xlsx((x) =>
        x.replace('<sheetData>', '<cols><col min="1" max="1000000000" width="9"/></cols><sheetData>'),
      ),
    ];
    for (const bytes of cases) {
      const { plan: read } = await within(2000, () => parseDocumentBytes(bytes, 'range.xlsx'));
      expect(read.items.map((i) => i.title)).toEqual(['推进改革']);
    }
  });
});
