import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { readDocument } from '../../src/readers/read-document.js';
import { buildXlsx } from '../fixtures/build-fixtures.js';

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

describe('xlsx reader', () => {
  it('turns values into the text a person sees', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('改革库');
      ws.addRow(['序号', '数值', '日期', '富文本', '公式', '比例']);
      ws.addRow([
        1,
        0.1 + 0.2,
        new Date(Date.UTC(2022, 8, 30)),
        { richText: [{ text: '县' }, { text: '发改局' }] },
        { formula: 'A2*3', result: 3 },
        0.9,
      ]);
      ws.addRow([
        '2',
        2.5,
        new Date(Date.UTC(2022, 11, 31, 17, 30)),
        '第一行\r\n第二行',
        { formula: 'B3&"亿元"', result: '2.5亿元' },
        0.155,
      ]);
      ws.getCell('F2').numFmt = '0%';
      ws.getCell('F3').numFmt = '0.0%';
    });
    const doc = await readDocument(bytes, 'values.xlsx');
    expect(doc.tables[0]!.sheet).toBe('改革库');
    expect(texts(doc.tables[0]!.rows)).toEqual([
      ['序号', '数值', '日期', '富文本', '公式', '比例'],
      ['1', '0.3', '2022-09-30', '县发改局', '3', '90%'],
      ['2', '2.5', '2022-12-31 17:30', '第一行\n第二行', '2.5亿元', '15.5%'],
    ]);
    expect(doc.tables[0]!.rows[2]![3]!.pos).toEqual({ row: 3, col: 4, ref: 'D3' });
  });

  it('repeats merged cells (title across, unit down) and marks the copies', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['三门县改革库']);
      ws.addRow(['序号', '改革事项', '责任单位']);
      ws.addRow([1, '事项一', '县发改局']);
      ws.addRow([2, '事项二']);
      ws.mergeCells('A1:C1');
      ws.mergeCells('C3:C4');
    });
    const rows = (await readDocument(bytes, 'merged.xlsx')).tables[0]!.rows;
    expect(texts(rows)).toEqual([
      ['三门县改革库', '三门县改革库', '三门县改革库'],
      ['序号', '改革事项', '责任单位'],
      ['1', '事项一', '县发改局'],
      ['2', '事项二', '县发改局'],
    ]);
    expect(rows[0]![0]!.merged).toBeUndefined();
    expect(rows[0]![2]).toMatchObject({ merged: true, pos: { ref: 'C1' } });
    expect(rows[3]![2]).toMatchObject({ merged: true, pos: { row: 4, col: 3, ref: 'C4' } });
  });

  it('drops empty rows and empty edge columns, keeping sheet addresses in ref', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getCell('B3').value = '序号';
      ws.getCell('C3').value = '改革事项';
      ws.getCell('B5').value = 1;
      ws.getCell('C5').value = '事项';
      ws.getCell('F9').numFmt = '0.00'; // formatted but empty: invisible
      ws.getCell('G12').value = '';
    });
    const rows = (await readDocument(bytes, 'sparse.xlsx')).tables[0]!.rows;
    expect(texts(rows)).toEqual([
      ['序号', '改革事项'],
      ['1', '事项'],
    ]);
    expect(rows[1]![1]!.pos).toEqual({ row: 2, col: 2, ref: 'C5' });
  });

  it('reads the named sheet, or the first visible one, and lists the sheets when the name is wrong', async () => {
    const bytes = await buildXlsx([['序号'], ['1']], { sheetName: '改革库', sheetsBefore: ['说明'] });
    expect((await readDocument(bytes, 'a.xlsx')).tables[0]!.sheet).toBe('说明');
    const named = await readDocument(bytes, 'a.xlsx', { sheet: '改革库' });
    expect(named.tables[0]!.sheet).toBe('改革库');
    expect(texts(named.tables[0]!.rows)).toEqual([['序号'], ['1']]);

    const err = await readDocument(bytes, 'a.xlsx', { sheet: '汇总' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({
      key: 'error.sheet_not_found',
      params: { sheet: '汇总', sheets: '说明, 改革库' },
      place: { file: 'a.xlsx', sheet: '汇总' },
    });

    const hiddenFirst = await workbookBytes((wb) => {
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'x';
      wb.addWorksheet('可见').getCell('A1').value = 'y';
    });
    expect((await readDocument(hiddenFirst, 'h.xlsx')).tables[0]!.sheet).toBe('可见');
  });
});
