import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';
import { deadlineYear, referenceYear, yearTypos } from './dates.js';
import type { LintContext } from './context.js';

/**
 * DATE_OUTSIDE_PLAN: a deadline before the plan year is stale or wrong (warning); one after it
 * is a long-term goal the yearly ledger cannot close (info, variant `after`). Every column is
 * checked: long-term goals hide in achievements ("到2025年落实资金8000万元以上"). Milestones
 * reported as year typos are skipped (see dates.ts).
 */
export function dateOutsidePlan(items: readonly Item[], ctx: LintContext): FindingDraft[] {
  const planYear = ctx.year;
  if (planYear === null) return [];
  const typos = yearTypos(items, referenceYear(items, planYear));
  const out: FindingDraft[] = [];
  for (const item of items) {
    for (const m of item.milestones) {
      const y = deadlineYear(m);
      if (y === planYear || typos.has(m)) continue;
      const after = y > planYear;
      out.push({
        code: 'DATE_OUTSIDE_PLAN',
        severity: after ? 'info' : 'warning',
        ...(after ? { variant: 'after' } : {}),
        item: item.number,
        field: m.source,
        excerpt: excerpt(m.text),
        params: { phrase: m.phrase, deadline: m.deadline, planYear },
      });
    }
  }
  return out;
}
