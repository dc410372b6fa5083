import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';

/**
 * NO_DEADLINE: goals written without any deadline cannot be tracked by the status engine.
 * Empty goals are EMPTY_CELL's business, not this rule's. Kept even when COLUMN_MISPLACED
 * finds the dates in another column: the goals still lack them, and the two findings point at
 * the two cells to fix.
 */
export function noDeadline(item: Item): FindingDraft[] {
  if (item.goalsText.trim() === '') return [];
  if (item.milestones.some((m) => m.source === 'goals')) return [];
  return [
    {
      code: 'NO_DEADLINE',
      severity: 'warning',
      item: item.number,
      field: 'goals',
      excerpt: excerpt(item.goalsText),
    },
  ];
}
