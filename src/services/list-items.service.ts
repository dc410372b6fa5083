import { quarterBounds, type Rag } from '../domain/status/index.js';
import type { Db } from '../store/database.js';
import { searchItemIds } from '../store/ledger.repository.js';
import type { ItemFilters, ItemsPage } from '../shared/api/items.js';
import { memoView, type Ledger } from './ledger.service.js';
import { rateItems, toItemSummary, type RatedItem } from './item-summary.js';

/**
 * GET /items and its export: the current plan's items, filtered, sorted and paged. Statuses
 * depend on asOf, so status filters and sorts run here over the (cached, ~70-item) ledger; only
 * text search goes to the database, where search_text is indexed per engine.
 */

export const DEFAULT_PAGE_SIZE = 20;

export async function filterItems(
  db: Db,
  ledger: Ledger,
  filters: ItemFilters,
  asOf: string,
): Promise<RatedItem[]> {
  let rated: readonly RatedItem[] = rateItems(ledger, asOf);
  if (filters.q !== undefined && ledger.plan) {
    const ids = await searchItemIds(db.kysely, db.dialect, ledger.orgId, ledger.plan.versionId, filters.q);
    rated = rated.filter((r) => ids.has(r.entry.id));
  }
  const { unit, role, key, status, quarter } = filters;
  let from = filters.deadlineFrom;
  let to = filters.deadlineTo;
  if (quarter !== undefined) {
    const q = quarterBounds(quarter);
    from = from === undefined || q.from > from ? q.from : from;
    to = to === undefined || q.to < to ? q.to : to;
  }
  rated = rated.filter(({ entry, rating }) => {
    // `role` narrows `unit` (lead or co of that unit); alone it filters nothing.
    if (
      unit !== undefined &&
      !entry.units.some((u) => u.id === unit && (role === undefined || u.role === role))
    )
      return false;
    if (key !== undefined && entry.item.key !== key) return false;
    if (status !== undefined && rating.status !== status) return false;
    if (from !== undefined || to !== undefined) {
      const inRange = entry.item.milestones.some(
        (m) => (from === undefined || m.deadline >= from) && (to === undefined || m.deadline <= to),
      );
      if (!inRange) return false;
    }
    return true;
  });
  return sortItems(rated, filters.sort ?? 'number', filters.order ?? 'asc');
}

/**
 * One page, remembered per (ledger, query, asOf): a search's result cannot change while the
 * ledger stays the same either, since search text changes only with a new version or a unit
 * rename or merge, both of which make a new ledger.
 */
export async function listItems(
  db: Db,
  ledger: Ledger,
  query: ItemFilters & { page?: number | undefined; pageSize?: number | undefined },
  asOf: string,
): Promise<ItemsPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const key = `items${JSON.stringify({ ...query, asOf: undefined, page, pageSize })}`;
  return memoView(ledger, key, asOf, async () => {
    const all = await filterItems(db, ledger, query, asOf);
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize).map(toItemSummary),
      total: all.length,
      page,
      pageSize,
      asOf,
    };
  });
}

const SEVERITY: Record<Rag, number> = { red: 0, yellow: 1, green: 2, done: 3 };
const LAST = '\uffff';

function sortItems(
  rated: readonly RatedItem[],
  sort: NonNullable<ItemFilters['sort']>,
  order: 'asc' | 'desc',
) {
  const byNumber = (a: RatedItem, b: RatedItem) =>
    (a.entry.item.number ?? Infinity) - (b.entry.item.number ?? Infinity);
  const compare: Record<typeof sort, (a: RatedItem, b: RatedItem) => number> = {
    number: byNumber,
    // Items with nothing left to do sort after those with a deadline ahead, in either order.
    deadline: (a, b) => cmp(a.rating.next?.deadline ?? LAST, b.rating.next?.deadline ?? LAST),
    // Worst first when ascending: red, yellow, green, done.
    status: (a, b) => SEVERITY[a.rating.status] - SEVERITY[b.rating.status],
    title: (a, b) => a.entry.item.title.localeCompare(b.entry.item.title, 'zh-CN'),
  };
  const sign = order === 'desc' ? -1 : 1;
  // Ties keep document order (by number), whatever the direction.
  return [...rated].sort((a, b) => sign * compare[sort](a, b) || byNumber(a, b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
