import { scoreboard, unitScore, WEIGHTS, type ReportStats } from '../reporting/scoreboard.js';
import { emptyCounts, type StatusCounts } from '../status/counts.js';

/**
 * An organisation's figures as of a date, and how they add up (issue 9). Pure: the service
 * gathers each org's own figures from its ledger with the same code its dashboard and scoreboard
 * use; everything above one org is a sum of these, so a city's numbers are always the sum of its
 * counties' (the property test in test/domain/rollup-sum.test.ts holds the code to it).
 */

export interface MilestoneFigures {
  due: number;
  dueDone: number;
  dueOrDone: number;
  onTime: number;
}

export interface LastApproved<O> {
  org: O;
  period: string;
  itemKey: string;
  itemNumber: number | null;
  itemTitle: string;
  approvedAt: string;
}

export interface Figures<O> {
  orgs: number;
  withPlan: number;
  items: StatusCounts;
  keyItems: StatusCounts;
  milestones: MilestoneFigures;
  reports: ReportStats;
  lastApproved: LastApproved<O> | null;
}

export interface Rates {
  done: number | null;
  onTime: number | null;
  reports: number | null;
  returned: number | null;
}

export function emptyFigures<O>(): Figures<O> {
  return {
    orgs: 0,
    withPlan: 0,
    items: emptyCounts(),
    keyItems: emptyCounts(),
    milestones: { due: 0, dueDone: 0, dueOrDone: 0, onTime: 0 },
    reports: { due: 0, onTime: 0, submitted: 0, returned: 0 },
    lastApproved: null,
  };
}

function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  return {
    red: a.red + b.red,
    yellow: a.yellow + b.yellow,
    green: a.green + b.green,
    done: a.done + b.done,
    total: a.total + b.total,
  };
}

/** The later approval; on the same instant the first argument's (sums are folded in tree order). */
function later<O>(a: LastApproved<O> | null, b: LastApproved<O> | null): LastApproved<O> | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.approvedAt > a.approvedAt ? b : a;
}

export function addFigures<O>(a: Figures<O>, b: Figures<O>): Figures<O> {
  return {
    orgs: a.orgs + b.orgs,
    withPlan: a.withPlan + b.withPlan,
    items: addCounts(a.items, b.items),
    keyItems: addCounts(a.keyItems, b.keyItems),
    milestones: {
      due: a.milestones.due + b.milestones.due,
      dueDone: a.milestones.dueDone + b.milestones.dueDone,
      dueOrDone: a.milestones.dueOrDone + b.milestones.dueOrDone,
      onTime: a.milestones.onTime + b.milestones.onTime,
    },
    reports: {
      due: a.reports.due + b.reports.due,
      onTime: a.reports.onTime + b.reports.onTime,
      submitted: a.reports.submitted + b.reports.submitted,
      returned: a.reports.returned + b.reports.returned,
    },
    lastApproved: later(a.lastApproved, b.lastApproved),
  };
}

export function sumFigures<O>(list: Iterable<Figures<O>>): Figures<O> {
  let total = emptyFigures<O>();
  for (const f of list) total = addFigures(total, f);
  return total;
}

/** The scoreboard's rates (docs/scoring.md) over a whole org: the same formula's inputs. */
export function ratesOf(f: Figures<unknown>): Rates {
  return unitScore(scoreInput('', '', f)).rates;
}

function scoreInput(id: string, name: string, f: Figures<unknown>) {
  return {
    unitId: id,
    name,
    milestones: {
      dueMilestones: f.milestones.due,
      dueDone: f.milestones.dueDone,
      dueOrDone: f.milestones.dueOrDone,
      doneOnTime: f.milestones.onTime,
    },
    reports: f.reports,
  };
}

export interface Ranked {
  id: string;
  /** 1 = best; null when the org has nothing to measure yet. */
  rank: number | null;
  score: number | null;
}

/**
 * 赛马: orgs ranked by the scoreboard's formula applied to each org's figures —
 * score = 100 × (40·D + 30·T + 30·R) ÷ (the weights of the rates that have something to measure)
 * − 10 × X, where D is due milestones done, T milestones done on time, R reports on time and X
 * returned submissions (docs/scoring.md, docs/organisations.md). Ties: more due milestones first,
 * then name in Chinese order, then id. Orgs with nothing to measure are unranked (null).
 */
export function rankOrgs(rows: readonly { id: string; name: string; figures: Figures<unknown> }[]): Ranked[] {
  const ranked = scoreboard(rows.map((r) => scoreInput(r.id, r.name, r.figures)));
  let next = 0;
  return ranked.map((r) => ({
    id: r.unitId,
    score: r.score,
    rank: r.score === null ? null : ++next,
  }));
}

export const ROLLUP_WEIGHTS = { ...WEIGHTS };
