import { ValidationError } from '../errors.js';
import { isIsoDate } from '../status/dates.js';
import type { ItemProgress } from '../status/item-status.js';
import type { TargetOp } from '../plan.js';
import { convertValue } from './unit-conversion.js';

/**
 * What one report says about one item (a report per item per period): for each milestone its
 * state, for each target the actual value, for each landmark achievement whether it is reached.
 * Entries are by position, as the item lists them; `null` means "not reported this time".
 */

export type MilestoneState = 'done' | 'in_progress' | 'at_risk';
export const MILESTONE_STATES: readonly MilestoneState[] = ['done', 'in_progress', 'at_risk'];

export interface MilestoneReport {
  state: MilestoneState;
  /** Required when done: the day it was done (ISO). */
  doneOn?: string | null;
  /** Required when in progress: 0–100. */
  percent?: number | null;
  /** Required when at risk: why. */
  reason?: string | null;
}

export interface TargetReport {
  /** The actual value as typed (decimal text keeps 1.5亿元 exact) or a number. */
  actual: number | string;
  /** The unit it is given in: the target's or a convertible one (万元 for a 元 target). */
  unit: string;
  /** ISO date the figure is as of. */
  reportedOn: string;
}

export interface AchievementReport {
  reached: boolean;
  /** Required when reached (ISO). */
  reachedOn?: string | null;
  /** Required when reached: what shows it (a document, a link, a file's id). */
  evidence?: string | null;
}

export interface ItemReport {
  milestones: readonly (MilestoneReport | null)[];
  targets: readonly (TargetReport | null)[];
  achievements: readonly (AchievementReport | null)[];
}

/** What the report is checked against: the item as the plan has it (Item satisfies it). */
export interface ReportedItem {
  milestones: readonly unknown[];
  targets: readonly { op: TargetOp; value: number | null; unit: string }[];
  achievements: readonly unknown[];
}

/**
 * Every rule the report breaks, each a ValidationError naming its field as a path
 * ("milestones.0.reason"); empty when the report is valid. `submittedOn` (ISO), when given,
 * forbids dates after it.
 */
export function validateItemReport(
  report: ItemReport,
  item: ReportedItem,
  submittedOn?: string,
): ValidationError[] {
  const errors: ValidationError[] = [];
  const err = (key: string, field: string, params: Record<string, string | number> = {}) =>
    errors.push(new ValidationError(key, params, { field }));
  const date = (value: string | null | undefined, field: string, required: boolean) => {
    if (value === null || value === undefined || value === '') {
      if (required) err('error.date_required', field);
    } else if (!isIsoDate(value)) err('error.invalid_date', field, { value });
    else if (submittedOn !== undefined && value > submittedOn) err('error.date_in_future', field, { value });
  };
  const shape = (list: 'milestones' | 'targets' | 'achievements') => {
    if (report[list].length !== item[list].length) {
      err('error.report_shape', list, { expected: item[list].length, actual: report[list].length });
    }
  };
  shape('milestones');
  shape('targets');
  shape('achievements');

  report.milestones.forEach((m, i) => {
    if (!m) return;
    const f = `milestones.${i}`;
    if (!MILESTONE_STATES.includes(m.state))
      err('error.invalid_state', `${f}.state`, { value: String(m.state) });
    date(m.doneOn, `${f}.doneOn`, m.state === 'done');
    const percent = m.percent ?? null;
    if (percent === null) {
      if (m.state === 'in_progress') err('error.percent_required', `${f}.percent`);
    } else if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      err('error.percent_range', `${f}.percent`, { value: percent });
    }
    if (m.state === 'at_risk' && !(m.reason ?? '').trim()) err('error.reason_required', `${f}.reason`);
  });

  report.targets.forEach((t, i) => {
    if (!t) return;
    const f = `targets.${i}`;
    const target = item.targets[i];
    date(t.reportedOn, `${f}.reportedOn`, true);
    if (!target) return;
    try {
      convertValue(t.actual, t.unit, target.unit, `${f}.unit`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // A bad number is the actual's fault; a wrong unit the unit's.
      errors.push(
        e.key === 'error.invalid_number' ? new ValidationError(e.key, e.params, { field: `${f}.actual` }) : e,
      );
    }
  });

  report.achievements.forEach((a, i) => {
    if (!a) return;
    const f = `achievements.${i}`;
    if (!a.reached) return;
    date(a.reachedOn, `${f}.reachedOn`, true);
    if (!(a.evidence ?? '').trim()) err('error.evidence_required', `${f}.evidence`);
  });
  return errors;
}

/** Throws the first rule the report breaks (for services that answer one error at a time). */
export function assertValidItemReport(report: ItemReport, item: ReportedItem, submittedOn?: string): void {
  const [first] = validateItemReport(report, item, submittedOn);
  if (first) throw first;
}

/** A valid report as the status engine's progress input (actuals converted to the target's unit). */
export function toItemProgress(report: ItemReport, item: ReportedItem): ItemProgress {
  return {
    milestones: report.milestones.map((m) =>
      m
        ? { completedOn: m.state === 'done' ? (m.doneOn ?? null) : null, atRisk: m.state === 'at_risk' }
        : undefined,
    ),
    targets: report.targets.map((t, i) => {
      const target = item.targets[i];
      if (!t || !target) return undefined;
      return {
        actual: convertValue(t.actual, t.unit, target.unit, `targets.${i}.unit`),
        reportedOn: t.reportedOn,
      };
    }),
    achievements: report.achievements.map((a) =>
      a ? { reached: a.reached, reachedOn: a.reachedOn ?? null } : undefined,
    ),
  };
}
