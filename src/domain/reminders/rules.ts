/**
 * An organisation's reminder rules (催办规则). Days lists may be empty (that rule is off);
 * `overdueEveryDays` null means overdue work is not reminded again, `escalateAfterDays` null
 * means the office is never told. `overdueMaxRepeats` stops the chasing after that many
 * repeats (null: never stops): a plan imported long after its deadlines passed would otherwise
 * remind every unit and the office of every old milestone every week, forever.
 */
export interface ReminderRules {
  milestoneDaysBefore: readonly number[];
  reportDaysBefore: readonly number[];
  overdueEveryDays: number | null;
  escalateAfterDays: number | null;
  overdueMaxRepeats: number | null;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  milestoneDaysBefore: [7, 1],
  reportDaysBefore: [3],
  overdueEveryDays: 7,
  escalateAfterDays: 7,
  overdueMaxRepeats: null,
};

/**
 * What a new organisation starts with: chasing stops after four weekly repeats (a month), so a
 * plan imported long after its deadlines does not flood the units and the office.
 */
export const DEFAULT_OVERDUE_MAX_REPEATS = 4;

/**
 * Of "remind N days before" rules, the one whose day has come most recently: the smallest N
 * with deadline − N ≤ today, while the deadline has not passed. A scheduler that was down for a
 * week sends the reminder that fits today, not every one it missed.
 */
export function leadDaysDue(daysBefore: readonly number[], daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const fitting = daysBefore.filter((n) => n >= daysLeft);
  return fitting.length === 0 ? null : Math.min(...fitting);
}

/**
 * Overdue `overdueDays` (≥ 1) with a repeat every `every` days: the index of the repeat that is
 * due, counted from day 1 (index 0 on days 1…every, 1 on the next `every` days …).
 */
export function repeatIndex(overdueDays: number, from: number, every: number | null): number | null {
  if (overdueDays < from) return null;
  return every === null ? 0 : Math.floor((overdueDays - from) / every);
}
