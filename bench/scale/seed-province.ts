import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentBytes } from '../../src/services/parse-document.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import { loadItems } from '../../src/store/items.repository.js';
import { getOrCreateOrg, type OrgType } from '../../src/store/orgs.repository.js';
import { listUnits } from '../../src/store/units.repository.js';
import { mixSeed } from '../prng.js';
import { generateProvince } from '../province-generator.js';
import { bulkInsert } from './bulk-insert.js';
import { COLUMNS, INSERT_ORDER, orgRows, type OrgItem, type TableName } from './org-rows.js';
import { provinceTree } from './province-tree.js';

/**
 * A generated province in a migrated, empty database: the org tree (province → cities →
 * counties), each org's own plan imported through the import use case, then its users and three
 * years of monthly reports (with workflow events, audit rows, evidence metadata) bulk-inserted
 * in one transaction per org. On PostgreSQL the tables are ANALYZEd at the end, as autovacuum
 * would do after such a load; the app never analyses SQLite, so neither does this.
 */

export interface SeedOptions {
  orgs: number;
  itemsPerPlan: number;
  /** Monthly periods of reports per item, the last being the open one containing `asOf`. */
  periods: number;
  usersPerOrg: number;
  sessionsPerOrg: number;
  asOf: string;
  seed: number;
  /** Every generated account's password. */
  password: string;
  /** Orgs loaded at once (PostgreSQL only; SQLite has one writer). */
  concurrency?: number;
}

export interface SeededOrg {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  /** Usernames are `${prefix}-admin`, `${prefix}-v1`…, `${prefix}-r1`…; the password is the seed's. */
  prefix: string;
  versionId: string;
  items: number;
}

export interface SeedOutcome {
  orgs: SeededOrg[];
  rows: Partial<Record<TableName, number>>;
  ms: { parse: number; import: number; rows: number; analyze: number; total: number };
}

export async function seedProvince(db: Db, o: SeedOptions): Promise<SeedOutcome> {
  const t0 = performance.now();
  const ms = { parse: 0, import: 0, rows: 0, analyze: 0, total: 0 };
  const plans = generateProvince({ counties: o.orgs, itemsPerPlan: o.itemsPerPlan, seed: o.seed });
  const tree = provinceTree(
    o.orgs,
    plans.map((p) => p.county),
  );
  const at = '2022-01-01T00:00:00.000Z';
  const ids: string[] = [];
  // Parents first: the tree lists the province, then the cities, then the counties.
  for (const node of tree) {
    const parentId = node.parent === null ? null : ids[node.parent]!;
    const { org } = await getOrCreateOrg(db.kysely, node.name, {
      actor: 'bench',
      at,
      type: node.type,
      parentId,
    });
    ids.push(org.id);
  }
  const passwordHash = await hashPassword(o.password);
  const now = new Date().toISOString();
  const rows: Partial<Record<TableName, number>> = {};
  const seeded: SeededOrg[] = new Array<SeededOrg>(tree.length);

  const loadOrg = async (i: number) => {
    const node = tree[i]!;
    const plan = plans[i]!;
    const p0 = performance.now();
    const parsed = await parseDocumentBytes(Buffer.from(plan.text, 'utf8'), plan.name);
    const p1 = performance.now();
    const imported = await importPlan(db, {
      plan: parsed.plan,
      org: node.name,
      file: parsed.file,
      actor: 'bench',
      now: new Date(at),
    });
    const p2 = performance.now();
    const versionId = imported.versionId!;
    const stored = await loadItems(db.kysely, ids[i]!, versionId);
    const unitIds = new Map((await listUnits(db.kysely, ids[i]!)).map((u) => [u.name, u.id]));
    const items: OrgItem[] = stored.map((s) => {
      const lead = s.item.units.find((u) => u.role === 'lead');
      return {
        itemKey: s.itemKey,
        item: s.item,
        leadUnitId: lead ? (unitIds.get(lead.canonical) ?? null) : null,
        coUnitIds: s.item.units.filter((u) => u.role === 'co').flatMap((u) => unitIds.get(u.canonical) ?? []),
      };
    });
    const prefix = `o${String(i + 1).padStart(3, '0')}`;
    const generated = orgRows({
      orgId: ids[i]!,
      prefix,
      versionId,
      items,
      unitIds: [...unitIds.values()],
      asOf: o.asOf,
      periods: o.periods,
      users: o.usersPerOrg,
      sessions: o.sessionsPerOrg,
      now,
      passwordHash,
      readBelow: node.type !== 'county',
      seed: mixSeed(o.seed, i),
    });
    await db.kysely.transaction().execute(async (trx) => {
      for (const table of INSERT_ORDER) {
        await bulkInsert(trx, db.dialect, table, COLUMNS[table], generated[table]);
        rows[table] = (rows[table] ?? 0) + generated[table].length;
      }
    });
    ms.parse += p1 - p0;
    ms.import += p2 - p1;
    ms.rows += performance.now() - p2;
    seeded[i] = {
      id: ids[i]!,
      name: node.name,
      type: node.type,
      parentId: node.parent === null ? null : ids[node.parent]!,
      prefix,
      versionId,
      items: stored.length,
    };
  };

  const lanes = db.dialect === 'postgres' ? Math.max(1, o.concurrency ?? 2) : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < tree.length) await loadOrg(next++);
    }),
  );
  if (db.dialect === 'postgres') {
    const a0 = performance.now();
    await sql`analyze`.execute(db.kysely);
    ms.analyze = performance.now() - a0;
  }
  ms.total = performance.now() - t0;
  return { orgs: seeded, rows, ms };
}

/** The seeded users' usernames, by role, for signing in. */
export function usernamesOf(org: SeededOrg): { admin: string; viewer: string; reporter: string } {
  return { admin: `${org.prefix}-admin`, viewer: `${org.prefix}-v1`, reporter: `${org.prefix}-r1` };
}
