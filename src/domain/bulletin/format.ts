import { t, type Locale } from '../../i18n/index.js';
import { cadenceOf, type Period } from '../reporting/period.js';
import type { BulletinItemRef } from './types.js';

/** Words and numbers the way the bulletin writes them: 2022年6月25日, （一）, 85.7%. */

export function dateText(locale: Locale, iso: string): string {
  const [y, mm, dd] = iso.split('-');
  return t(locale, 'bulletin.date', { y: y!, m: Number(mm), d: Number(dd), mm: mm!, dd: dd! });
}

export function periodText(locale: Locale, period: Period): string {
  const y = period.slice(0, 4);
  if (cadenceOf(period) === 'quarterly') {
    const q = Number(period.slice(5));
    return t(locale, 'bulletin.period.quarterly', { y, q: chineseNumber(q), qn: q });
  }
  const mm = period.slice(5, 7);
  return t(locale, 'bulletin.period.monthly', { y, m: Number(mm), mm });
}

/** A rate as a percentage with at most one decimal ("85.7%", "100%"); "—" without a denominator. */
export function percentText(locale: Locale, n: number, d: number): string {
  if (d <= 0) return t(locale, 'bulletin.scoreboard.noScore');
  return rateText(locale, n / d);
}

export function rateText(locale: Locale, rate: number | null): string {
  if (rate === null) return t(locale, 'bulletin.scoreboard.noScore');
  return t(locale, 'bulletin.percent', { value: String(Math.round(rate * 1000) / 10) });
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99; larger numbers stay in digits). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** Section numbers: 一、二、… in Chinese, 1. 2. … otherwise. */
export function sectionHeading(locale: Locale, n: number, text: string): string {
  return t(locale, 'bulletin.section', { n: locale === 'zh-CN' ? chineseNumber(n) : n, text });
}

/** Second-level numbers: （一）（二）… in Chinese, (1) (2) … otherwise. */
export function subHeading(locale: Locale, n: number, text: string): string {
  return t(locale, 'bulletin.sub', { n: locale === 'zh-CN' ? chineseNumber(n) : n, text });
}

/** 第5项“数字化改革”, optionally with its lead unit. */
export function itemText(locale: Locale, ref: BulletinItemRef, withLead = false): string {
  const item =
    ref.number === null
      ? t(locale, 'bulletin.item.noNumber', { title: ref.title })
      : t(locale, 'bulletin.item', { number: ref.number, title: ref.title });
  return withLead && ref.lead ? t(locale, 'bulletin.item.withLead', { item, lead: ref.lead }) : item;
}

/** Items joined the locale's way: 第1项“…”、第5项“…”. */
export function itemList(locale: Locale, refs: readonly BulletinItemRef[], withLead = false): string {
  return refs.map((r) => itemText(locale, r, withLead)).join(locale === 'zh-CN' ? '、' : '; ');
}

/** A sentence as the catalogue ends it: drops a trailing full stop the source text already has. */
export function clause(text: string): string {
  return text.trim().replace(/[。；;，,.]+$/u, '');
}

/**
 * A milestone as the plan words it: its text when the text carries its own date ("2022年9月底前，
 * …"), else the date and the text.
 */
export function milestoneText(
  locale: Locale,
  m: { deadline: string; text: string; phrase?: string },
): string {
  const text = clause(m.text);
  if (m.phrase && text.includes(m.phrase)) return text;
  return t(locale, 'bulletin.milestone.dated', { date: dateText(locale, m.deadline), text });
}
