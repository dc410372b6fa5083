import type { Item, Milestone } from '../plan.js';

/**
 * What the date rules share: the year a plan is really about, and which milestones carry a
 * year that is most likely a slip of the keyboard ("2021年6月底前" in a plan whose milestones are
 * all 2022). A milestone gets at most one date finding, most specific first:
 *   1. DATE_OUT_OF_ORDER.year — a probable typo in the year (explains the other two);
 *   2. DATE_OUTSIDE_PLAN      — a deadline outside ctx.year (when the plan year is known);
 *   3. DATE_OUT_OF_ORDER      — a deadline earlier than the one written before it.
 * So the seed's "1.2022年3月底前 … 2.2021年6月底前" is one finding, not three.
 */

export function deadlineYear(m: Milestone): number {
  return Number(m.deadline.slice(0, 4));
}

/** The year written in the phrase ("2022年3月底前" → 2022); null when the extraction supplied it. */
export function writtenYear(m: Milestone): number | null {
  const match = /(\d{4})\s*年/.exec(m.phrase.normalize('NFKC'));
  return match ? Number(match[1]) : null;
}

/**
 * A deadline to the month, quarter, half-year or day. Long-term goals are written to the year
 * ("到2025年", "2025年底前"); month-precise deadlines belong to the yearly plan, so one in
 * another year is suspect.
 */
export function isSubYear(m: Milestone): boolean {
  return /月|季度|半年|日|号/.test(m.phrase.normalize('NFKC'));
}

/**
 * The year most milestones that name a year are in, if more than half of them are: the plan's
 * own sense of its year, which survives a wrong or missing ctx.year.
 */
export function dominantYear(items: readonly Item[]): number | null {
  const counts = new Map<number, number>();
  let total = 0;
  for (const item of items) {
    for (const m of item.milestones) {
      const y = writtenYear(m);
      if (y === null) continue;
      counts.set(y, (counts.get(y) ?? 0) + 1);
      total++;
    }
  }
  for (const [year, n] of counts) if (n * 2 > total) return year;
  return null;
}

export function referenceYear(items: readonly Item[], planYear: number | null): number | null {
  return dominantYear(items) ?? planYear;
}

const withYear = (m: Milestone, year: number) => `${year}${m.deadline.slice(4)}`;

/**
 * Milestones whose written year is probably a typo for the reference year: month-precise, in
 * another year, and either before it (a yearly plan does not set deadlines in the past) or
 * breaking its item's goal order in a way the reference year would repair. A later year that
 * keeps the order ("2023年6月底前" last) may be a genuine multi-year step: DATE_OUTSIDE_PLAN.
 */
export function yearTypos(items: readonly Item[], ref: number | null): Set<Milestone> {
  const typos = new Set<Milestone>();
  if (ref === null) return typos;
  for (const item of items) {
    const goals = item.milestones.filter((m) => m.source === 'goals');
    for (const m of item.milestones) {
      const y = writtenYear(m);
      if (y === null || y === ref || !isSubYear(m)) continue;
      if (y < ref) {
        typos.add(m);
        continue;
      }
      const at = goals.indexOf(m);
      if (at < 0) continue;
      const prev = goals[at - 1]?.deadline;
      const next = goals[at + 1]?.deadline;
      const breaks = (prev !== undefined && m.deadline < prev) || (next !== undefined && m.deadline > next);
      const fixed = withYear(m, ref);
      const repaired = (prev === undefined || prev <= fixed) && (next === undefined || fixed <= next);
      if (breaks && repaired) typos.add(m);
    }
  }
  return typos;
}
