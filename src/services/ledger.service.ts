import type { Item, UnitRef } from '../domain/plan.js';
import type { Db } from '../store/database.js';
import { loadItems } from '../store/items.repository.js';
import { latestCurrentVersion, type CurrentVersionRef } from '../store/ledger.repository.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { listUnits, type UnitRecord } from '../store/units.repository.js';

/**
 * The org's current plan as the read routes see it: items with their unit ids, the unit
 * registry and the warning window. A version's items never change once written, so the loaded
 * ledger is cached under (org, version, settings revision); each request costs two small
 * queries to learn that key. Writes that change how items read without a new version (unit
 * rename or merge, the warning window) bump the revision in the database, so every server
 * sharing the database sees them at its next request.
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
}

export interface Ledger {
  orgId: string;
  plan: CurrentVersionRef | null;
  items: LedgerItem[];
  units: UnitRecord[];
  unitById: Map<string, UnitRecord>;
  warningDays: number;
}

const MAX_ENTRIES = 256;

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

  set(key: string, ledger: Ledger): void {
    this.entries.set(key, ledger);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

export async function loadLedger(db: Db, cache: LedgerCache, orgId: string): Promise<Ledger> {
  const [plan, settings] = await Promise.all([
    latestCurrentVersion(db.kysely, orgId),
    getOrgSettings(db.kysely, orgId),
  ]);
  const key = `${orgId}/${plan?.versionId ?? '-'}/${settings.revision}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [stored, units] = await Promise.all([
    plan ? loadItems(db.kysely, orgId, plan.versionId) : Promise.resolve([]),
    listUnits(db.kysely, orgId),
  ]);
  const idByName = new Map(units.map((u) => [u.name, u.id]));
  const items = stored.map((s): LedgerItem => {
    const refs = s.item.units.map((u) => ({ ...u, id: idByName.get(u.canonical)! }));
    return { id: s.id, itemKey: s.itemKey, item: s.item, units: refs, lead: refs.find((u) => u.role === 'lead') ?? null };
  });
  const ledger: Ledger = {
    orgId,
    plan,
    items,
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    warningDays: settings.warningDays,
  };
  cache.set(key, ledger);
  return ledger;
}
