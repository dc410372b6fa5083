import type { Locale } from '../i18n/index.js';
import { writeRollupXlsx } from '../writers/rollup-xlsx.writer.js';
import { ledgersOf, type RollupContext, type RollupRoot } from './org-subtree.service.js';
import { orgOwnFigures } from './org-figures.service.js';
import { searchAcross, type AcrossFilters } from './rollup-search.service.js';

/**
 * GET /api/rollup/export.xlsx (issue 9): the subtree's orgs with their own figures, and the
 * items matching the filters across them (searchAcross, unpaged), as one workbook.
 */
export async function exportRollup(
  ctx: RollupContext,
  root: RollupRoot,
  filters: AcrossFilters,
  locale: Locale,
): Promise<{ bytes: Buffer; rootName: string }> {
  const { root: top, orgs } = await searchAcross(ctx, root, filters);
  const ledgers = await ledgersOf(
    ctx,
    orgs.map((o) => o.entry.org.id),
  );
  const summary = [];
  for (const { entry } of orgs) {
    const ledger = ledgers.get(entry.org.id)!;
    const f = await orgOwnFigures(ctx.db, ledger, filters.asOf);
    summary.push({
      path: entry.path,
      type: entry.org.type,
      plan: ledger.plan?.title ?? null,
      items: f.items,
      milestonesDue: f.milestones.due,
      milestonesDueDone: f.milestones.dueDone,
      reportsDue: f.reports.due,
      reportsOnTime: f.reports.onTime,
    });
  }
  const items = orgs.flatMap(({ entry, matches }) =>
    matches.map(({ entry: item, rating }) => ({
      org: entry.org.name,
      number: item.item.number,
      key: item.item.key,
      title: item.item.title,
      status: rating.status,
      leadUnit: item.lead?.canonical ?? null,
      nextDeadline: rating.next?.deadline ?? null,
    })),
  );
  return { bytes: await writeRollupXlsx(summary, items, locale, filters.asOf), rootName: top.name };
}
