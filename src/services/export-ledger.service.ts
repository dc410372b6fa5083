import type { Plan } from '../domain/plan.js';
import { progressAsOf } from '../domain/reporting/latest-progress.js';
import { isPeriod, periodBounds } from '../domain/reporting/period.js';
import type { Rag } from '../domain/status/index.js';
import type { Locale } from '../i18n/index.js';
import type { ItemFilters } from '../shared/api/items.js';
import type { Db } from '../store/database.js';
import { loadPlan } from '../store/items.repository.js';
import { getVersion } from '../store/plans.repository.js';
import { listReports } from '../store/reports.repository.js';
import { writeLedgerXlsx, type LedgerRow } from '../writers/ledger-xlsx.js';
import type { LatestReport } from '../writers/ledger-progress.js';
import { rateItems, type RatedItem } from './item-summary.js';
import type { Ledger, LedgerItem } from './ledger.service.js';
import { filterItems } from './list-items.service.js';
import { localDate } from './local-date.js';

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
  const latest = await latestReports(db, ledger, rated, asOf);
  const bytes = await writeLedgerXlsx(
    {
      title,
      year: ledger.plan?.year ?? null,
      asOf,
      columns: version?.columns ?? null,
      rows: rated.map((r): LedgerRow => ({
        item: r.entry.item,
        rating: r.rating,
        latest: latest.get(r.entry.itemKey) ?? null,
        actuals: actualsOf(r.entry, asOf),
      })),
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
 * Each target's actual as approved reports known on asOf give it (what the status engine
 * compared), in the target's base unit; undefined when the item has no approved report.
 */
function actualsOf(entry: LedgerItem, asOf: string): (number | null)[] | undefined {
  if (entry.reports.length === 0) return undefined;
  const progress = progressAsOf(entry.reports, entry.item, asOf);
  return entry.item.targets.map((_, i) => {
    const p = progress.targets?.[i];
    const known = p && (!p.reportedOn || p.reportedOn <= asOf);
    return known && p.actual !== undefined ? p.actual : null;
  });
}

/**
 * The latest approved report of each item known on asOf — approved on or before that day in the
 * org's time zone, as the ledger's reports are — by the end of its period: its narrative is what
 * the ledger does not carry. One query, and none for an org whose items have no approved report.
 */
async function latestReports(
  db: Db,
  ledger: Ledger,
  rated: readonly RatedItem[],
  asOf: string,
): Promise<Map<string, LatestReport>> {
  const out = new Map<string, LatestReport>();
  const itemKeys = rated.filter((r) => r.entry.reports.length > 0).map((r) => r.entry.itemKey);
  if (itemKeys.length === 0) return out;
  const ends = new Map<string, string>();
  for (const r of await listReports(db.kysely, ledger.orgId, { status: 'approved', itemKeys })) {
    if (!isPeriod(r.period)) continue;
    if (localDate(r.reviewedAt ?? r.updatedAt, ledger.timeZone) > asOf) continue;
    const end = periodBounds(r.period).to;
    const best = ends.get(r.itemKey);
    if (best !== undefined && best > end) continue;
    ends.set(r.itemKey, end);
    out.set(r.itemKey, { period: r.period, narrative: r.content.narrative });
  }
  return out;
}
