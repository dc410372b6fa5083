import type { ItemProgress } from '../status/item-status.js';
import { toItemProgress, type ItemReport, type ReportedItem } from './progress.js';

/** A report as the reporting history keeps it: accepted reports only (a returned one says nothing). */
export interface DatedReport {
  /**
   * ISO date from which the report is known (the ledger passes the day the office approved it,
   * in the org's time zone: an unapproved report is not known at all).
   */
  submittedOn: string;
  report: ItemReport;
}

/**
 * What is known about an item on asOf: for each milestone, target and achievement, the entry of
 * the latest report submitted on or before asOf that reports it (a `null` entry — not reported
 * this time — leaves the earlier one standing). Reports submitted on the same day keep their order.
 */
export function progressAsOf(
  reports: readonly DatedReport[],
  item: ReportedItem,
  asOf: string,
): ItemProgress {
  const known = reports
    .map((r, order) => ({ ...r, order }))
    .filter((r) => r.submittedOn <= asOf)
    .sort((a, b) =>
      a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : a.order - b.order,
    );
  const merged: ItemReport = {
    milestones: item.milestones.map(() => null),
    targets: item.targets.map(() => null),
    achievements: item.achievements.map(() => null),
  };
  const latest = <T>(into: readonly (T | null)[], from: readonly (T | null)[]) =>
    into.map((old, i) => from[i] ?? old);
  for (const { report } of known) {
    merged.milestones = latest(merged.milestones, report.milestones);
    merged.targets = latest(merged.targets, report.targets);
    merged.achievements = latest(merged.achievements, report.achievements);
  }
  return toItemProgress(merged, item);
}
