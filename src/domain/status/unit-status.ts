import { countStatuses, type StatusCounts } from './counts.js';
import type { ItemStatus } from './item-status.js';

/**
 * A responsible unit's standing as of a date, over the items it leads (牵头): how many of its
 * milestones were due, how many of those are done, and how many done milestones were done on
 * time. The scoreboard (src/domain/reporting/scoreboard.ts) turns these into a score.
 *
 * A milestone is *due* when its deadline is before asOf — the same rule that makes an open one red;
 * a deadline on asOf itself is not due yet (the day is not over), unless it is already done.
 */
export interface UnitStats {
  /** Items the unit leads. */
  items: number;
  /** Those items by status. */
  itemCounts: StatusCounts;
  /** Milestones due as of asOf (deadline before asOf, or done with a deadline on asOf). */
  dueMilestones: number;
  /** Due milestones that are done. */
  dueDone: number;
  /** Milestones due or done: the on-time rate's denominator. */
  dueOrDone: number;
  /** Milestones done on or before their deadline. */
  doneOnTime: number;
  /** Milestones done after their deadline. */
  doneLate: number;
}

export interface RatedItemInput {
  milestones: readonly { deadline: string }[];
  rating: ItemStatus;
}

export function unitStats(led: readonly RatedItemInput[], asOf: string): UnitStats {
  const s: UnitStats = {
    items: led.length,
    itemCounts: countStatuses(led.map((i) => i.rating.status)),
    dueMilestones: 0,
    dueDone: 0,
    dueOrDone: 0,
    doneOnTime: 0,
    doneLate: 0,
  };
  for (const { milestones, rating } of led) {
    for (const [i, m] of milestones.entries()) {
      const r = rating.milestones[i];
      const done = r?.status === 'done';
      const due = m.deadline < asOf || (done && m.deadline <= asOf);
      if (due) s.dueMilestones++;
      if (due && done) s.dueDone++;
      if (due || done) s.dueOrDone++;
      if (done && r.late) s.doneLate++;
      else if (done) s.doneOnTime++;
    }
  }
  return s;
}
