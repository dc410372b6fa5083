import type { Item } from '../plan.js';
import type { FindingDraft } from '../finding.js';
import type { LintContext } from './context.js';
import { emptyCells } from './empty-cell.js';
import { noDeadline } from './no-deadline.js';
import { noMeasurableTarget } from './no-measurable-target.js';
import { columnMisplaced } from './column-misplaced.js';
import { dateOutOfOrder } from './date-out-of-order.js';
import { dateOutsidePlan } from './date-outside-plan.js';
import { duplicateText } from './duplicate-text.js';
import { repeatedPhrases } from './repeated-phrase.js';

export type { LintContext } from './context.js';
export { DUPLICATE_THRESHOLD, MIN_COMPARABLE_CHARS, MIN_OPENING_CHARS } from './duplicate-text.js';
export { MIN_REPEAT_CHARS } from './repeated-phrase.js';

/**
 * The plan-quality lint (规范性检查): every rule over the items, as drafts for renderFinding.
 * Pure: the plan year comes in through ctx, never from the clock.
 *
 * Findings come out in item order (the order of `items`), and within an item in the order of
 * the rules below: emptiness first, then goals, dates, columns, wording.
 */
export function lintItems(items: Item[], ctx: LintContext): FindingDraft[] {
  const drafts: FindingDraft[] = [
    ...items.flatMap((item) => [
      ...emptyCells(item, ctx.fields),
      ...noDeadline(item),
      ...noMeasurableTarget(item),
    ]),
    ...dateOutOfOrder(items, ctx),
    ...dateOutsidePlan(items, ctx),
    ...items.flatMap(columnMisplaced),
    ...items.flatMap(repeatedPhrases),
    ...duplicateText(items),
  ];
  const position = new Map<number | null, number>();
  items.forEach((item, i) => {
    if (!position.has(item.number)) position.set(item.number, i);
  });
  // Array.prototype.sort is stable, so rule order survives within an item.
  return drafts.sort((a, b) => (position.get(a.item) ?? -1) - (position.get(b.item) ?? -1));
}
