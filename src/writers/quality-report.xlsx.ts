import ExcelJS from 'exceljs';
import type { Plan, Severity } from '../domain/plan.js';
import { t, type Locale } from '../i18n/index.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';
import { buildReportModel, codeName, type ReportModel } from './quality-report.model.js';
import { fitWidth } from './xlsx-layout.js';
import { xmlSafe } from './xml-text.js';

/**
 * The plan-quality report as a workbook for the office to sort and filter: sheet 1 one row per
 * finding, sheet 2 one row per item with its count of each code. Frozen header, autofilter,
 * A4 landscape with the header row on every printed page. Every text cell goes through
 * spreadsheetSafe: titles and quotes come from the uploaded plan.
 * Pure: the plan and the locale in, the bytes of the .xlsx out.
 */
export async function writeQualityReportXlsx(plan: Plan, locale: Locale): Promise<Uint8Array> {
  const model = buildReportModel(xmlSafe(plan), locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'reform-ledger';
  wb.title = t(locale, 'report.title', { title: model.title });
  byCodeSheet(wb, model, locale);
  byItemSheet(wb, model, locale);
  // ExcelJS types its Node Buffer as an ArrayBuffer; copying into a Uint8Array is right for both.
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Cell = string | number | null;

/** Light fills in the spirit of Excel's own "Bad" / "Neutral" / "Note" cell styles. */
const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

function byCodeSheet(wb: ExcelJS.Workbook, m: ReportModel, locale: Locale): void {
  const keys = ['code', 'codeName', 'severity', 'number', 'title', 'field', 'message', 'excerpt'];
  const rows: Cell[][] = m.byCode.flatMap((g) =>
    g.findings.map((r) => {
      const f = r.finding;
      return [
        f.code,
        codeName(locale, f.code),
        t(locale, `severity.${f.severity}`),
        f.item ?? t(locale, 'report.where.plan'),
        r.itemTitle,
        f.field ? t(locale, `field.${f.field}`) : '',
        r.message,
        f.excerpt ?? '',
      ];
    }),
  );
  // The title, the message and the quote wrap instead of running on.
  const sheet = table(wb, t(locale, 'report.sheet.byCode'), header(keys, locale), rows, locale, [5, 7, 8]);
  const severities = m.byCode.flatMap((g) => g.findings.map((r) => r.finding.severity));
  severities.forEach((s, i) => {
    sheet.getRow(i + 2).getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[s] } };
  });
}

function byItemSheet(wb: ExcelJS.Workbook, m: ReportModel, locale: Locale): void {
  const codes = m.byCode.map((g) => g.code);
  const head = [...header(['number', 'title', 'count'], locale), ...codes.map((c) => codeName(locale, c))];
  const rows: Cell[][] = m.byItem.map((g) => [
    g.item ?? t(locale, 'report.where.plan'),
    g.title,
    g.findings.length,
    // An empty cell reads better than a column of zeros.
    ...codes.map((c) => g.counts[c] ?? null),
  ]);
  table(wb, t(locale, 'report.sheet.byItem'), head, rows, locale, [2]);
}

const header = (keys: string[], locale: Locale) => keys.map((k) => t(locale, `report.col.${k}`));

/** A sheet with a bold frozen header, an autofilter over the data, widths fitted to the text, print setup. */
function table(
  wb: ExcelJS.Workbook,
  name: string,
  head: string[],
  rows: Cell[][],
  locale: Locale,
  wrap: number[],
): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.addRow(head.map(safe));
  for (const r of rows) {
    const row = sheet.addRow(r.map(safe));
    row.alignment = { vertical: 'top' };
    for (const c of wrap) row.getCell(c).alignment = { vertical: 'top', wrapText: true };
  }
  const headRow = sheet.getRow(1);
  headRow.font = { bold: true };
  headRow.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  headRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: head.length },
  };
  sheet.pageSetup.printTitlesRow = '1:1';
  sheet.headerFooter.oddFooter = `&C${t(locale, 'report.xlsx.footer')}`;
  head.forEach((h, i) => {
    sheet.getColumn(i + 1).width = fitWidth([h, ...rows.map((r) => r[i] ?? null)]);
  });
  return sheet;
}

function safe(v: Cell): Cell {
  return typeof v === 'string' ? spreadsheetSafe(v) : v;
}
