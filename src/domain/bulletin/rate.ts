import { progressAsOf } from '../reporting/latest-progress.js';
import { dueDate, previousPeriod } from '../reporting/period.js';
import { itemStatus, type ItemProgress, type ItemStatus } from '../status/item-status.js';
import type { Rag } from '../status/status.js';
import type { BulletinInput, BulletinItem, BulletinItemRef } from './types.js';

/**
 * Every item rated as of the period's due date from what its approved reports said by then, and
 * as of the period before's due date (what was already known then: "new this period" is the
 * difference). The item's status is the locked snapshot's when the snapshot has the item, so the
 * bulletin never contradicts the snapshot its "what changed" is computed from.
 */
export interface RatedEntry {
  entry: BulletinItem;
  ref: BulletinItemRef;
  progress: ItemProgress;
  rating: ItemStatus;
  /** The snapshot's status (or the computed one for an item the snapshot lacks). */
  status: Rag;
  /** Achievements known reached as of the previous due date, by position. */
  reachedBefore: boolean[];
}

export interface RatedBulletin {
  asOf: string;
  previousAsOf: string;
  entries: RatedEntry[];
}

export function rateBulletin(input: BulletinInput): RatedBulletin {
  const asOf = dueDate(input.period, input.dueDay);
  const previousAsOf = dueDate(previousPeriod(input.period), input.dueDay);
  const locked = new Map(input.snapshot.items.map((e) => [e.itemKey, e.status]));
  const opts = { asOf, warningDays: input.warningDays };
  const entries = input.items.map((entry): RatedEntry => {
    const { item } = entry;
    const progress = progressAsOf(entry.reports, item, asOf);
    const rating = itemStatus(item, opts, progress);
    const before = progressAsOf(entry.reports, item, previousAsOf);
    return {
      entry,
      ref: itemRef(entry),
      progress,
      rating,
      status: locked.get(entry.itemKey) ?? rating.status,
      reachedBefore: item.achievements.map((_, i) => isReached(before.achievements?.[i], previousAsOf)),
    };
  });
  return { asOf, previousAsOf, entries };
}

export function itemRef(entry: BulletinItem): BulletinItemRef {
  return {
    itemKey: entry.itemKey,
    number: entry.item.number,
    title: entry.item.title,
    lead: entry.lead?.name ?? null,
  };
}

export function isReached(
  a: { reached: boolean; reachedOn?: string | null } | undefined,
  asOf: string,
): boolean {
  return a?.reached === true && (a.reachedOn == null || a.reachedOn <= asOf);
}

/**
 * The latest entry each milestone got in the reports known on asOf (reports of the same day keep
 * their order): where the at-risk reasons come from, which ItemProgress does not carry.
 */
export function latestMilestoneEntries(
  entry: BulletinItem,
  asOf: string,
): ({ state: string; reason?: string | null } | null)[] {
  const out: ({ state: string; reason?: string | null } | null)[] = entry.item.milestones.map(() => null);
  for (const r of knownReports(entry, asOf)) {
    r.report.milestones.forEach((m, i) => {
      if (m && i < out.length) out[i] = m;
    });
  }
  return out;
}

/** The reports known on asOf, oldest first, stable within a day. */
export function knownReports(entry: BulletinItem, asOf: string) {
  return entry.reports
    .map((r, order) => ({ r, order }))
    .filter(({ r }) => r.submittedOn <= asOf)
    .sort((a, b) =>
      a.r.submittedOn < b.r.submittedOn ? -1 : a.r.submittedOn > b.r.submittedOn ? 1 : a.order - b.order,
    )
    .map(({ r }) => r);
}
