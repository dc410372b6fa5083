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

/** Callers must not mutate the result: it is shared by every request for the same date. */
export function rateItems(ledger: Ledger, asOf: string): readonly RatedItem[] {
  return memoViewSync(ledger, 'rated', asOf, () => {
    const opts = statusOptions(ledger, asOf);
    // Progress (reports) joins here in issue 7: itemStatus takes it as a third argument, and the
    // memo's key will have to include the reports' revision.
    return ledger.items.map((entry) => ({ entry, rating: itemStatus(entry.item, opts) }));
  });
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
