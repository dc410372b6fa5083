import ExcelJS from 'exceljs';
import { localDateTime } from '../shared/time/local-time.js';
import { auditDiff } from '../domain/audit-diff.js';
import { t, type Locale } from '../i18n/index.js';
import type { AuditRecord } from '../store/audit.repository.js';
import { spreadsheetSafe as neutralise } from './spreadsheet-safe.js';
import { xmlSafe } from './xml-text.js';

/**
 * The filtered audit log as .xlsx (GET /audit/export.xlsx), newest first. Every text cell goes
 * through spreadsheetSafe: the log quotes what people typed (unit names, plan text, usernames),
 * and a unit renamed to "=HYPERLINK(…)" must stay text in the auditor's Excel or WPS.
 */

const COLUMNS = [
  ['at', 20],
  ['actor', 14],
  ['action', 8],
  ['entity', 14],
  ['entityId', 38],
  ['changes', 60],
  ['before', 50],
  ['after', 50],
] as const;

/** Excel's limit is 32 767 characters a cell; a whole imported plan in `after` can pass it. */
const MAX_CELL = 32_000;
/** One value inside the "changes" summary. */
const MAX_VALUE = 300;

export async function writeAuditXlsx(
  records: AuditRecord[],
  locale: Locale,
  timeZone: string,
): Promise<Buffer> {
  const rows = xmlSafe(records);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'reform-ledger';
  const sheet = wb.addWorksheet(t(locale, 'audit.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, width]) => ({
    header: t(locale, `audit.col.${key}`, { tz: timeZone }),
    key,
    width,
  }));
  sheet.getRow(1).font = { bold: true };
  const time = localTime(timeZone);
  for (const r of rows) {
    sheet.addRow({
      at: time(r.at),
      actor: neutralise(r.actor),
      action: label(locale, `audit.action.${r.action}`, r.action),
      entity: neutralise(label(locale, `audit.entity.${r.entity}`, r.entity)),
      entityId: neutralise(r.entityId),
      changes: neutralise(clip(changesText(r, locale))),
      before: neutralise(clip(jsonText(r.before))),
      after: neutralise(clip(jsonText(r.after))),
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "name: 县农业农村局 → 县农业农村局（县乡村振兴局）", one changed field a line. */
function changesText(r: AuditRecord, locale: Locale): string {
  const arrow = ' → ';
  return auditDiff(r.before, r.after)
    .filter((c) => c.changed)
    .map((c) => {
      const name = c.field === '' ? '' : `${c.field}: `;
      if (c.before === undefined) return `${name}${valueText(c.after)}`;
      if (c.after === undefined) return `${name}${valueText(c.before)}${arrow}${t(locale, 'audit.removed')}`;
      return `${name}${valueText(c.before)}${arrow}${valueText(c.after)}`;
    })
    .join('\n');
}

function valueText(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

function jsonText(v: unknown): string {
  return v === null || v === undefined ? '' : JSON.stringify(v, null, 1);
}

function clip(s: string): string {
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s;
}

/** A catalogue entry, or the raw code for a kind no catalogue names yet (a new entity). */
function label(locale: Locale, key: string, raw: string): string {
  const text = t(locale, key);
  return text === key ? raw : text;
}

/** "2022-06-30 10:00:00" where the office is: the column header names the zone. */
function localTime(timeZone: string): (iso: string) => string {
  const parts = localDateTime(timeZone);
  return (iso) => {
    const p = parts(iso);
    return p ? `${p.date} ${p.time}` : iso;
  };
}
