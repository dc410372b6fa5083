import type { Figures } from '../domain/rollup/figures.js';
import { reportStats } from '../domain/reporting/scoreboard.js';
import { addDays } from '../domain/status/dates.js';
import { countStatuses } from '../domain/status/index.js';
import { unitStats } from '../domain/status/unit-status.js';
import type { Db } from '../store/database.js';
import { approvalsBefore, type ApprovalRecord } from '../store/org-tree.repository.js';
import { rateItems } from './item-summary.js';
import { memoView, type Ledger } from './ledger.service.js';
import { localDate } from './local-date.js';
import { obligationsOf, reportRecord } from './report-obligations.js';

/**
 * One org's own figures as of a date, from its ledger with the very code its own pages use:
 * items by status are its dashboard's `counts` (rateItems → countStatuses), milestone figures
 * the scoreboard's unitStats over all its items, report figures the scoreboard's obligations and
 * reportStats over all its items. Kept per (ledger, date): the ledger is replaced whenever the
 * org's plan, settings or any report changes, so the figures are never stale.
 *
 * The org of `lastApproved` is its id here; the roll-up names it.
 */
export function orgOwnFigures(db: Db, ledger: Ledger, asOf: string): Promise<Figures<string>> {
  return memoView(ledger, 'rollup-own', asOf, async () => {
    const rated = rateItems(ledger, asOf);
    const statuses = rated.map((r) => r.rating.status);
    const keyStatuses = rated.filter((r) => r.entry.item.key).map((r) => r.rating.status);
    const m = unitStats(
      rated.map((r) => ({ milestones: r.entry.item.milestones, rating: r.rating })),
      asOf,
    );
    const record = await reportRecord(db, ledger);
    const reports = reportStats(
      obligationsOf(ledger, record, ledger.items, asOf),
      asOf,
      ledger.reporting.dueDay,
    );
    return {
      orgs: 1,
      withPlan: ledger.plan ? 1 : 0,
      items: countStatuses(statuses),
      keyItems: countStatuses(keyStatuses),
      milestones: { due: m.dueMilestones, dueDone: m.dueDone, dueOrDone: m.dueOrDone, onTime: m.doneOnTime },
      reports,
      lastApproved: ledger.plan ? await lastApproved(db, ledger, asOf) : null,
    };
  });
}

/** Rows read per look-up; more only when none of them was approved on or before the date. */
const APPROVALS_PAGE = 100;

/**
 * The org's most recent approval known on asOf (approved on or before that day where the office
 * is), of an item of the current plan. Any approval on or before the day is before the next day
 * but one in UTC whatever the time zone (offsets lie within −12…+14 hours): that bounds the query.
 */
async function lastApproved(db: Db, ledger: Ledger, asOf: string): Promise<Figures<string>['lastApproved']> {
  const byKey = new Map(ledger.items.map((e) => [e.itemKey, e]));
  const before = `${addDays(asOf, 2)}T00:00:00.000Z`;
  const pick = (rows: ApprovalRecord[]) =>
    rows.find((r) => byKey.has(r.itemKey) && localDate(r.approvedAt, ledger.timeZone) <= asOf);
  let rows = await approvalsBefore(db.kysely, ledger.orgId, before, APPROVALS_PAGE);
  let hit = pick(rows);
  if (!hit && rows.length === APPROVALS_PAGE) {
    rows = await approvalsBefore(db.kysely, ledger.orgId, before, Number.MAX_SAFE_INTEGER);
    hit = pick(rows);
  }
  if (!hit) return null;
  const entry = byKey.get(hit.itemKey)!;
  return {
    org: ledger.orgId,
    period: hit.period,
    itemKey: hit.itemKey,
    itemNumber: entry.item.number,
    itemTitle: entry.item.title,
    approvedAt: hit.approvedAt,
  };
}
