import { progressAsOf } from '../domain/reporting/latest-progress.js';
import { itemStatus, countStatuses, type ItemStatus, type StatusOptions } from '../domain/status/index.js';
import type { ItemSummary } from '../shared/api/items.js';
import { memoViewSync, type Ledger, type LedgerItem } from './ledger.service.js';

/** An item with its status as of a date: what every read view starts from. */
export interface RatedItem {
  entry: LedgerItem;
  rating: ItemStatus;
}

export function statusOptions(ledger: Ledger, asOf: string): StatusOptions {
  return { asOf, warningDays: ledger.warningDays };
}

/**
 * Every item's status as of a date, from the calendar and what approved reports known on that
 * date say. Callers must not mutate the result: it is shared by every request for the same date
 * (the ledger is reloaded whenever a report moves through the workflow, so the memo is fresh).
 */
export function rateItems(ledger: Ledger, asOf: string): readonly RatedItem[] {
  return memoViewSync(ledger, 'rated', asOf, () => rateItemsNow(ledger, asOf));
}

/** rateItems without the memo: for one-off dates (snapshots, history) that would crowd it out. */
export function rateItemsNow(ledger: Ledger, asOf: string): RatedItem[] {
  const opts = statusOptions(ledger, asOf);
  return ledger.items.map((entry) => ({ entry, rating: rateItem(entry, opts) }));
}

export function rateItem(entry: LedgerItem, opts: StatusOptions): ItemStatus {
  const progress = entry.reports.length > 0 ? progressAsOf(entry.reports, entry.item, opts.asOf) : undefined;
  return itemStatus(entry.item, opts, progress);
}

export function toItemSummary({ entry, rating }: RatedItem): ItemSummary {
  const { item } = entry;
  return {
    itemKey: entry.itemKey,
    number: item.number,
    title: item.title,
    key: item.key,
    status: rating.status,
    section: item.section ?? null,
    leadUnit: entry.lead ? { id: entry.lead.id, name: entry.lead.canonical } : null,
    coUnits: entry.units.filter((u) => u.role === 'co').map((u) => ({ id: u.id, name: u.canonical })),
    nextDeadline: rating.next,
    milestones: countStatuses(rating.milestones.map((m) => m.status)),
    targets: countStatuses(rating.targets.map((t) => t.status)),
  };
}
