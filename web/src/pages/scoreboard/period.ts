import type { I18n } from '../../i18n';

/** "2022-06" → 2022年6月 / 6/2022; "2022Q2" → 2022年第2季度 / Q2 2022. */
export function periodLabel(period: string, { t, quarter }: Pick<I18n, 't' | 'quarter'>): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return t('scoreboard.periodMonth', { year: m[1]!, month: Number(m[2]) });
  return quarter(period);
}

/** 0.875 → "88%"; null (nothing to measure) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
