import { NotFoundError } from '../domain/errors.js';
import type { TreeEntry } from '../domain/org-tree.js';
import type { ItemSummary } from '../shared/api/items.js';
import type { OrgRefDto, OrgTypeDto } from '../shared/api/orgs.js';
import type { RollupSearchDto } from '../shared/api/rollup.js';
import type { Status } from '../shared/api/common.js';
import { searchItemsAcross, type OrgRecord } from '../store/org-tree.repository.js';
import { rateItems, toItemSummary, type RatedItem } from './item-summary.js';
import { ledgersOf, orgRef, subtreeOf, type RollupContext, type RollupRoot } from './org-subtree.service.js';

/**
 * Cross-org search (issue 9): the items of every org in a subtree that match — text as GET
 * /api/items `q` matches it (one query for all the orgs), status and key as of the date — in tree
 * order, then by the item's place in its plan. GET /api/rollup/search pages it; the export takes
 * it whole. Only orgs the caller may read are in the subtree (the route checks the root).
 */

export interface AcrossFilters {
  q?: string | undefined;
  status?: Status | undefined;
  key?: boolean | undefined;
  type?: OrgTypeDto | undefined;
  /** Include the root org itself (default true). */
  self?: boolean | undefined;
  asOf: string;
}

export interface OrgMatches {
  entry: TreeEntry<OrgRecord>;
  matches: RatedItem[];
}

export async function searchAcross(
  ctx: RollupContext,
  root: RollupRoot,
  filters: AcrossFilters,
): Promise<{ root: OrgRecord; orgs: OrgMatches[] }> {
  const tree = await subtreeOf(ctx, root);
  if (!tree) throw new NotFoundError('error.org_unreadable');
  const entries = tree.entries.filter(
    (e) =>
      (filters.self !== false || e.depth > 0) && (filters.type === undefined || e.org.type === filters.type),
  );
  const ledgers = await ledgersOf(
    ctx,
    entries.map((e) => e.org.id),
  );
  const versions = entries.flatMap((e) => {
    const plan = ledgers.get(e.org.id)!.plan;
    return plan ? [{ orgId: e.org.id, versionId: plan.versionId }] : [];
  });
  const hits =
    filters.q === undefined
      ? null
      : await searchItemsAcross(ctx.db.kysely, ctx.db.dialect, versions, filters.q);
  const orgs = entries.map((entry) => {
    const ids = hits?.get(entry.org.id);
    const matches = rateItems(ledgers.get(entry.org.id)!, filters.asOf).filter(
      ({ entry: item, rating }) =>
        (hits === null || ids?.has(item.id) === true) &&
        (filters.status === undefined || rating.status === filters.status) &&
        (filters.key === undefined || item.item.key === filters.key),
    );
    return { entry, matches };
  });
  return { root: tree.root, orgs };
}

export const DEFAULT_SEARCH_PAGE_SIZE = 20;

export async function searchPage(
  ctx: RollupContext,
  root: RollupRoot,
  query: AcrossFilters & { page?: number | undefined; pageSize?: number | undefined },
): Promise<RollupSearchDto> {
  const { root: top, orgs } = await searchAcross(ctx, root, query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_SEARCH_PAGE_SIZE;
  const all: { org: OrgRefDto; rated: RatedItem }[] = orgs.flatMap((o) =>
    o.matches.map((rated) => ({ org: orgRef(o.entry.org), rated })),
  );
  const hits: { org: OrgRefDto; item: ItemSummary }[] = all
    .slice((page - 1) * pageSize, page * pageSize)
    .map((h) => ({ org: h.org, item: toItemSummary(h.rated) }));
  return {
    asOf: query.asOf,
    org: orgRef(top),
    total: all.length,
    page,
    pageSize,
    byOrg: orgs
      .filter((o) => o.matches.length > 0)
      .map((o) => ({ org: orgRef(o.entry.org), count: o.matches.length })),
    hits,
  };
}
