import ExcelJS from 'exceljs';
import type { Item } from '../domain/plan.js';
import type { ItemStatus, Rag } from '../domain/status/index.js';
import { t, type Locale } from '../i18n/index.js';
import { DEFAULT_COLUMNS, planCells, type CellValue, type PlanColumn } from './ledger-cells.js';
import { dateText, progressCells, type LatestReport } from './ledger-progress.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';
import { fitWidth } from './xlsx-layout.js';
import { xmlSafe } from './xml-text.js';

/**
 * The ledger workbook (台账): one sheet in the plan's own columns — so that importing it gives
 * the same plan back — then status, next deadline, latest report and target actuals as of a
 * date. Laid out for the office: a title row, a frozen header with filters, status fills in
 * the web app's colours, widths that fit Chinese text, A3 landscape one page wide with the
 * title and header on every page. Every text cell goes through spreadsheetSafe.
 * Pure: the data and the locale in, the bytes of the .xlsx out.
 */

export interface LedgerRow {
  item: Item;
  rating: ItemStatus;
  /** The latest approved report known on asOf; absent or null leaves the cell empty. */
  latest?: LatestReport | null;
  /** Each target's actual known on asOf (base units), by position; absent when none is known. */
  actuals?: readonly (number | null | undefined)[];
}

export interface LedgerBook {
  title: string;
  /** The plan's year: written under the title when the title does not say it. */
  year: number | null;
  asOf: string;
  /** The plan's columns as its document had them; the usual six when unknown. */
  columns?: readonly PlanColumn[] | null;
  rows: readonly LedgerRow[];
}

/** The web app's status colours (web/src/components/status.ts), as ARGB. */
export const STATUS_FILL: Record<Rag, string> = {
  red: 'FFD9363E',
  yellow: 'FFE8A317',
  green: 'FF3F9C35',
  done: 'FF4A6FA5',
};

const EXTRA_KEYS = ['status', 'next', 'latest', 'actuals'] as const;
const HEADER_ROW = 3;
// SpreadsheetML's paper code for A3; ExcelJS's enum lists only some sizes.
const A3 = 8 as ExcelJS.PaperSize;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** [min, max] width of a column, by what it holds. */
const WIDTHS: Record<PlanColumn['field'] | (typeof EXTRA_KEYS)[number], [number, number]> = {
  number: [6, 8],
  title: [16, 30],
  measures: [30, 60],
  goals: [30, 50],
  achievements: [24, 45],
  units: [14, 24],
  extra: [10, 30],
  status: [10, 14],
  next: [20, 36],
  latest: [30, 50],
  actuals: [24, 40],
};

export async function writeLedgerXlsx(input: LedgerBook, locale: Locale): Promise<Uint8Array> {
  const book = xmlSafe(input);
  const columns = book.columns?.length ? book.columns : DEFAULT_COLUMNS;
  const width = columns.length + EXTRA_KEYS.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'reform-ledger';
  wb.title = book.title;
  const sheet = wb.addWorksheet(t(locale, 'ledger.sheet'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: A3,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${HEADER_ROW}`,
    },
  });
  sheet.headerFooter.oddFooter = `&C${t(locale, 'ledger.footer')}`;

  titleRows(sheet, book, locale, width);
  const header = sheet.addRow([
    ...columns.map((c) => spreadsheetSafe(c.header)),
    ...EXTRA_KEYS.map((k) => t(locale, `ledger.col.${k}`)),
  ]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });

  const values: CellValue[][] = [];
  let section: string | undefined;
  for (const r of book.rows) {
    if (r.item.section && r.item.section !== section) sectionRow(sheet, r.item.section, width);
    section = r.item.section;
    const p = progressCells(r.item, r.rating, locale, r.latest, r.actuals);
    const cells = [...planCells(r.item, columns), p.status, p.next, p.latest, p.actuals];
    values.push(cells);
    // An empty cell holds nothing, not an empty string: filters list it as (blank).
    const row = sheet.addRow(
      cells.map((v) => (v === '' ? null : typeof v === 'string' ? spreadsheetSafe(v) : v)),
    );
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= width; c++) row.getCell(c).border = BORDER;
    const status = row.getCell(columns.length + 1);
    status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.rating.status] } };
    status.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    status.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
  }

  const fields = [...columns.map((c) => c.field), ...EXTRA_KEYS];
  fields.forEach((field, i) => {
    const [min, max] = WIDTHS[field];
    const head =
      i < columns.length ? columns[i]!.header : t(locale, `ledger.col.${EXTRA_KEYS[i - columns.length]}`);
    sheet.getColumn(i + 1).width = fitWidth([head, ...values.map((v) => v[i] ?? null)], min, max);
  });
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(HEADER_ROW, sheet.rowCount), column: width },
  };
  // ExcelJS types its Node Buffer as an ArrayBuffer; copying into a Uint8Array is right for both.
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The plan's title across the sheet; under it the plan's year at the left (when the title does
 * not say it, the importer reads it there) and the as-of date at the right. Only the first
 * column of these rows is read back: the title, and the year line, which is never a title.
 */
function titleRows(sheet: ExcelJS.Worksheet, book: LedgerBook, locale: Locale, width: number): void {
  const title = sheet.getRow(1);
  title.getCell(1).value = spreadsheetSafe(book.title);
  sheet.mergeCells(1, 1, 1, width);
  title.height = 32;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };

  const sub = sheet.getRow(2);
  const half = Math.max(1, Math.floor(width / 2));
  if (book.year !== null && !/(?:19|20)\d{2}\s*年/u.test(book.title)) {
    sub.getCell(1).value = t(locale, 'ledger.year', { year: book.year });
  }
  sub.getCell(half + 1).value = t(locale, 'ledger.asOf', { date: dateText(book.asOf, locale) });
  if (half > 1) sheet.mergeCells(2, 1, 2, half);
  if (width > half + 1) sheet.mergeCells(2, half + 1, 2, width);
  sub.getCell(1).alignment = { vertical: 'middle', horizontal: 'left' };
  sub.getCell(half + 1).alignment = { vertical: 'middle', horizontal: 'right' };
}

/** A section heading (一、…) across the whole row, as plans write them. */
function sectionRow(sheet: ExcelJS.Worksheet, text: string, width: number): void {
  const row = sheet.addRow([spreadsheetSafe(text)]);
  sheet.mergeCells(row.number, 1, row.number, width);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'left' };
  row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFAFAFA' } };
  row.getCell(1).border = BORDER;
}
