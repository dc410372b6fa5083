import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../src/readers/csv.reader.js';
import { readDocument } from '../../src/readers/read-document.js';
import { buildCsv } from '../fixtures/build-fixtures.js';

const texts = (doc: { tables: { rows: { text: string }[][] }[] }) =>
  doc.tables[0]!.rows.map((r) => r.map((c) => c.text));

describe('csv reader', () => {
  it('detects ";" and TAB only when they dominate', () => {
    expect(detectDelimiter('序号;改革事项;责任单位\n1;事项;县发改局\n')).toBe(';');
    expect(detectDelimiter('序号\t改革事项\t责任单位\n1\t事项\t县发改局\n')).toBe('\t');
    // A Chinese ";" inside text, or a half-width one inside quotes, does not switch.
    expect(detectDelimiter('序号,改革事项,目标\n1,事项,"达到5;超过6"\n2,事项;二,目标\n')).toBe(',');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
  });

  it('reads quoted multi-line cells, CRLF, doubled quotes, and ragged rows', () => {
    const text =
      '序号,改革事项,主要目标\r\n1,"“农户家庭资产池”, 融资","1.2022年9月底前；\r\n2.年底前"\r\n\r\n2,"说""明"\r\n';
    const doc = readCsv(text, 'x.csv');
    expect(texts(doc)).toEqual([
      ['序号', '改革事项', '主要目标'],
      ['1', '“农户家庭资产池”, 融资', '1.2022年9月底前；\n2.年底前'],
      ['2', '说"明', ''],
    ]);
    expect(doc.tables[0]!.rows.map((r) => r[0]!.pos.line)).toEqual([1, 2, 5]);
    expect(doc.tables[0]!.rows[2]![2]!.pos).toEqual({ row: 3, col: 3, line: 5 });
  });

  it('reads semicolon CSV through readDocument, and a BOM-less GBK file decodes right', async () => {
    const rows = [
      ['序号', '改革事项', '责任单位'],
      ['1', '深化“最多跑一次”改革', '县政务服务中心、县发改局'],
    ];
    const gbk = buildCsv(rows, { encoding: 'gbk', delimiter: ';' });
    expect(gbk[0]).not.toBe(0xef); // no BOM
    const doc = await readDocument(gbk, '改革库.csv');
    expect(doc.format).toBe('csv');
    expect(texts(doc)).toEqual(rows);
  });

  it('reports an unterminated quote as a CSV error with its line', async () => {
    const bytes = iconv.encode('序号,事项\n1,"未结束\n2,x\n', 'utf8');
    const err = await readDocument(new Uint8Array(bytes), 'bad.csv').catch((e: unknown) => e);
    expect(err).toMatchObject({ key: 'error.csv_parse', place: { file: 'bad.csv' } });
  });
});
