/** Periods, moments and day counts of the reporting pages, written the reader's way. */
import type { I18n } from '../../i18n';

/** "2022-06" → 2022年6月 / Jun 2022; "2022Q2" → 2022年第2季度 / Q2 2022. */
export function periodText(period: string, i18n: Pick<I18n, 't' | 'quarter'>): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return i18n.quarter(period);
  return i18n.t('report.periodMonth', { year: m[1]!, month: Number(m[2]) });
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An ISO timestamp in the browser's time zone: 2022年6月30日 10:05. */
export function momentText(iso: string | null | undefined, i18n: Pick<I18n, 'date'>): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${i18n.date(localDay(iso))} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The local date of an ISO timestamp (YYYY-MM-DD). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 1536 → "1.5 KB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Where the report form of an item and period is; `n` (the item's number) spares a look-up. */
export function reportLink(itemKey: string, period: string, number?: number | null): string {
  const path = `/reports/${encodeURIComponent(itemKey)}/${encodeURIComponent(period)}`;
  return number === null || number === undefined ? path : `${path}?n=${number}`;
}
