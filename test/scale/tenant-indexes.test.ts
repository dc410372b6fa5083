import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_TABLES } from '../../src/store/schema.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { firstKeyOfDefinition, indexesOf, primaryKeyOf } from './index-catalog.js';

/**
 * "Every query served by an index that starts with org_id" begins with the schema: read back
 * from each engine's catalog, every primary key, unique constraint and index of every tenant
 * table leads with org_id, so a tenant's rows sit together in every index and a distributed
 * PostgreSQL (Citus, docs/scaling.md) can shard every table on org_id. `orgs` is the tenant
 * registry itself and not a tenant table.
 */

describe.each(ENGINES)('tenant indexes on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('every tenant table has a primary key that starts with org_id', async () => {
    for (const table of TENANT_TABLES) {
      const pk = await primaryKeyOf(t.db, table);
      expect(pk.length, `${table} has a primary key`).toBeGreaterThan(0);
      expect(pk[0], `${table} primary key (${pk.join(', ')})`).toBe('org_id');
    }
  });

  it('every index and unique constraint of a tenant table starts with org_id', async () => {
    const offenders: string[] = [];
    let seen = 0;
    for (const table of TENANT_TABLES) {
      const indexes = await indexesOf(t.db, table);
      expect(
        indexes.some((i) => i.kind === 'primary'),
        `${table}: the catalog lists its primary key`,
      ).toBe(true);
      for (const i of indexes) {
        seen++;
        if (i.first !== 'org_id') offenders.push(`${table}.${i.name}: ${i.definition}`);
      }
    }
    expect(offenders).toEqual([]);
    // The tenant tables hold dozens of indexes: a catalog query that found none would pass above.
    expect(seen).toBeGreaterThan(TENANT_TABLES.length * 2);
  });

  it('would catch an index that does not start with org_id, or starts with an expression', async () => {
    await sql`create index scale_probe_period_idx on reports (period, org_id)`.execute(t.db.kysely);
    await sql`create index scale_probe_expr_idx on reports (lower(org_id), period)`.execute(t.db.kysely);
    try {
      const found = new Map((await indexesOf(t.db, 'reports')).map((i) => [i.name, i.first]));
      expect(found.get('scale_probe_period_idx')).toBe('period');
      expect(found.get('scale_probe_expr_idx')).toBeNull();
      expect(found.get('reports_status_idx')).toBe('org_id');
    } finally {
      await sql`drop index scale_probe_period_idx`.execute(t.db.kysely);
      await sql`drop index scale_probe_expr_idx`.execute(t.db.kysely);
    }
  });
});

describe('reading an index definition from pg_indexes', () => {
  it('finds the first key column, whatever follows it', () => {
    const def = (keys: string) => `CREATE INDEX x ON public.items USING btree (${keys})`;
    expect(firstKeyOfDefinition(def('org_id, version_id'))).toBe('org_id');
    expect(firstKeyOfDefinition(def('org_id DESC NULLS LAST'))).toBe('org_id');
    expect(firstKeyOfDefinition(def('"org_id", period'))).toBe('org_id');
    expect(
      firstKeyOfDefinition('CREATE INDEX t ON public.items USING gin (org_id, search_text gin_trgm_ops)'),
    ).toBe('org_id');
    expect(
      firstKeyOfDefinition(
        'CREATE UNIQUE INDEX d ON public.bulletins USING btree (org_id, period) WHERE (x IS NULL)',
      ),
    ).toBe('org_id');
    expect(firstKeyOfDefinition(def('version_id, org_id'))).toBe('version_id');
    expect(firstKeyOfDefinition(def('lower(org_id)'))).toBeNull();
    expect(firstKeyOfDefinition(def('(org_id || period)'))).toBeNull();
  });
});
