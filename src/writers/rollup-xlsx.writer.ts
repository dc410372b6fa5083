import ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n/index.js';
import type { Rag } from '../domain/status/index.js';
import { spreadsheetSafe as neutralise } from './spreadsheet-safe.js';

/**
 * The cross-org export (GET /api/rollup/export.xlsx, issue 9): a summary sheet — one row per org
 * of the subtree with its own figures — and an items sheet with the matching items of every org.
 * Org names, titles and unit names come from outside (imported plans, typed names): every text
 * cell goes through spreadsheetSafe, like every other writer.
 */

export interface RollupExportOrg {
  /** Names from the exported root down to the org: its name is shown, indented by depth. */
  path: string[];
  type: string;
  plan: string | null;
  items: { red: number; yellow: number; green: number; done: number; total: number };
  milestonesDue: number;
  milestonesDueDone: number;
  reportsDue: number;
  reportsOnTime: number;
}

export interface RollupExportItem {
  org: string;
  number: number | null;
  key: boolean;
  title: string;
  status: Rag;
  leadUnit: string | null;
  nextDeadline: string | null;
}

const ORG_COLUMNS = [
  ['org', 28],
  ['type', 8],
  ['plan', 36],
  ['total', 8],
  ['red', 8],
  ['yellow', 8],
  ['green', 8],
  ['done', 8],
  ['milestonesDue', 12],
  ['milestonesDueDone', 12],
  ['reportsDue', 12],
  ['reportsOnTime', 12],
] as const;

const ITEM_COLUMNS = [
  ['org', 16],
  ['number', 6],
  ['key', 6],
  ['title', 48],
  ['status', 10],
  ['leadUnit', 24],
  ['nextDeadline', 12],
] as const;

export async function writeRollupXlsx(
  orgs: readonly RollupExportOrg[],
  items: readonly RollupExportItem[],
  locale: Locale,
  asOf: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'reform-ledger';
  wb.title = t(locale, 'rollup.xlsx.title', { asOf });

  const summary = wb.addWorksheet(t(locale, 'rollup.xlsx.orgs'), { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = ORG_COLUMNS.map(([key, width]) => ({
    header: t(locale, `rollup.xlsx.col.${key}`),
    key,
    width,
  }));
  summary.getRow(1).font = { bold: true };
  for (const o of orgs) {
    const row = summary.addRow({
      // The name alone (a leading space would hide a formula sign from spreadsheetSafe); depth is the cell's indent.
      org: neutralise(o.path.at(-1) ?? ''),
      type: t(locale, `org.type.${o.type}`),
      plan: neutralise(o.plan ?? ''),
      total: o.items.total,
      red: o.items.red,
      yellow: o.items.yellow,
      green: o.items.green,
      done: o.items.done,
      milestonesDue: o.milestonesDue,
      milestonesDueDone: o.milestonesDueDone,
      reportsDue: o.reportsDue,
      reportsOnTime: o.reportsOnTime,
    });
    row.getCell('org').alignment = { indent: Math.max(0, o.path.length - 1) };
  }

  const sheet = wb.addWorksheet(t(locale, 'rollup.xlsx.items'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ITEM_COLUMNS.map(([key, width]) => ({
    header: t(locale, `rollup.xlsx.col.${key}`),
    key,
    width,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const i of items) {
    sheet.addRow({
      org: neutralise(i.org),
      number: i.number,
      key: i.key ? t(locale, 'export.yes') : '',
      title: neutralise(i.title),
      status: t(locale, `status.${i.status}`),
      leadUnit: neutralise(i.leadUnit ?? ''),
      nextDeadline: i.nextDeadline ?? '',
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ITEM_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
