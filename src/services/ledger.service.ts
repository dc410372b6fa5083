import { DEFAULT_TIME_ZONE } from '../config.js';
import type { Item, UnitRef } from '../domain/plan.js';
import type { DatedReport } from '../domain/reporting/latest-progress.js';
import type { Cadence } from '../domain/reporting/period.js';
import type { Db } from '../store/database.js';
import { loadItems } from '../store/items.repository.js';
import { ledgerKey, type CurrentVersionRef } from '../store/ledger.repository.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { listUnits, type UnitRecord } from '../store/units.repository.js';
import { loadItemReports } from './item-progress.js';

/**
 * The org's current plan as the read routes see it: items with their unit ids, the unit
 * registry and the warning window. A version's items never change once written, so the loaded
 * ledger is cached under (org, version, settings revision); each request costs one small
 * query to learn that key. Writes that change how items read without a new version (unit
 * rename or merge, the warning window, every step of a report's workflow) bump the revision in
 * the database, so every server sharing the database sees them at its next request.
 *
 * Each item carries its approved reports (the accepted record, see item-progress.ts): statuses
 * as of any date come from them and the calendar, with no further query.
 */

export interface LedgerUnitRef extends UnitRef {
  id: string;
}

export interface LedgerItem {
  id: string;
  itemKey: string;
  item: Item;
  units: LedgerUnitRef[];
  lead: LedgerUnitRef | null;
  /** Approved reports, oldest first, each known from its approval day (progressAsOf's input). */
  reports: DatedReport[];
}

export interface Ledger {
  orgId: string;
  plan: CurrentVersionRef | null;
  items: LedgerItem[];
  units: UnitRecord[];
  unitById: Map<string, UnitRecord>;
  warningDays: number;
  /** The reporting calendar: monthly or quarterly, and the day of the period's last month reports are due. */
  reporting: { cadence: Cadence; dueDay: number };
  /** Where the office is: the day an instant falls on (approvals, submissions) is the day there. */
  timeZone: string;
  /**
   * Views derived from this ledger (rated items, the dashboard, a page of items), computed once
   * per view and as-of date: the ledger never changes, so neither do they. See memoView.
   */
  memo: Map<string, unknown>;
}

/** Views kept per ledger: a few dates × a few filter combinations of the list (~15 KB each). */
const MAX_VIEWS = 48;

/**
 * `compute()` once per (ledger, view, asOf), least recently used dropped past MAX_VIEWS. The
 * result is shared by every request that asks for the same: callers must not mutate it.
 */
export async function memoView<T>(
  ledger: Ledger,
  view: string,
  asOf: string,
  compute: () => T | Promise<T>,
): Promise<T> {
  const key = `${view}|${asOf}`;
  if (ledger.memo.has(key)) {
    const hit = ledger.memo.get(key) as T;
    ledger.memo.delete(key);
    ledger.memo.set(key, hit);
    return hit;
  }
  const value = await compute();
  ledger.memo.set(key, value);
  if (ledger.memo.size > MAX_VIEWS) ledger.memo.delete(ledger.memo.keys().next().value!);
  return value;
}

/** The synchronous form, for views computed from the ledger alone. */
export function memoViewSync<T>(ledger: Ledger, view: string, asOf: string, compute: () => T): T {
  const key = `${view}|${asOf}`;
  if (ledger.memo.has(key)) return ledger.memo.get(key) as T;
  const value = compute();
  ledger.memo.set(key, value);
  if (ledger.memo.size > MAX_VIEWS) ledger.memo.delete(ledger.memo.keys().next().value!);
  return value;
}

/** Orgs whose ledger is kept: a province has about a hundred. */
const MAX_ENTRIES = 128;

export class LedgerCache {
  private readonly entries = new Map<string, Ledger>();

  get(key: string): Ledger | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the oldest entry is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** A new version or revision of an org replaces its older ledger: one entry per org. */
  set(key: string, ledger: Ledger): void {
    const org = `${ledger.orgId}/`;
    for (const k of this.entries.keys()) if (k.startsWith(org)) this.entries.delete(k);
    this.entries.set(key, ledger);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

export async function loadLedger(
  db: Db,
  cache: LedgerCache,
  orgId: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Ledger> {
  const { plan, ...settings } = await ledgerKey(db.kysely, orgId);
  const key = `${orgId}/${plan?.versionId ?? '-'}/${settings.revision}/${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [stored, units, { cadence, dueDay }] = await Promise.all([
    plan ? loadItems(db.kysely, orgId, plan.versionId) : Promise.resolve([]),
    listUnits(db.kysely, orgId),
    getOrgSettings(db.kysely, orgId),
  ]);
  const reports = plan
    ? await loadItemReports(db.kysely, orgId, { versionId: plan.versionId, items: stored }, timeZone)
    : new Map<string, DatedReport[]>();
  const idByName = new Map(units.map((u) => [u.name, u.id]));
  const items = stored.map((s): LedgerItem => {
    const refs = s.item.units.map((u) => ({ ...u, id: idByName.get(u.canonical)! }));
    return {
      id: s.id,
      itemKey: s.itemKey,
      item: s.item,
      units: refs,
      lead: refs.find((u) => u.role === 'lead') ?? null,
      reports: reports.get(s.itemKey) ?? [],
    };
  });
  const ledger: Ledger = {
    orgId,
    plan,
    items,
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    warningDays: settings.warningDays,
    reporting: { cadence, dueDay },
    timeZone,
    memo: new Map(),
  };
  cache.set(key, ledger);
  return ledger;
}
