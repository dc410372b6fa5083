import { itemStatus, countStatuses, type ItemStatus, type StatusOptions } from '../domain/status/index.js';
import type { ItemSummary } from '../shared/api/items.js';
import type { Ledger, LedgerItem } from './ledger.service.js';

/** An item with its status as of a date: what every read view starts from. */
export interface RatedItem {
  entry: LedgerItem;
  rating: ItemStatus;
}

export function statusOptions(ledger: Ledger, asOf: string): StatusOptions {
  return { asOf, warningDays: ledger.warningDays };
}

export function rateItems(ledger: Ledger, asOf: string): RatedItem[] {
  const opts = statusOptions(ledger, asOf);
  // Progress (reports) joins here in issue 7: itemStatus takes it as a third argument.
  return ledger.items.map((entry) => ({ entry, rating: itemStatus(entry.item, opts) }));
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
