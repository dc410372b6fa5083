import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { plan as sanmen } from '../golden/sanmen-plan.js';
import { FINDING_CODES, type Plan } from '../../src/domain/plan.js';
import { t } from '../../src/i18n/index.js';
import { writeQualityReportXlsx } from '../../src/writers/quality-report.xlsx.js';
import { financeItem, insuranceItem, makePlan, pensionItem } from '../helpers/plan-factory.js';
import { openXlsx, rowValues } from './open-report.js';

describe('plan-quality report (.xlsx) for the Sanmen plan', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await openXlsx(await writeQualityReportXlsx(sanmen, 'zh-CN'));
  });

  it('lists one row per finding on 按问题, grouped by code, with the item, field, message and quote', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['按问题', '按事项']);
    const rows = rowValues(wb.getWorksheet('按问题')!);
    expect(rows[0]).toEqual(['问题代码', '问题类型', '级别', '序号', '改革事项', '栏目', '问题说明', '原文']);
    expect(rows).toHaveLength(sanmen.findings.length + 1);
    const codes = rows.slice(1).map((r) => r[0]);
    expect(codes).toEqual(
      FINDING_CODES.flatMap((c) => sanmen.findings.filter((f) => f.code === c).map(() => c)),
    );
    expect(rows).toContainEqual([
      'BLANK_VALUE',
      '指标数值空缺',
      '警告',
      30,
      '完善城乡居民基本养老保险制度',
      '主要目标',
      expect.stringContaining('参保率达  %'),
      '与用人单位建立劳动关系的新业态从业人员企业职工基本养老保险参保率达  %',
    ]);
    expect(rows.find((r) => r[0] === 'UNIT_ALIAS' && r[3] === 10)?.[7]).toBe('县自然资源规划局');
    expect(rows.find((r) => r[0] === 'SEQUENCE_GAP' && r[3] === 65)?.[6]).toBe(
      '序号从 62 跳到 65，缺少 63、64',
    );
  });

  it('counts each code per item on 按事项', () => {
    const rows = rowValues(wb.getWorksheet('按事项')!);
    const present = FINDING_CODES.filter((c) => sanmen.findings.some((f) => f.code === c));
    expect(rows[0]).toEqual([
      '序号',
      '改革事项',
      '问题数',
      ...present.map((c) => t('zh-CN', `report.code.${c}`)),
    ]);
    expect(rows).toHaveLength(new Set(sanmen.findings.map((f) => f.item)).size + 1);
    const row30 = rows.find((r) => r[0] === 30)!;
    expect(row30[1]).toBe('完善城乡居民基本养老保险制度');
    expect(row30[2]).toBe(3);
    expect(row30[3 + present.indexOf('BLANK_VALUE')]).toBe(2);
    expect(row30[3 + present.indexOf('MISSING_NUMBER')]).toBe(1);
    expect(row30[3 + present.indexOf('UNIT_ALIAS')] ?? null).toBeNull();
    const total = rows.slice(1).reduce((n, r) => n + (r[2] as number), 0);
    expect(total).toBe(sanmen.findings.length);
  });

  it('freezes the header, filters it, fits the columns and prints A4 landscape with the header on every page', () => {
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = sheet.getRow(1).cellCount;
      expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(last).letter}${sheet.rowCount}`);
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.headerFooter.oddFooter).toContain('&P');
    }
    const byCode = wb.getWorksheet('按问题')!;
    // Chinese characters count double: "完善城乡居民基本养老保险制度" (14) needs a width of about 28.
    expect(byCode.getColumn(5).width).toBeGreaterThanOrEqual(28);
    expect(byCode.getColumn(7).width).toBeLessThanOrEqual(60);
    expect(byCode.getCell('G2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('fills the severity cell by severity', () => {
    const sheet = wb.getWorksheet('按问题')!;
    const fills = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const fill = row.getCell(3).fill as ExcelJS.FillPattern;
      fills.set(String(row.getCell(3).value), fill.fgColor!.argb!);
    });
    expect(fills.get('警告')).toBe('FFFFEB9C');
    expect(fills.get('提示')).toBe('FFDDEBF7');
  });

  it('is written in English for en-US', async () => {
    const en = await openXlsx(await writeQualityReportXlsx(sanmen, 'en-US'));
    expect(en.worksheets.map((s) => s.name)).toEqual(['By problem', 'By item']);
    const rows = rowValues(en.getWorksheet('By problem')!);
    expect(rows[0]).toEqual([
      'Code',
      'Problem',
      'Severity',
      'No.',
      'Reform item',
      'Field',
      'Description',
      'Original text',
    ]);
    expect(rows.find((r) => r[0] === 'SEQUENCE_GAP' && r[3] === 65)?.slice(1, 3)).toEqual([
      'Numbering gap',
      'warning',
    ]);
    expect(rows.find((r) => r[0] === 'SEQUENCE_GAP' && r[3] === 65)?.[6]).toBe(
      'Numbering jumps from 62 to 65; missing: 63, 64',
    );
  });
});

describe('formula injection in the .xlsx report', () => {
  const hostile = ['=1+1', '@SUM(A1)', '-2', '+1+1', '\t=1+1', '\r=1+1'];
  const plan: Plan = makePlan({
    items: [
      financeItem({ title: hostile[0]! }),
      insuranceItem({ title: hostile[1]! }),
      pensionItem({ title: hostile[2]! }),
    ],
    findings: hostile.slice(0, 3).map((title, i) => ({
      code: 'EMPTY_CELL',
      severity: 'warning',
      item: i + 1,
      field: 'measures',
      // The quoted text is the plan's too, and just as hostile.
      excerpt: hostile[i + 3],
      message: `“改革举措”栏为空 ${title}`,
      params: { field: 'measures' },
    })),
  });

  it('writes titles and quotes that start with = @ - + TAB CR as text after an apostrophe, never as formulas', async () => {
    const bytes = await writeQualityReportXlsx(plan, 'zh-CN');
    const wb = await openXlsx(bytes);
    const byCode = wb.getWorksheet('按问题')!;
    const byItem = wb.getWorksheet('按事项')!;
    const cells = [
      ...[2, 3, 4].flatMap((r) => [byCode.getRow(r).getCell(5), byCode.getRow(r).getCell(8)]),
      ...[2, 3, 4].map((r) => byItem.getRow(r).getCell(2)),
    ];
    for (const cell of cells) {
      expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(String(cell.value).startsWith("'")).toBe(true);
    }
    // The text follows the apostrophe unchanged — but for a CR, which XML reads back as LF.
    const expected = [hostile[0], hostile[3], hostile[1], hostile[4], hostile[2], hostile[5]];
    expect(cells.slice(0, 6).map((c) => String(c.value).slice(1))).toEqual(
      expected.map((s) => s!.replace('\r', '\n')),
    );
    expect(cells.slice(6).map((c) => c.value)).toEqual(["'=1+1", "'@SUM(A1)", "'-2"]);
    // Numbers stay numbers: only text is neutralised.
    expect(byItem.getRow(2).getCell(1).value).toBe(1);
    // And nothing in the package is a formula.
    const parts = unzipSync(bytes);
    for (const [path, data] of Object.entries(parts)) {
      if (path.startsWith('xl/worksheets/')) expect(strFromU8(data), path).not.toMatch(/<f[ >]/);
    }
  });
});
