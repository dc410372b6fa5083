import { ValidationError } from '../domain/errors.js';
import {
  cadenceOf,
  comparePeriods,
  dueDate,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Period,
} from '../domain/reporting/period.js';
import type { Ledger } from './ledger.service.js';

/** Periods one trend or history request may span: five years of months. */
export const MAX_PERIODS = 60;
/** Periods shown when the request names no start: a year of months (three of quarters). */
export const DEFAULT_PERIODS = 12;

/**
 * The periods of a trend or history request: `to` defaults to the period holding asOf (today by
 * default), `from` to DEFAULT_PERIODS back but not before the plan's year (nothing earlier was
 * planned). Both in the org's cadence unless the request names periods of the other one.
 */
export function periodRange(
  ledger: Ledger,
  query: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined },
  today: string,
): Period[] {
  const given = (query.from ?? query.to) as Period | undefined;
  const cadence = given ? cadenceOf(given) : ledger.reporting.cadence;
  const to = (query.to as Period | undefined) ?? periodOf(query.asOf ?? today, cadence, 'asOf');
  let from = query.from as Period | undefined;
  if (from === undefined) {
    from = to;
    const yearStart = ledger.plan?.year ? periodOf(`${ledger.plan.year}-01-01`, cadence) : null;
    for (let i = 1; i < DEFAULT_PERIODS; i++) {
      const earlier = previousPeriod(from);
      if (yearStart && comparePeriods(earlier, yearStart) < 0) break;
      from = earlier;
    }
  }
  const periods = periodsBetween(from, to);
  if (periods.length === 0) {
    throw new ValidationError('error.period_range', { from, to }, { field: 'from' });
  }
  if (periods.length > MAX_PERIODS) {
    throw new ValidationError('error.period_range_too_long', { max: MAX_PERIODS }, { field: 'from' });
  }
  return periods;
}

/**
 * The date a period is read as of: its due date once that has passed; until then today (the
 * day is not over, so a due date of today is not passed yet) — such a reading is provisional.
 */
export function readingDate(
  period: Period,
  dueDay: number,
  today: string,
): { asOf: string; provisional: boolean } {
  const due = dueDate(period, dueDay);
  return due < today ? { asOf: due, provisional: false } : { asOf: today, provisional: true };
}
