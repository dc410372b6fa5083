import { DEFAULT_TIME_ZONE } from '../config.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day an instant falls on where the office is (config.timeZone): a report approved
 * at 2022-06-30T20:00Z was approved on 1 July in Sanmen, and statuses are per calendar day there.
 */
export function localDate(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // A bare date ("2022-06-30") or a malformed stamp: its own first ten characters are the day.
  if (Number.isNaN(date.getTime()) || (typeof instant === 'string' && instant.length === 10)) {
    return String(instant).slice(0, 10);
  }
  return f.format(date);
}
