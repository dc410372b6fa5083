import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';
import { deadlineYear, isSubYear, referenceYear, yearTypos } from './dates.js';
import type { LintContext } from './context.js';

/**
 * DATE_OUT_OF_ORDER: goal milestones are written as a timetable, so a deadline earlier than
 * the one before it is a slip. Variant `year`: a month-precise deadline whose year disagrees
 * with the plan's (see dates.ts for the precedence that keeps one finding per milestone).
 * Milestones are taken in the order the extraction lists them, which is the written order.
 */
export function dateOutOfOrder(items: readonly Item[], ctx: LintContext): FindingDraft[] {
  const ref = referenceYear(items, ctx.year);
  const typos = yearTypos(items, ref);
  const out: FindingDraft[] = [];
  for (const item of items) {
    for (const m of item.milestones) {
      if (!typos.has(m)) continue;
      out.push({
        code: 'DATE_OUT_OF_ORDER',
        severity: 'warning',
        variant: 'year',
        item: item.number,
        field: m.source,
        excerpt: excerpt(m.text),
        params: { phrase: m.phrase, deadline: m.deadline, year: deadlineYear(m), planYear: ref! },
      });
    }
    // Left out of the sequence: typos (reported above), deadlines outside the plan year
    // (DATE_OUTSIDE_PLAN reports them) and year-level long-term goals such as a leading
    // "到2025年…" before the yearly steps, which is a style, not a slip.
    const sequence = item.milestones.filter((m) => {
      if (m.source !== 'goals' || typos.has(m)) return false;
      const y = deadlineYear(m);
      if (ctx.year !== null) return y === ctx.year;
      return !(ref !== null && y > ref && !isSubYear(m));
    });
    for (let i = 1; i < sequence.length; i++) {
      const prev = sequence[i - 1]!;
      const m = sequence[i]!;
      if (m.deadline >= prev.deadline) continue;
      out.push({
        code: 'DATE_OUT_OF_ORDER',
        severity: 'warning',
        item: item.number,
        field: 'goals',
        excerpt: excerpt(m.text),
        params: {
          phrase: m.phrase,
          deadline: m.deadline,
          previous: prev.phrase,
          previousDeadline: prev.deadline,
        },
      });
    }
  }
  return out;
}
