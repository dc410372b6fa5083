import type { Item, Milestone } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';

/**
 * COLUMN_MISPLACED (deadlines): a dated milestone written in the measures or achievements.
 * Info, not warning: the extraction still picks the milestone up and the status engine tracks
 * it, so nothing is lost; the plan is only harder to read. One finding per item and column,
 * naming the first deadline. Variant `swapped` when the goals themselves hold no deadline —
 * the columns were probably filled in the wrong order (NO_DEADLINE carries the warning).
 */
export function columnMisplaced(item: Item): FindingDraft[] {
  const goalsDated = item.milestones.some((m) => m.source === 'goals');
  const out: FindingDraft[] = [];
  for (const field of ['measures', 'achievements'] as const) {
    const here: Milestone[] = item.milestones.filter((m) => m.source === field);
    const first = here[0];
    if (!first) continue;
    out.push({
      code: 'COLUMN_MISPLACED',
      severity: 'info',
      ...(goalsDated ? {} : { variant: 'swapped' }),
      item: item.number,
      field,
      excerpt: excerpt(first.text),
      params: { field, phrase: first.phrase, phrases: [...new Set(here.map((m) => m.phrase))] },
    });
  }
  return out;
}
