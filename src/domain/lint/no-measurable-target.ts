import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';

/**
 * NO_MEASURABLE_TARGET: goals without a single number. Only info: many reforms are about
 * rules and mechanisms and have no honest figure. A blank figure ("参保率达  %") counts as a
 * target here; BLANK_VALUE reports the blank.
 */
export function noMeasurableTarget(item: Item): FindingDraft[] {
  if (item.goalsText.trim() === '') return [];
  if (item.targets.some((t) => t.source === 'goals')) return [];
  return [
    {
      code: 'NO_MEASURABLE_TARGET',
      severity: 'info',
      item: item.number,
      field: 'goals',
      excerpt: excerpt(item.goalsText),
    },
  ];
}
