/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without a clock: the as-of date always comes in
 * as a parameter. Dates are calendar days, not instants, so everything runs in UTC and no time
 * zone can shift a deadline by a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** "2022-08-31" → "2022Q3". */
export function quarterOf(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** Every quarter from the first to the last, inclusive, in order ("2022Q4", "2023Q1", …). */
export function quarterRange(first: string, last: string): string[] {
  const parse = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1;
  const out: string[] = [];
  for (let n = parse(first); n <= parse(last); n++) out.push(`${Math.floor(n / 4)}Q${(n % 4) + 1}`);
  return out;
}

/** First and last day of a quarter ("2022Q3" → 2022-07-01 … 2022-09-30). */
export function quarterBounds(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const nextFirst = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(nextFirst, -1) };
}
