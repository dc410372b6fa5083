import type { Item } from '../domain/plan.js';
import type { ItemStatus } from '../domain/status/index.js';
import { t, type Locale } from '../i18n/index.js';

/**
 * The ledger's own columns after the plan's: the item's status on the as-of date, its next
 * deadline, what the latest approved report said and the targets' actuals — in words, as a
 * leader reads them on paper.
 */

/** The latest approved report known on the as-of date. */
export interface LatestReport {
  /** 2022-06 or 2022Q2. */
  period: string;
  narrative: string;
}

export interface ProgressCells {
  status: string;
  next: string;
  latest: string;
  actuals: string;
}

/** How much of a report's narrative the cell shows: enough to read, short enough to print. */
const NARRATIVE_CHARS = 150;

export function progressCells(
  item: Item,
  rating: ItemStatus,
  locale: Locale,
  latest?: LatestReport | null,
  actuals?: readonly (number | null | undefined)[],
): ProgressCells {
  const next = rating.next ? `${dateText(rating.next.deadline, locale)}\n${rating.next.text}` : '';
  const narrative = latest ? shorten(latest.narrative) : '';
  const latestText = !latest
    ? ''
    : narrative
      ? `${periodText(latest.period, locale)}${locale === 'zh-CN' ? '：' : ': '}${narrative}`
      : periodText(latest.period, locale);
  const lines: string[] = [];
  item.targets.forEach((target, i) => {
    const actual = actuals?.[i];
    if (actual === null || actual === undefined) return;
    const met = rating.targets[i]?.status === 'done';
    lines.push(
      t(locale, met ? 'ledger.actual.met' : 'ledger.actual', {
        metric: target.metric || target.text,
        actual: quantity(actual, target.unit, locale),
        target: target.text,
      }),
    );
  });
  return {
    status: t(locale, `status.${rating.status}`),
    next,
    latest: latestText,
    actuals: lines.join('\n'),
  };
}

/** "2022-06-30" → "2022年6月30日" (zh-CN) / "2022-06-30". */
export function dateText(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-');
  return t(locale, 'ledger.date', {
    year: year!,
    month: Number(month),
    day: Number(day),
    month2: month!,
    day2: day!,
  });
}

/** "2022-06" → "2022年6月", "2022Q2" → "2022年第2季度". */
export function periodText(period: string, locale: Locale): string {
  const q = /^(\d{4})Q([1-4])$/u.exec(period);
  if (q) return t(locale, 'ledger.period.quarter', { year: q[1]!, quarter: q[2]! });
  const m = /^(\d{4})-(\d{2})$/u.exec(period);
  if (m) return t(locale, 'ledger.period.month', { year: m[1]!, month: Number(m[2]), month2: m[2]! });
  return period;
}

function shorten(text: string): string {
  const one = text.replace(/\s*\n\s*/gu, ' ').trim();
  return one.length > NARRATIVE_CHARS ? `${one.slice(0, NARRATIVE_CHARS - 1)}…` : one;
}

/** A value in base units in the magnitude offices write: 1800000000 元 → "18亿元". */
export function quantity(value: number, unit: string, locale: Locale): string {
  const abs = Math.abs(value);
  const trim = (n: number) => String(Number(n.toPrecision(12)));
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${trim(value / 1e8)}亿${unit}`;
    if (abs >= 1e4) return `${trim(value / 1e4)}万${unit}`;
    return `${trim(value)}${unit}`;
  }
  const text =
    abs >= 1e9
      ? `${trim(value / 1e9)} billion`
      : abs >= 1e6
        ? `${trim(value / 1e6)} million`
        : value.toLocaleString('en-US');
  return unit === '%' || unit === '' ? `${text}${unit}` : `${text} ${unit}`;
}
