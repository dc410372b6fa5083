import ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n/index.js';
import type { Rag } from '../domain/status/index.js';
import { spreadsheetSafe as neutralise } from './spreadsheet-safe.js';
import { xmlSafe } from './xml-text.js';

/**
 * The item list as an .xlsx ledger (GET /items/export.xlsx). Every text cell goes through
 * spreadsheetSafe: the document comes from outside (an uploaded plan), and a title like
 * "=HYPERLINK(…)" must stay text when someone opens, edits or re-saves the export.
 */

const COLUMNS = [
  ['number', 6],
  ['key', 8],
  ['title', 36],
  ['section', 18],
  ['status', 12],
  ['leadUnit', 20],
  ['coUnits', 30],
  ['nextDeadline', 12],
  ['nextText', 40],
  ['measures', 60],
  ['goals', 60],
  ['achievements', 50],
] as const;

/** One item as the export shows it. */
export interface ExportRow {
  number: number | null;
  key: boolean;
  title: string;
  section: string | null;
  status: Rag;
  leadUnit: string | null;
  coUnits: string[];
  nextDeadline: { deadline: string; text: string } | null;
  measures: string[];
  goalsText: string;
  achievements: string[];
}

export async function writeItemsXlsx(items: ExportRow[], locale: Locale, asOf: string): Promise<Buffer> {
  const rows = xmlSafe(items);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'reform-ledger';
  wb.title = t(locale, 'export.asOf', { asOf });
  const sheet = wb.addWorksheet(t(locale, 'export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, width]) => ({ header: t(locale, `export.col.${key}`), key, width }));
  sheet.getRow(1).font = { bold: true };
  const sep = locale === 'zh-CN' ? '、' : ', ';
  for (const r of rows) {
    sheet.addRow({
      number: r.number,
      key: r.key ? t(locale, 'export.yes') : '',
      title: neutralise(r.title),
      section: neutralise(r.section ?? ''),
      status: t(locale, `status.${r.status}`),
      leadUnit: neutralise(r.leadUnit ?? ''),
      coUnits: neutralise(r.coUnits.join(sep)),
      nextDeadline: r.nextDeadline?.deadline ?? '',
      nextText: neutralise(r.nextDeadline?.text ?? ''),
      measures: neutralise(r.measures.join('\n')),
      goals: neutralise(r.goalsText),
      achievements: neutralise(r.achievements.join('\n')),
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
