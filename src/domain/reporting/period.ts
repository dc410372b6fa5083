import { ValidationError } from '../errors.js';
import { addDays, isIsoDate } from '../status/dates.js';

/**
 * Reporting periods (填报周期). Monthly by default ("2022-06"); an organisation may report
 * quarterly ("2022Q2"). A period is derived from a date, never from the clock; its report is due
 * on the org's due day of the period's last month ("2022-06" with due day 25 → 2022-06-25,
 * "2022Q2" → 2022-06-25), clamped to the month's last day (due day 31 in February → 02-28/29).
 */

export type Cadence = 'monthly' | 'quarterly';
export const CADENCES: readonly Cadence[] = ['monthly', 'quarterly'];
export const DEFAULT_CADENCE: Cadence = 'monthly';
export const DEFAULT_DUE_DAY = 25;

export type MonthlyPeriod = `${number}-${string}`;
export type QuarterlyPeriod = `${number}Q${1 | 2 | 3 | 4}`;
export type Period = MonthlyPeriod | QuarterlyPeriod;

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})Q([1-4])$/;

/** "2022-06" / "2022Q2" (also "2022q2", full-width digits and spaces around) → the period. */
export function parsePeriod(text: string, field = 'period'): Period {
  const s = text.normalize('NFKC').trim().toUpperCase();
  if (MONTHLY.test(s) || QUARTERLY.test(s)) return s as Period;
  throw new ValidationError('error.invalid_period', { value: text }, { field });
}

export function isPeriod(text: string): text is Period {
  return MONTHLY.test(text) || QUARTERLY.test(text);
}

export function cadenceOf(period: Period): Cadence {
  return QUARTERLY.test(period) ? 'quarterly' : 'monthly';
}

/** The period holding an ISO date. */
export function periodOf(date: string, cadence: Cadence = DEFAULT_CADENCE, field = 'date'): Period {
  if (!isIsoDate(date)) throw new ValidationError('error.invalid_date', { value: date }, { field });
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return cadence === 'quarterly'
    ? (`${year}Q${Math.ceil(month / 3)}` as QuarterlyPeriod)
    : (`${year}-${date.slice(5, 7)}` as MonthlyPeriod);
}

/** First and last day of a period. */
export function periodBounds(period: Period): { from: string; to: string } {
  const { year, firstMonth, months } = parts(period);
  const from = isoMonthStart(year, firstMonth);
  return { from, to: addDays(isoMonthStart(year, firstMonth + months), -1) };
}

/** The day a period's report is due: the due day of its last month, clamped to that month's end. */
export function dueDate(period: Period, dueDay: number = DEFAULT_DUE_DAY): string {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) {
    throw new ValidationError('error.invalid_due_day', { value: dueDay }, { field: 'dueDay' });
  }
  const { year, firstMonth, months } = parts(period);
  const lastMonth = firstMonth + months - 1;
  const monthEnd = addDays(isoMonthStart(year, lastMonth + 1), -1);
  const day = Math.min(dueDay, Number(monthEnd.slice(8, 10)));
  return `${monthEnd.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** A report submitted on or before the period's due date is on time. */
export function isOnTime(submittedOn: string, period: Period, dueDay: number = DEFAULT_DUE_DAY): boolean {
  return submittedOn <= dueDate(period, dueDay);
}

export function nextPeriod(period: Period): Period {
  return fromIndex(index(period) + 1, cadenceOf(period));
}

export function previousPeriod(period: Period): Period {
  return fromIndex(index(period) - 1, cadenceOf(period));
}

/** Every period from first to last inclusive (empty when last is earlier); both of one cadence. */
export function periodsBetween(first: Period, last: Period): Period[] {
  const cadence = cadenceOf(first);
  if (cadenceOf(last) !== cadence) {
    throw new ValidationError('error.period_cadence_mismatch', { first, last }, { field: 'period' });
  }
  const out: Period[] = [];
  for (let n = index(first); n <= index(last); n++) out.push(fromIndex(n, cadence));
  return out;
}

/** Periods in order: a negative number when a is earlier (same cadence assumed). */
export function comparePeriods(a: Period, b: Period): number {
  return index(a) - index(b);
}

function parts(period: Period): { year: number; firstMonth: number; months: number } {
  const q = QUARTERLY.exec(period);
  if (q) return { year: Number(q[1]), firstMonth: Number(q[2]) * 3 - 2, months: 3 };
  const m = MONTHLY.exec(period);
  if (!m) throw new ValidationError('error.invalid_period', { value: period }, { field: 'period' });
  return { year: Number(m[1]), firstMonth: Number(m[2]), months: 1 };
}

function index(period: Period): number {
  const { year, firstMonth, months } = parts(period);
  return months === 3 ? year * 4 + (firstMonth - 1) / 3 : year * 12 + firstMonth - 1;
}

function fromIndex(n: number, cadence: Cadence): Period {
  if (cadence === 'quarterly') return `${Math.floor(n / 4)}Q${((n % 4) + 1) as 1 | 2 | 3 | 4}`;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** First day of a month; months past 12 roll into the next year. */
function isoMonthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((month - 1) % 12) + 1;
  return `${y}-${String(mo).padStart(2, '0')}-01`;
}
