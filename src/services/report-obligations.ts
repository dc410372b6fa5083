import {
  dueDate,
  periodBounds,
  periodOf,
  periodsBetween,
  comparePeriods,
  isPeriod,
  cadenceOf,
  type Period,
} from '../domain/reporting/period.js';
import { doneOn, doneTimeline, type DoneStep } from '../domain/reporting/progress-timeline.js';
import type { ReportObligation } from '../domain/reporting/scoreboard.js';
import { addDays } from '../domain/status/dates.js';
import type { Db } from '../store/database.js';
import { loadSubmissions } from '../store/progress.repository.js';
import { localDate } from './local-date.js';
import { memoView, memoViewSync, type Ledger, type LedgerItem } from './ledger.service.js';

/**
 * The reports each lead unit owed and what it submitted, for the scoreboard's report rate.
 *
 * A report is owed for every item a unit leads, for every period from the first one anybody
 * reported for (the org started reporting then: nothing is owed before) — except once the item is
 * done: from the first period that begins with the item already done, there is nothing left to
 * report. Submissions count on the day they were made in the org's time zone; a submission is
 * returned as of a date only if the office returned it by then.
 */

type Submitted = { on: string; returnedOn: string | null }[];

export interface ReportRecord {
  /** Submissions by item key, then period, in order. */
  submissions: Map<string, Map<string, Submitted>>;
  /** The first period anybody submitted a report for, in the org's cadence; null until then. */
  from: Period | null;
}

/** Loaded once per ledger (the ledger is reloaded whenever a report is submitted or reviewed). */
export function reportRecord(db: Db, ledger: Ledger): Promise<ReportRecord> {
  return memoView(ledger, 'report-record', '', async () => {
    const rows = await loadSubmissions(db.kysely, ledger.orgId);
    const submissions = new Map<string, Map<string, Submitted>>();
    const periods = new Set<string>();
    for (const r of rows) {
      let ofItem = submissions.get(r.itemKey);
      if (!ofItem) submissions.set(r.itemKey, (ofItem = new Map()));
      ofItem.set(
        r.period,
        r.submissions.map((s) => ({
          on: localDate(s.at, ledger.timeZone),
          returnedOn: s.returnedAt === null ? null : localDate(s.returnedAt, ledger.timeZone),
        })),
      );
      periods.add(r.period);
    }
    // Each period once, not once per item: a few dozen periods, thousands of reports.
    let from: Period | null = null;
    for (const period of periods) {
      if (!isPeriod(period)) continue;
      const p = periodOf(periodBounds(period).from, ledger.reporting.cadence);
      if (from === null || comparePeriods(p, from) < 0) from = p;
    }
    return { submissions, from };
  });
}

const NONE: readonly ReportObligation['submissions'][number][] = [];

/** What `entries` (items one unit leads) owed as of asOf, with what was submitted for each. */
export function obligationsOf(
  ledger: Ledger,
  record: ReportRecord,
  entries: readonly LedgerItem[],
  asOf: string,
): ReportObligation[] {
  if (record.from === null) return [];
  const { cadence, dueDay } = ledger.reporting;
  const last = periodOf(asOf, cadence);
  if (cadenceOf(record.from) !== cadence || comparePeriods(record.from, last) > 0) return [];
  const periods = periodsBetween(record.from, last).filter((p) => dueDate(p, dueDay) <= asOf);
  // The day before each period: an item done by then owes nothing for it.
  const eves = periods.map((p) => addDays(periodBounds(p).from, -1));
  const timelines = doneTimelines(ledger);
  const out: ReportObligation[] = [];
  for (const entry of entries) {
    const timeline = timelines.get(entry.itemKey) ?? [];
    const ofItem = record.submissions.get(entry.itemKey);
    for (const [i, period] of periods.entries()) {
      if (doneOn(timeline, eves[i]!)) continue;
      const submitted = ofItem?.get(period);
      out.push({
        period,
        submissions: submitted
          ? submitted.map((s) => ({ on: s.on, returned: s.returnedOn !== null && s.returnedOn <= asOf }))
          : NONE,
      });
    }
  }
  return out;
}

/**
 * Each item's done-timeline (domain/reporting/progress-timeline.ts): reports become known on
 * their approval day and every date inside one is on or before it, so an item's being done
 * changes only on approval days — worked out once per ledger, then looked up for any date.
 */
function doneTimelines(ledger: Ledger): Map<string, DoneStep[]> {
  return memoViewSync(ledger, 'done-timeline', '', () => {
    const out = new Map<string, DoneStep[]>();
    for (const entry of ledger.items) {
      out.set(entry.itemKey, doneTimeline(entry.reports, entry.item, ledger.warningDays));
    }
    return out;
  });
}
