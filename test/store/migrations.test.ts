import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateDatabase } from '../../src/services/migrate-database.service.js';
import { appliedMigrations } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { ALL_TABLES, TENANT_TABLES } from '../../src/store/schema.js';
import type { Db } from '../../src/store/database.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine, { migrate: false });
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('applies every migration once; a second run does nothing', async () => {
    const first = await migrateDatabase(t.db);
    expect(first.applied).toEqual(Object.keys(migrations));
    const second = await migrateDatabase(t.db);
    expect(second.applied).toEqual([]);
    expect(await appliedMigrations(t.db.kysely)).toEqual(Object.keys(migrations));
    expect((await tables(t.db)).sort()).toEqual([...ALL_TABLES].sort());
  });

  it('gives every tenant table an org_id and starts every index with it', async () => {
    await migrateDatabase(t.db);
    for (const table of TENANT_TABLES) {
      const columns = await columnsOf(t.db, table);
      expect(columns, table).toContain('org_id');
      const indexes = await indexesOf(t.db, table);
      expect(indexes.length, `${table} has indexes`).toBeGreaterThan(0);
      for (const idx of indexes) expect(idx.first, `${table}.${idx.name}`).toBe('org_id');
    }
  });
});

describe('SQLite connection settings', () => {
  let t: TestDatabase;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('turns on WAL, foreign keys and a busy timeout', async () => {
    t = await openTestDatabase('sqlite', { migrate: false });
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.db.kysely);
    const wal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.db.kysely);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(t.db.kysely);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    expect(wal.rows[0]!.journal_mode).toBe('wal');
    expect(busy.rows[0]!.timeout).toBeGreaterThan(0);
  });
});

async function tables(db: Db): Promise<string[]> {
  const all = await db.kysely.introspection.getTables();
  return all.map((tb) => tb.name).filter((n) => !n.startsWith('kysely_'));
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const all = await db.kysely.introspection.getTables();
  return all.find((tb) => tb.name === table)?.columns.map((c) => c.name) ?? [];
}

/** Every index on a table (including those behind primary keys and unique constraints) with its first column. */
async function indexesOf(db: Db, table: string): Promise<{ name: string; first: string }[]> {
  if (db.dialect === 'sqlite') {
    const list = await sql<{ name: string }>`select name from pragma_index_list(${table})`.execute(db.kysely);
    const out: { name: string; first: string }[] = [];
    for (const { name } of list.rows) {
      const cols = await sql<{
        name: string;
      }>`select name from pragma_index_info(${name}) order by seqno`.execute(db.kysely);
      out.push({ name, first: cols.rows[0]!.name });
    }
    return out;
  }
  const r = await sql<{ name: string; first: string }>`
    select i.relname as name, a.attname as first
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
    where n.nspname = current_schema() and t.relname = ${table}`.execute(db.kysely);
  return r.rows;
}
