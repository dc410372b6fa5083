import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, type ColumnType, type Row } from '../../bench/scale/bulk-insert.js';
import { LedgerCache, loadLedger } from '../../src/services/ledger.service.js';
import type { Db } from '../../src/store/database.js';
import { searchItemIds } from '../../src/store/ledger.repository.js';
import { appliedMigrations, migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { listReportHeads } from '../../src/store/reports.repository.js';
import { ALL_TABLES, TENANT_TABLES, type Database } from '../../src/store/schema.js';
import { findUsersByUsername } from '../../src/store/users.repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { populate, rowCounts, TIME_ZONE } from './populated-database.js';

/**
 * Migrations are safe on a database that already holds data: for every earlier migration level,
 * a database built up to that level receives the rows the current app wrote (each table that
 * existed then, with the columns it had then), is migrated to the latest level, and then
 * - every row is still there with every value it had (nothing dropped, truncated, re-keyed),
 * - the app reads it as it reads the database it came from: each org's ledger (items, their
 *   approved reports), item search (text backfilled by 002 for items stored before it), sign-in
 *   look-up, the reports list.
 */

type Dump = Map<string, { columns: Map<string, ColumnType>; rows: Record<string, unknown>[] }>;

interface Expected {
  items: number;
  approved: number;
  reports: number;
  hits: string[];
  admin: string;
}

const NAMES = Object.keys(migrations);
/** A term in some items' titles and not others: search is asked something with an answer. */
const TERM = '改革';

describe.each(ENGINES)('migrating a database that holds data, on %s', (engine) => {
  let source: TestDatabase;
  let dump: Dump;
  const expected = new Map<string, Expected>();

  beforeAll(async () => {
    source = await openTestDatabase(engine);
    const seeded = await populate(source.db, { orgs: 4, items: 14, periods: 4 });
    const counts = await rowCounts(source.db);
    // The copy below is only a test of anything if the tables hold rows.
    const empty = TENANT_TABLES.filter((t) => counts[t] === 0 && !LATER_TABLES.has(t));
    expect(empty, 'tenant tables the populated database left empty').toEqual([]);
    dump = await dumpAll(source.db);
    for (const org of seeded.orgs)
      expected.set(org.id, await readBack(source.db, org.id, `${org.prefix}-admin`));
  }, 240_000);
  afterAll(async () => {
    await source?.cleanup();
  });

  it.each(NAMES.slice(0, -1).map((name, i) => [name, i + 1] as const))(
    'from %s (level %i) to the latest',
    { timeout: 240_000 },
    async (name) => {
      const t = await openTestDatabase(engine, { migrate: false });
      try {
        const migrated = await new Migrator({
          db: t.db.kysely,
          provider: { getMigrations: async () => migrations },
        }).migrateTo(name);
        if (migrated.error) throw migrated.error;
        const copied = await copyInto(t.db, dump);
        expect(copied.size, 'tables copied').toBeGreaterThan(5);

        const { applied } = await migrateToLatest(t.db.kysely);
        expect(applied).toEqual(NAMES.slice(NAMES.indexOf(name) + 1));
        expect(await appliedMigrations(t.db.kysely)).toEqual(NAMES);

        for (const [table, { columns, rows }] of copied) {
          const after = await selectColumns(t.db, table, columns);
          expect(after.length, `${table}: rows after migrating`).toBe(rows.length);
          expect(sortedJson(after), `${table}: values after migrating`).toEqual(sortedJson(rows));
        }
        for (const [orgId, all] of expected) {
          // What the app finds is what existed at that level: no accounts before 002, no reports before 003.
          const want: Expected = {
            ...all,
            ...(copied.has('users') ? {} : { admin: `not found: ${all.admin}` }),
            ...(copied.has('reports') ? {} : { approved: 0, reports: 0 }),
          };
          expect(await readBack(t.db, orgId, all.admin), `org ${orgId} as the app reads it`).toEqual(want);
        }
      } finally {
        await t.cleanup();
      }
    },
  );
});

/** Tables of migrations after 004 that the populated database may leave empty (portal, #5). */
const LATER_TABLES = new Set<string>(['publications', 'publication_events', 'public_summaries']);

async function readBack(db: Db, orgId: string, admin: string): Promise<Expected> {
  const ledger = await loadLedger(db, new LedgerCache(), orgId, TIME_ZONE);
  const versionId = ledger.plan?.versionId ?? '';
  const hits = await searchItemIds(db.kysely, db.dialect, orgId, versionId, TERM);
  const users = await findUsersByUsername(db.kysely, admin);
  return {
    items: ledger.items.length,
    approved: ledger.items.reduce((n, i) => n + i.reports.length, 0),
    reports: (await listReportHeads(db.kysely, orgId)).length,
    hits: [...hits].sort(),
    admin: users.length === 1 && users[0]!.orgId === orgId ? admin : `not found: ${admin}`,
  };
}

async function dumpAll(db: Db): Promise<Dump> {
  const out: Dump = new Map();
  for (const [table, columns] of await columnsByTable(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    out.set(table, { columns, rows });
  }
  return out;
}

/** The dump's rows into the tables that exist at this level, with the columns they have. */
async function copyInto(db: Db, dump: Dump): Promise<Dump> {
  const present = await columnsByTable(db);
  const copied: Dump = new Map();
  // ALL_TABLES lists parents before children.
  for (const table of ALL_TABLES) {
    const here = present.get(table);
    const from = dump.get(table);
    if (!here || !from) continue;
    const names = [...here.keys()].filter((c) => from.columns.has(c));
    const columns = new Map(names.map((c) => [c, here.get(c)!]));
    const rows = from.rows.map((r) => Object.fromEntries(names.map((c) => [c, r[c]])));
    const asRows: Row[] = rows.map((r) => names.map((c) => r[c] as string | number | null));
    await bulkInsert(
      db.kysely,
      db.dialect,
      table,
      names.map((c) => [c, columns.get(c)!] as const),
      asRows,
    );
    copied.set(table, { columns, rows });
  }
  return copied;
}

async function columnsByTable(db: Db): Promise<Map<keyof Database, Map<string, ColumnType>>> {
  const known = new Set<string>(ALL_TABLES);
  const out = new Map<keyof Database, Map<string, ColumnType>>();
  for (const table of await db.kysely.introspection.getTables()) {
    if (!known.has(table.name)) continue;
    out.set(
      table.name as keyof Database,
      new Map(table.columns.map((c) => [c.name, columnType(c.dataType)])),
    );
  }
  return out;
}

function columnType(dataType: string): ColumnType {
  if (/int/i.test(dataType)) return 'int';
  if (/real|float|double|numeric/i.test(dataType)) return 'float';
  return 'text';
}

async function selectColumns(
  db: Db,
  table: string,
  columns: Map<string, ColumnType>,
): Promise<Record<string, unknown>[]> {
  const refs = sql.join([...columns.keys()].map((c) => sql.ref(c)));
  const { rows } = await sql<Record<string, unknown>>`select ${refs} from ${sql.table(table)}`.execute(
    db.kysely,
  );
  return rows;
}

/** Rows as canonical JSON, sorted: the same rows in any order compare equal. */
function sortedJson(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((r) =>
      JSON.stringify(
        Object.keys(r)
          .sort()
          .map((k) => [k, r[k]]),
      ),
    )
    .sort();
}
