import { itemStatus, type ItemProgress, type StatusInput } from '../status/item-status.js';
import { byDay, emptyReport, mergeReport, type DatedReport } from './latest-progress.js';
import { toItemProgress, type ReportedItem } from './progress.js';

/**
 * What is known about an item changes only on the days its reports became known. These give, in
 * one pass over the reports, what progressAsOf and the status engine say on each such day: the
 * scoreboard asks "was the item done when this period began?" for every item × period, and
 * re-reading every report for every day made that quadratic in the reports of an item (issue 9:
 * a province of 36 monthly periods spent most of its cold roll-up there).
 *
 * Same answers as progressAsOf(reports, item, day) on each day by construction — the merge is a
 * left fold in (day, input order), so folding once and reading it at each day's end is the same
 * fold — and progress-timeline.test.ts holds it to that over generated reports.
 */

export interface ProgressStep {
  /** A day some report became known (each distinct submittedOn, ascending). */
  on: string;
  /** progressAsOf(reports, item, on). */
  progress: ItemProgress;
}

export function progressTimeline(reports: readonly DatedReport[], item: ReportedItem): ProgressStep[] {
  const known = [...reports].sort(byDay);
  const merged = emptyReport(item);
  const out: ProgressStep[] = [];
  known.forEach((r, i) => {
    mergeReport(merged, r.report);
    if (known[i + 1]?.submittedOn !== r.submittedOn) {
      out.push({ on: r.submittedOn, progress: toItemProgress(merged, item) });
    }
  });
  return out;
}

export interface DoneStep {
  on: string;
  /** itemStatus as of `on`, with what was known that day, is done. */
  done: boolean;
}

/** Whether the item is done, on each day its progress changed (see progressTimeline). */
export function doneTimeline(
  reports: readonly DatedReport[],
  item: ReportedItem & StatusInput,
  warningDays: number,
): DoneStep[] {
  return progressTimeline(reports, item).map(({ on, progress }) => ({
    on,
    done: itemStatus(item, { asOf: on, warningDays }, progress).status === 'done',
  }));
}

/** Done as of a date: the last step on or before it (not done before the first). */
export function doneOn(timeline: readonly DoneStep[], date: string): boolean {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid]!.on <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && timeline[lo - 1]!.done;
}
