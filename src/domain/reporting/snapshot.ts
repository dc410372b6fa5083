import { countStatuses, type StatusCounts } from '../status/counts.js';
import { itemStatus, type ItemProgress, type StatusInput } from '../status/item-status.js';
import type { Rag } from '../status/status.js';
import { DEFAULT_DUE_DAY, dueDate, type Period } from './period.js';

/**
 * A snapshot of every item's status for a period, taken as of the period's due date: kept per
 * period, so the dashboard can draw trends (counts per period) and the bulletin can say what
 * changed since the last period (`changesBetween`).
 */

export interface SnapshotEntry {
  /** The item's stable key (kept across plan versions). */
  itemKey: string;
  status: Rag;
}

export interface Snapshot {
  period: Period;
  /** The date the statuses are as of: the period's due date. */
  asOf: string;
  /** In the plan's order. */
  items: SnapshotEntry[];
  counts: StatusCounts;
}

export interface SnapshotItem {
  itemKey: string;
  item: StatusInput;
  /** What reports say, as known on the due date (see progressAsOf). */
  progress?: ItemProgress;
}

export interface SnapshotOptions {
  dueDay?: number;
  warningDays: number;
}

export function takeSnapshot(
  period: Period,
  items: readonly SnapshotItem[],
  opts: SnapshotOptions,
): Snapshot {
  const asOf = dueDate(period, opts.dueDay ?? DEFAULT_DUE_DAY);
  const entries = items.map(({ itemKey, item, progress }) => ({
    itemKey,
    status: itemStatus(item, { asOf, warningDays: opts.warningDays }, progress).status,
  }));
  return { period, asOf, items: entries, counts: countStatuses(entries.map((e) => e.status)) };
}

export interface StatusChange {
  itemKey: string;
  /** null for an item new in this period. */
  from: Rag | null;
  /** null for an item removed in this period. */
  to: Rag | null;
}

/**
 * What changed from one snapshot to the next, each item in at most one list:
 * - done: not done before, done now (a red item that got done is here, not in recovered);
 * - becameRed: red now, existing and not red before;
 * - recovered: red before, yellow or green now;
 * - reopened: done before, not done now (a returned report, a re-import);
 * - new / removed: in only one of the two (e.g. a re-imported plan).
 * With no previous snapshot (the first period) every item is new.
 */
export interface SnapshotChanges {
  becameRed: StatusChange[];
  recovered: StatusChange[];
  done: StatusChange[];
  reopened: StatusChange[];
  new: StatusChange[];
  removed: StatusChange[];
}

export function changesBetween(prev: Snapshot | null, next: Snapshot): SnapshotChanges {
  const out: SnapshotChanges = { becameRed: [], recovered: [], done: [], reopened: [], new: [], removed: [] };
  const before = new Map((prev?.items ?? []).map((e) => [e.itemKey, e.status]));
  const now = new Set(next.items.map((e) => e.itemKey));
  for (const { itemKey, status: to } of next.items) {
    const from = before.get(itemKey);
    if (from === undefined) {
      out.new.push({ itemKey, from: null, to });
      continue;
    }
    const change = { itemKey, from, to };
    if (to === 'done' && from !== 'done') out.done.push(change);
    else if (from === 'done' && to !== 'done') out.reopened.push(change);
    else if (to === 'red' && from !== 'red') out.becameRed.push(change);
    else if (from === 'red' && to !== 'red') out.recovered.push(change);
  }
  for (const e of prev?.items ?? []) {
    if (!now.has(e.itemKey)) out.removed.push({ itemKey: e.itemKey, from: e.status, to: null });
  }
  return out;
}

/** Items by status per period, oldest first: the dashboard's trend. */
export function trend(
  snapshots: readonly Snapshot[],
): { period: Period; asOf: string; counts: StatusCounts }[] {
  return [...snapshots]
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))
    .map(({ period, asOf, counts }) => ({ period, asOf, counts }));
}
