import { NotFoundError } from '../domain/errors.js';
import { countStatuses } from '../domain/status/index.js';
import {
  DEFAULT_THEME_MIN_ORGS,
  DEFAULT_THEME_SIMILARITY,
  groupThemes,
  themeId,
} from '../domain/rollup/themes.js';
import type { RollupThemesDto, ThemeItemDto } from '../shared/api/rollup.js';
import { rateItems } from './item-summary.js';
import type { LedgerCache } from './ledger.service.js';
import {
  cacheFor,
  ledgersOf,
  orgRef,
  subtreeOf,
  type ResultCache,
  type RollupContext,
  type RollupRoot,
  type Subtree,
} from './org-subtree.service.js';

/**
 * GET /api/rollup/themes (issue 9): the items of every org in the subtree (the root's own too)
 * grouped by similar titles (domain/rollup/themes.ts), each theme with its items' statuses as of
 * the date — "the same reform across counties" side by side. Kept like the roll-up, per
 * (subtree key, options, date).
 */

const caches = new WeakMap<LedgerCache, ResultCache<RollupThemesDto>>();

export async function buildThemes(
  ctx: RollupContext,
  root: RollupRoot,
  query: { asOf: string; similarity?: number | undefined; minOrgs?: number | undefined },
): Promise<RollupThemesDto> {
  const tree = await subtreeOf(ctx, root);
  if (!tree) throw new NotFoundError('error.org_unreadable');
  const similarity = query.similarity ?? DEFAULT_THEME_SIMILARITY;
  const minOrgs = query.minOrgs ?? DEFAULT_THEME_MIN_ORGS;
  const key = `${tree.key}|${similarity}|${minOrgs}|${query.asOf}`;
  return cacheFor(caches, ctx.ledgerCache).get(key, () =>
    computeThemes(ctx, tree, { ...query, similarity, minOrgs }),
  );
}

async function computeThemes(
  ctx: RollupContext,
  tree: Subtree,
  query: { asOf: string; similarity: number; minOrgs: number },
): Promise<RollupThemesDto> {
  const { similarity, minOrgs } = query;

  const ledgers = await ledgersOf(
    ctx,
    tree.entries.map((e) => e.org.id),
  );
  const items: ThemeItemDto[] = [];
  for (const e of tree.entries) {
    for (const { entry, rating } of rateItems(ledgers.get(e.org.id)!, query.asOf)) {
      items.push({
        org: orgRef(e.org),
        itemKey: entry.itemKey,
        number: entry.item.number,
        title: entry.item.title,
        key: entry.item.key,
        status: rating.status,
        leadUnit: entry.lead?.canonical ?? null,
      });
    }
  }
  const groups = groupThemes(
    items.map((i) => ({ orgId: i.org.id, title: i.title })),
    { similarity, minOrgs },
  );
  const result: RollupThemesDto = {
    asOf: query.asOf,
    org: orgRef(tree.root),
    similarity,
    minOrgs,
    themes: groups.map((g) => {
      const members = g.members.map((i) => items[i]!);
      const label = items[g.representative]!.title;
      return {
        id: themeId(label),
        label,
        orgCount: g.orgCount,
        counts: countStatuses(members.map((m) => m.status)),
        items: members,
      };
    }),
  };
  return result;
}
