import type { Item, PlanField } from '../plan.js';
import type { FindingDraft } from '../finding.js';

const blank = (s: string) => s.trim() === '';

/**
 * EMPTY_CELL: a column left empty. An item without a title cannot be identified in any report,
 * so that one is an error; the other columns are warnings the office can live with for a while.
 */
export function emptyCells(item: Item, fields?: ReadonlySet<PlanField>): FindingDraft[] {
  const empty: [PlanField, boolean][] = [
    ['title', blank(item.title)],
    ['measures', item.measures.every(blank)],
    ['goals', blank(item.goalsText)],
    ['achievements', item.achievements.every(blank)],
    ['units', item.units.length === 0],
  ];
  return empty
    .filter(([field, isEmpty]) => isEmpty && (!fields || field === 'title' || fields.has(field)))
    .map(([field]) => ({
      code: 'EMPTY_CELL' as const,
      severity: field === 'title' ? ('error' as const) : ('warning' as const),
      item: item.number,
      field,
      params: { field },
    }));
}
