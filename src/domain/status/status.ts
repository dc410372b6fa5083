import type { TargetOp } from '../plan.js';
import { addDays, daysBetween } from './dates.js';

/**
 * The status engine (三色预警): milestones, targets and items as of a date. Pure — the as-of date
 * and the warning window are parameters, never the clock — so the dashboard, the exports, the
 * bulletin and the tests all get the same answer for the same date.
 *
 * Progress (reports, issue 7) is an optional input: without it nothing is ever `done` and the
 * status depends on the calendar alone, which is the rule until reports exist.
 */

export type Rag = 'red' | 'yellow' | 'green' | 'done';
export const RAGS: readonly Rag[] = ['red', 'yellow', 'green', 'done'];

export interface StatusOptions {
  /** ISO date the statuses are computed for. */
  asOf: string;
  /** Days before a deadline in which an open milestone turns yellow (the org's setting). */
  warningDays: number;
}

export const DEFAULT_WARNING_DAYS = 30;

/** What reports will say about a milestone (issue 7). */
export interface MilestoneProgress {
  /** ISO date the milestone was completed, if it was. */
  completedOn?: string | null;
  /** The latest report says it is at risk. */
  atRisk?: boolean;
}

/** What reports will say about a target: the latest actual value reported. */
export interface TargetProgress {
  actual?: number | null;
  /** ISO date of that report: an actual reported after asOf is not known yet. */
  reportedOn?: string | null;
}

/** What reports say about a landmark achievement (标志性成果). */
export interface AchievementProgress {
  reached: boolean;
  /** ISO date it was reached: a date after asOf is not known yet. */
  reachedOn?: string | null;
}

export interface StatusResult {
  status: Rag;
  /** Done, but after the deadline. */
  late: boolean;
  /** A target whose value the document left blank: it can never be met, nor be green. */
  unknown?: true;
}

/**
 * done: completed on or before asOf; red: open and the deadline is before asOf; yellow: open and
 * the deadline is within the window (asOf itself included: the day is not over), or at risk;
 * green otherwise.
 */
export function milestoneStatus(
  m: { deadline: string },
  opts: StatusOptions,
  progress?: MilestoneProgress,
): StatusResult {
  const completed = progress?.completedOn;
  if (completed && completed <= opts.asOf) {
    return { status: 'done', late: completed > m.deadline };
  }
  return { status: calendarStatus(m.deadline, opts, progress?.atRisk === true), late: false };
}

/**
 * done when the latest actual known on asOf satisfies `op value` (see `satisfies`); otherwise by
 * its deadline like a milestone. A target without a deadline is never overdue. A target whose value
 * the document left blank is `unknown`: it can never be met and is never green — yellow until its
 * deadline, red after.
 */
export function targetStatus(
  t: { op: TargetOp; value: number | null; deadline: string | null },
  opts: StatusOptions,
  progress?: TargetProgress,
): StatusResult {
  if (t.value === null) {
    const overdue = t.deadline !== null && t.deadline < opts.asOf;
    return { status: overdue ? 'red' : 'yellow', late: false, unknown: true };
  }
  const known = progress && (!progress.reportedOn || progress.reportedOn <= opts.asOf);
  const actual = known ? progress.actual : null;
  if (actual !== null && actual !== undefined && satisfies(actual, t.op, t.value)) {
    return { status: 'done', late: false };
  }
  if (t.deadline === null) return { status: 'green', late: false };
  return { status: calendarStatus(t.deadline, opts, false), late: false };
}

/**
 * A landmark achievement is expected by `dueBy` (the item's last milestone deadline): done when
 * reached on or before asOf (late when after dueBy); otherwise by dueBy like a milestone, green
 * when the item has no deadline at all.
 */
export function achievementStatus(
  dueBy: string | null,
  opts: StatusOptions,
  progress?: AchievementProgress,
): StatusResult {
  if (progress?.reached === true) {
    const on = progress.reachedOn ?? null;
    if (on === null || on <= opts.asOf) {
      return { status: 'done', late: on !== null && dueBy !== null && on > dueBy };
    }
  }
  if (dueBy === null) return { status: 'green', late: false };
  return { status: calendarStatus(dueBy, opts, false), late: false };
}

function calendarStatus(deadline: string, opts: StatusOptions, atRisk: boolean): Rag {
  if (deadline < opts.asOf) return 'red';
  if (atRisk || deadline <= windowEnd(opts)) return 'yellow';
  return 'green';
}

/** The last day of the warning window; remembered, as every milestone of a plan asks for it. */
let lastWindow = { asOf: '', days: NaN, end: '' };
function windowEnd(opts: StatusOptions): string {
  if (lastWindow.asOf !== opts.asOf || lastWindow.days !== opts.warningDays) {
    lastWindow = { asOf: opts.asOf, days: opts.warningDays, end: addDays(opts.asOf, opts.warningDays) };
  }
  return lastWindow.end;
}

/** Relative tolerance of every comparison: absorbs floating-point noise, never a real shortfall. */
export const TARGET_TOLERANCE = 1e-12;

/**
 * `>=`: actual ≥ value; `<=`: actual ≤ value. `=` is how the extractor records a figure written
 * without a direction word ("新增1个"): the office means "reach it", so `=` is met like `>=`
 * (exceeding it meets it too). Every comparison allows a tolerance of 1e-12 × |value| (at least
 * 1e-12): far above floating-point noise (2.3600000000000003 meets "2.36以内"), far below any real
 * shortfall (1 元 short of "15亿元以上" is short).
 */
export function satisfies(actual: number, op: TargetOp, value: number): boolean {
  const eps = Math.max(Math.abs(value) * TARGET_TOLERANCE, TARGET_TOLERANCE);
  return op === '<=' ? actual <= value + eps : actual >= value - eps;
}

const SEVERITY: Record<Rag, number> = { red: 3, yellow: 2, green: 1, done: 0 };

/** The worst of the statuses that are not done; done only when all are; green when there are none. */
export function worst(statuses: readonly Rag[]): Rag {
  if (statuses.length === 0) return 'green';
  let out: Rag = 'done';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[out]) out = s;
  return out;
}

/** Days from asOf to a deadline (negative when overdue): for "3 days left" in the web app. */
export function daysLeft(deadline: string, asOf: string): number {
  return daysBetween(asOf, deadline);
}
