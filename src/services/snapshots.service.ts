import { progressAsOf } from '../domain/reporting/latest-progress.js';
import { dueDate, previousPeriod, type Period } from '../domain/reporting/period.js';
import { changesBetween, takeSnapshot, trend, type StatusChange } from '../domain/reporting/snapshot.js';
import { countStatuses } from '../domain/status/counts.js';
import type { Db } from '../store/database.js';
import {
  insertSnapshot,
  listSnapshots,
  type KeptEntry,
  type KeptSnapshot,
} from '../store/snapshots.repository.js';
import type { SnapshotChangesDto, StatusChangeDto, TrendDto } from '../shared/api/scoreboard.js';
import { rateItems } from './item-summary.js';
import type { Ledger } from './ledger.service.js';
import { periodRange, readingDate } from './period-range.js';

/**
 * Status snapshots per period. A period's snapshot is taken as of its due date once that date has
 * passed — lazily, by the first request (or `reform-ledger status` run) that needs it — and kept
 * from then on: the trend and "what changed" show what the office saw then, even after a
 * re-import. Before its due date has passed a period is read live, as of today, and marked
 * provisional (never kept).
 */

export interface PeriodSnapshot {
  period: Period;
  asOf: string;
  items: KeptEntry[];
  counts: KeptSnapshot['counts'];
  provisional: boolean;
}

/** `today` is the org's date; `at` the instant a snapshot taken now is stamped with. */
export interface Clock {
  today: string;
  at: string;
  actor?: string;
}

export async function snapshotsOf(
  db: Db,
  ledger: Ledger,
  periods: readonly Period[],
  clock: Clock,
): Promise<Map<Period, PeriodSnapshot>> {
  const { dueDay } = ledger.reporting;
  const out = new Map<Period, PeriodSnapshot>();
  const keep = (s: KeptSnapshot) => out.set(s.period, { ...s, provisional: false });
  (await listSnapshots(db.kysely, ledger.orgId, periods)).forEach(keep);

  // Nothing is kept before a plan exists: an empty snapshot would stand for that period forever.
  const due = ledger.plan
    ? periods.filter((p) => !out.has(p) && !readingDate(p, dueDay, clock.today).provisional)
    : [];
  if (due.length > 0) {
    const ctx = { orgId: ledger.orgId, actor: clock.actor ?? 'system', at: clock.at };
    await db.kysely.transaction().execute(async (trx) => {
      for (const period of due) {
        await insertSnapshot(trx, ctx, takeKept(ledger, period), ledger.plan?.versionId ?? null);
      }
    });
    // Another server may have kept one first: what is kept is what counts.
    (await listSnapshots(db.kysely, ledger.orgId, due)).forEach(keep);
  }

  for (const period of periods) {
    if (out.has(period)) continue;
    const { asOf } = readingDate(period, dueDay, clock.today);
    const items = rateItems(ledger, asOf).map(({ entry, rating }) => ({
      ...describe(entry),
      status: rating.status,
    }));
    out.set(period, {
      period,
      asOf,
      items,
      counts: countStatuses(items.map((i) => i.status)),
      provisional: true,
    });
  }
  return out;
}

/** The periods kept that are missing, taken now (the CLI's job; requests do it lazily). */
export async function keepSnapshots(
  db: Db,
  ledger: Ledger,
  periods: readonly Period[],
  clock: Clock,
): Promise<Map<Period, PeriodSnapshot>> {
  const due = periods.filter((p) => !readingDate(p, ledger.reporting.dueDay, clock.today).provisional);
  return snapshotsOf(db, ledger, due, clock);
}

function takeKept(ledger: Ledger, period: Period): KeptSnapshot & { items: KeptEntry[] } {
  const { dueDay } = ledger.reporting;
  const asOf = dueDate(period, dueDay);
  const snapshot = takeSnapshot(
    period,
    ledger.items.map((entry) => ({
      itemKey: entry.itemKey,
      item: entry.item,
      progress: entry.reports.length > 0 ? progressAsOf(entry.reports, entry.item, asOf) : undefined,
    })),
    { dueDay, warningDays: ledger.warningDays },
  );
  return {
    ...snapshot,
    items: snapshot.items.map((e, i) => ({ ...e, ...describe(ledger.items[i]!) })),
    takenAt: '',
    versionId: ledger.plan?.versionId ?? null,
  };
}

function describe(entry: Ledger['items'][number]): Omit<KeptEntry, 'status'> {
  return { itemKey: entry.itemKey, number: entry.item.number, title: entry.item.title };
}

/** GET /dashboard/trend: items by status per period. */
export async function statusTrend(
  db: Db,
  ledger: Ledger,
  query: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined },
  clock: Clock,
): Promise<TrendDto> {
  const periods = periodRange(ledger, query, clock.today);
  const snapshots = await snapshotsOf(db, ledger, periods, clock);
  const provisional = new Set([...snapshots.values()].filter((s) => s.provisional).map((s) => s.period));
  return {
    cadence: ledger.reporting.cadence,
    dueDay: ledger.reporting.dueDay,
    periods: trend([...snapshots.values()]).map((t) => ({ ...t, provisional: provisional.has(t.period) })),
  };
}

/** GET /snapshots/:period/changes: what changed from the period before to this one. */
export async function snapshotChanges(
  db: Db,
  ledger: Ledger,
  period: Period,
  clock: Clock,
): Promise<SnapshotChangesDto> {
  const before = previousPeriod(period);
  const snapshots = await snapshotsOf(db, ledger, [before, period], clock);
  const prev = snapshots.get(before)!;
  const next = snapshots.get(period)!;
  const names = new Map<string, Omit<KeptEntry, 'status'>>();
  for (const e of [...prev.items, ...next.items]) names.set(e.itemKey, e);
  for (const entry of ledger.items) names.set(entry.itemKey, describe(entry));
  const named = (list: StatusChange[]): StatusChangeDto[] =>
    list.map((c) => {
      const n = names.get(c.itemKey);
      return { ...c, number: n?.number ?? null, title: n?.title ?? '' };
    });
  const c = changesBetween(prev, next);
  const head = (s: PeriodSnapshot) => ({
    period: s.period,
    asOf: s.asOf,
    provisional: s.provisional,
    counts: s.counts,
  });
  return {
    ...head(next),
    previous: head(prev),
    becameRed: named(c.becameRed),
    recovered: named(c.recovered),
    done: named(c.done),
    reopened: named(c.reopened),
    new: named(c.new),
    removed: named(c.removed),
  };
}
