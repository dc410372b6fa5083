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
  // Array.prototype.sort is stable: by day alone keeps same-day reports in their order.
  const known = reports.filter((r) => r.submittedOn <= asOf).sort(byDay);
  const merged = emptyReport(item);
  for (const { report } of known) mergeReport(merged, report);
  return toItemProgress(merged, item);
}

/** What nothing has been reported about yet: one null per subject. */
export function emptyReport(item: ReportedItem): MutableReport {
  return {
    milestones: item.milestones.map(() => null),
    targets: item.targets.map(() => null),
    achievements: item.achievements.map(() => null),
  };
}

export type MutableReport = { -readonly [K in keyof ItemReport]: ItemReport[K][number][] };

/** Each entry `report` gives replaces the one standing; a null or missing entry leaves it. */
export function mergeReport(into: MutableReport, report: ItemReport): void {
  overlay(into.milestones, report.milestones);
  overlay(into.targets, report.targets);
  overlay(into.achievements, report.achievements);
}

function overlay<T>(into: (T | null)[], from: readonly (T | null)[]): void {
  for (let i = 0; i < into.length; i++) {
    const entry = from[i];
    if (entry !== null && entry !== undefined) into[i] = entry;
  }
}

/** Reports by the day they became known. */
export function byDay(a: DatedReport, b: DatedReport): number {
  return a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0;
}
