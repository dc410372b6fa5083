import { quarterOf, quarterRange } from '../domain/status/index.js';
import type { Timeline } from '../shared/api/timeline.js';
import type { Ledger } from './ledger.service.js';
import { rateItems } from './item-summary.js';

/** GET /timeline: every item's milestones placed in quarters, for a Gantt-like view. */
export function buildTimeline(ledger: Ledger, asOf: string): Timeline {
  const rated = rateItems(ledger, asOf);
  const quarters = rated.flatMap((r) => r.entry.item.milestones.map((m) => quarterOf(m.deadline))).sort();
  return {
    asOf,
    quarters: quarters.length ? quarterRange(quarters[0]!, quarters[quarters.length - 1]!) : [],
    items: rated.map(({ entry, rating }) => ({
      itemKey: entry.itemKey,
      number: entry.item.number,
      title: entry.item.title,
      key: entry.item.key,
      status: rating.status,
      milestones: entry.item.milestones.map((m, i) => ({
        deadline: m.deadline,
        quarter: quarterOf(m.deadline),
        status: rating.milestones[i]!.status,
        text: m.text,
      })),
    })),
  };
}
