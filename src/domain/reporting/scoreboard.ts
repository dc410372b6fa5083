import type { UnitStats } from '../status/unit-status.js';
import { DEFAULT_DUE_DAY, dueDate, type Period } from './period.js';

/**
 * The scoreboard (晾晒): responsible units ranked as of a date, over the items each leads.
 * The formula (also in docs/scoring.md, which the page shows):
 *
 *   完成率 done rate     D = due milestones done ÷ due milestones                   weight 40
 *   按时率 on-time rate  T = milestones done on time ÷ milestones due or done       weight 30
 *   报送率 report rate   R = reports submitted on time ÷ reports due                weight 30
 *   退回率 return rate   X = returned submissions ÷ submissions
 *
 *   score = 100 × Σ(weight × rate) ÷ Σ(weight) − 10 × X, clamped to 0–100, rounded to 0.1
 *
 * where both sums run over the rates that have something to measure (a non-zero denominator), so
 * a unit is not rewarded nor punished for what was not yet due. A milestone or report is due when
 * its deadline is before the as-of date (a deadline on that date is not due unless already done).
 * A unit with nothing to measure has no score and is ranked after every scored unit.
 * Ties (equal rounded scores) are broken by more due milestones first, then by name in Chinese
 * order (localeCompare 'zh-CN'), then by id: the order is total and repeatable.
 */

export const WEIGHTS = { done: 40, onTime: 30, reports: 30, returnedPenalty: 10 } as const;

export interface ReportStats {
  /** Reports owed whose due date is before asOf (or on it, when already submitted on time). */
  due: number;
  /** Of those, submitted and not returned on or before their due date. */
  onTime: number;
  /** Submissions made (a report returned and submitted again counts twice). */
  submitted: number;
  /** Submissions returned by the reviewer. */
  returned: number;
}

export interface ScoreInput {
  unitId: string;
  name: string;
  milestones: Pick<UnitStats, 'dueMilestones' | 'dueDone' | 'dueOrDone' | 'doneOnTime'>;
  reports: ReportStats;
}

export interface ScoreRow {
  rank: number;
  unitId: string;
  name: string;
  /** null when the unit had nothing to measure. */
  score: number | null;
  /** The rates the score was built from (null: nothing to measure). */
  rates: { done: number | null; onTime: number | null; reports: number | null; returned: number | null };
  dueMilestones: number;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export function unitScore(u: ScoreInput): Pick<ScoreRow, 'score' | 'rates'> {
  const rates = {
    done: ratio(u.milestones.dueDone, u.milestones.dueMilestones),
    onTime: ratio(u.milestones.doneOnTime, u.milestones.dueOrDone),
    reports: ratio(u.reports.onTime, u.reports.due),
    returned: ratio(u.reports.returned, u.reports.submitted),
  };
  let sum = 0;
  let weight = 0;
  for (const [rate, w] of [
    [rates.done, WEIGHTS.done],
    [rates.onTime, WEIGHTS.onTime],
    [rates.reports, WEIGHTS.reports],
  ] as const) {
    if (rate === null) continue;
    sum += w * rate;
    weight += w;
  }
  if (weight === 0) return { score: null, rates };
  const raw = (100 * sum) / weight - WEIGHTS.returnedPenalty * (rates.returned ?? 0);
  return { score: Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10, rates };
}

const collator = new Intl.Collator('zh-CN');

export function scoreboard(units: readonly ScoreInput[]): ScoreRow[] {
  const rows = units.map((u) => ({
    rank: 0,
    unitId: u.unitId,
    name: u.name,
    ...unitScore(u),
    dueMilestones: u.milestones.dueMilestones,
  }));
  rows.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.dueMilestones - a.dueMilestones ||
      collator.compare(a.name, b.name) ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

export interface PeriodScoreboard {
  period: Period;
  rows: (ScoreRow & { previousRank: number | null })[];
}

/** The scoreboard of every period, oldest first, each row with its rank the period before. */
export function scoreboardHistory(
  periods: readonly { period: Period; units: readonly ScoreInput[] }[],
): PeriodScoreboard[] {
  let previous = new Map<string, number>();
  return periods.map(({ period, units }) => {
    const rows = scoreboard(units).map((r) => ({ ...r, previousRank: previous.get(r.unitId) ?? null }));
    previous = new Map(rows.map((r) => [r.unitId, r.rank]));
    return { period, rows };
  });
}

/** One report a unit owes: an item it leads, for one period; its submissions in order. */
export interface ReportObligation {
  period: Period;
  submissions: readonly { on: string; returned: boolean }[];
}

/** Report figures as of a date (submissions after asOf are not known yet). */
export function reportStats(
  obligations: readonly ReportObligation[],
  asOf: string,
  dueDay = DEFAULT_DUE_DAY,
): ReportStats {
  const s: ReportStats = { due: 0, onTime: 0, submitted: 0, returned: 0 };
  // Every item owes the same few periods: their due dates once each, not once per obligation.
  const dues = new Map<Period, string>();
  for (const o of obligations) {
    let due = dues.get(o.period);
    if (due === undefined) {
      due = dueDate(o.period, dueDay);
      dues.set(o.period, due);
    }
    const known = o.submissions.filter((x) => x.on <= asOf);
    s.submitted += known.length;
    s.returned += known.filter((x) => x.returned).length;
    const onTime = known.some((x) => !x.returned && x.on <= due);
    if (due < asOf || (due === asOf && onTime)) {
      s.due++;
      if (onTime) s.onTime++;
    }
  }
  return s;
}
