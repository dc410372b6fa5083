import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentFile } from '../../src/services/parse-document.service.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { findUnit } from '../../src/store/units.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { countRows, ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * Migration 006-org-tree on a database that already holds a county's data (issue 9): a plan, users,
 * reports and sessions written under 005, then 006 applied. Nothing is lost or changed, every
 * foreign key still holds, towns are now allowed (SQLite rebuilt `orgs` for it), unknown types are
 * still refused, and every existing user starts without the read-below grant.
 */

const AT = '2022-06-30T02:00:00.000Z';

describe.each(ENGINES)('migration 006-org-tree with data on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine, { migrate: false });
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('keeps every row of a county holding a plan, users and reports, and allows towns', async () => {
    const migrator = new Migrator({ db: t.db.kysely, provider: { getMigrations: async () => migrations } });
    const to005 = await migrator.migrateTo('005-public-portal');
    expect(to005.error).toBeUndefined();

    const { plan, file } = await parseDocumentFile('data-seed/sanmen-2022.txt');
    const { orgId } = await importPlan(t.db, { plan, org: '三门县', file, actor: 'test', now: new Date(AT) });
    const unit = (await findUnit(t.db.kysely, orgId!, '县农业农村局'))!;
    const ctx = { orgId: orgId!, actor: 'test', at: AT };
    const user = await insertUser(t.db.kysely, ctx, {
      id: randomUUID(),
      username: 'nongyeju',
      displayName: '农业农村局',
      role: 'reporter',
      unitId: unit.id,
      passwordHash: 'scrypt$x',
      disabled: false,
    });
    await t.db.kysely
      .insertInto('sessions')
      .values({
        org_id: orgId!,
        id: randomUUID(),
        user_id: user.id,
        csrf_token: 'x',
        created_at: AT,
        expires_at: AT,
        last_seen_at: AT,
      })
      .execute();
    const item = await currentItem(t.db, orgId!, 1);
    await insertReport(t.db, orgId!, {
      item,
      period: '2022-05',
      unitId: unit.id,
      content: content(item, { narrative: '进展顺利' }),
      steps: [
        ['submit', '2022-06-01T02:00:00.000Z'],
        ['approve', '2022-06-02T02:00:00.000Z'],
      ],
    });
    const before = await countRows(t.db);
    const orgsBefore = await t.db.kysely.selectFrom('orgs').selectAll().orderBy('id').execute();

    const { applied } = await migrateToLatest(t.db.kysely);
    expect(applied).toContain('006-org-tree');

    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.kysely.selectFrom('orgs').selectAll().orderBy('id').execute()).toEqual(orgsBefore);
    if (engine === 'sqlite') {
      const broken = await sql`pragma foreign_key_check`.execute(t.db.kysely);
      expect(broken.rows).toEqual([]);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.db.kysely);
      expect(fk.rows[0]!.foreign_keys).toBe(1);
    }
    const grants = await t.db.kysely.selectFrom('users').select('read_below').execute();
    expect(grants.map((g) => Number(g.read_below))).toEqual([0]);

    // Towns are allowed now, below the county; other types are still refused; references hold.
    await t.db.kysely
      .insertInto('orgs')
      .values({ id: randomUUID(), name: '海润街道', type: 'town', parent_id: orgId!, created_at: AT })
      .execute();
    await expect(
      t.db.kysely
        .insertInto('orgs')
        .values({ id: randomUUID(), name: '某村', type: 'village', parent_id: orgId!, created_at: AT })
        .execute(),
    ).rejects.toThrow(/check|constraint/i);
    await expect(
      t.db.kysely
        .insertInto('orgs')
        .values({ id: randomUUID(), name: '无主镇', type: 'town', parent_id: randomUUID(), created_at: AT })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await expect(
      t.db.kysely
        .insertInto('plans')
        .values({ org_id: randomUUID(), id: randomUUID(), title: 'x', created_at: AT })
        .execute(),
    ).rejects.toThrow(/foreign key/i);

    // A second run is a no-op (the SQLite rebuild is skipped once towns are allowed).
    expect((await migrateToLatest(t.db.kysely)).applied).toEqual([]);
  });
});
