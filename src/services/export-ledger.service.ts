import type { Plan } from '../domain/plan.js';
import type { Rag } from '../domain/status/index.js';
import type { Locale } from '../i18n/index.js';
import type { ItemFilters } from '../shared/api/items.js';
import type { Db } from '../store/database.js';
import { loadPlan } from '../store/items.repository.js';
import { getVersion } from '../store/plans.repository.js';
import { writeLedgerXlsx, type LedgerRow } from '../writers/ledger-xlsx.js';
import type { LatestReport } from '../writers/ledger-progress.js';
import { rateItems, type RatedItem } from './item-summary.js';
import type { Ledger, LedgerItem } from './ledger.service.js';
import { filterItems } from './list-items.service.js';

/**
 * The ledger workbook (台账) of the org's current plan as of a date: GET /api/ledger.xlsx and
 * `reform-ledger export`. The list's filters choose the items; the ledger keeps the plan's
 * order whatever the list is sorted by, so that sections stay together and the file imports as
 * the plan it came from.
 */

export interface LedgerFile {
  bytes: Uint8Array;
  title: string;
  items: number;
}

export async function exportLedgerXlsx(
  db: Db,
  ledger: Ledger,
  filters: ItemFilters,
  asOf: string,
  locale: Locale,
): Promise<LedgerFile> {
  const rated = await inPlanOrder(db, ledger, filters, asOf);
  const version = ledger.plan ? await getVersion(db.kysely, ledger.orgId, ledger.plan.versionId) : null;
  const title = ledger.plan?.title ?? '';
  const bytes = await writeLedgerXlsx(
    {
      title,
      year: ledger.plan?.year ?? null,
      asOf,
      columns: version?.columns ?? null,
      rows: rated.map((r): LedgerRow => ({ item: r.entry.item, rating: r.rating, ...reported(r.entry) })),
    },
    locale,
  );
  return { bytes, title, items: rated.length };
}

/** The JSON form: the plan exactly as `reform-ledger parse` gives it, and each item's status. */
export interface LedgerJson {
  asOf: string;
  plan: Plan;
  statuses: {
    number: number | null;
    itemKey: string;
    status: Rag;
    next: { deadline: string; text: string; status: Rag } | null;
    milestones: Rag[];
    targets: Rag[];
    achievements: Rag[];
  }[];
}

export async function exportLedgerJson(db: Db, ledger: Ledger, asOf: string): Promise<LedgerJson> {
  const plan = ledger.plan ? await loadPlan(db.kysely, ledger.orgId, ledger.plan.versionId) : null;
  return {
    asOf,
    plan: plan ?? { title: '', year: null, items: [], findings: [] },
    statuses: rateItems(ledger, asOf).map(({ entry, rating }) => ({
      number: entry.item.number,
      itemKey: entry.itemKey,
      status: rating.status,
      next: rating.next,
      milestones: rating.milestones.map((s) => s.status),
      targets: rating.targets.map((s) => s.status),
      achievements: rating.achievements.map((s) => s.status),
    })),
  };
}

/** The filtered items, in the plan's order (the ledger's items are in it). */
async function inPlanOrder(
  db: Db,
  ledger: Ledger,
  filters: ItemFilters,
  asOf: string,
): Promise<readonly RatedItem[]> {
  const all = rateItems(ledger, asOf);
  const { sort: _sort, order: _order, asOf: _asOf, ...narrowing } = filters;
  if (Object.values(narrowing).every((v) => v === undefined)) return all;
  const kept = new Set((await filterItems(db, ledger, filters, asOf)).map((r) => r.entry.id));
  return all.filter((r) => kept.has(r.entry.id));
}

/**
 * What approved reports say of the item, for the latest-report and actuals columns. The ledger
 * does not carry reports yet (issue 7 adds them): until it does, both columns stay empty.
 */
function reported(_entry: LedgerItem): { latest?: LatestReport | null; actuals?: (number | null)[] } {
  return {};
}
