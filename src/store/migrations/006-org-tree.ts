import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './002-accounts-search.js';

/**
 * Organisations as a tree (issue 9). Written for databases that already hold plans, users and
 * reports: nothing is dropped, every existing row stays valid.
 *
 * - `orgs.type` gains `town` (乡镇, below a county). The check constraint cannot be altered in
 *   place on SQLite: the `orgs` table is rebuilt there by SQLite's documented procedure (foreign
 *   keys off, new table, copy, drop, rename, `foreign_key_check`, all in one transaction), which
 *   keeps every row and every foreign key pointing at `orgs`. Nothing cascades (001 has no
 *   ON DELETE CASCADE), so dropping the old table with foreign keys off deletes no child row.
 *   PostgreSQL drops and re-adds the constraint inside the migration's transaction.
 * - `orgs_parent_idx` (parent_id): the children of an org, for walking a subtree. `orgs` is the
 *   tenant registry (a Citus reference table), so its index does not start with org_id.
 * - `users.read_below` (0/1): the read-below grant — a user of a city or the province may read
 *   every org below theirs (docs/organisations.md). Admins read below whatever it says.
 *
 * Existing orgs keep `parent_id` null: a single-county deployment is a tree of one root. The CLI
 * (`org create … --parent`) and the API attach new orgs below existing ones.
 */

export const ORG_TYPES_006 = ['province', 'city', 'county', 'town'] as const;

const typeCheck = sql`type in (${sql.join(ORG_TYPES_006.map((t) => sql.lit(t)))})`;

export const orgTree: Migration = {
  async up(db) {
    if (await isPostgres(db)) {
      await sql`alter table orgs drop constraint if exists orgs_type_check`.execute(db);
      await sql`alter table orgs add constraint orgs_type_check check (${typeCheck})`.execute(db);
    } else {
      await rebuildSqliteOrgs(db);
    }

    await db.schema.createIndex('orgs_parent_idx').ifNotExists().on('orgs').columns(['parent_id']).execute();

    const users = (await db.introspection.getTables()).find((t) => t.name === 'users');
    if (!users?.columns.some((c) => c.name === 'read_below')) {
      await db.schema
        .alterTable('users')
        .addColumn('read_below', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`read_below in (0, 1)`),
        )
        .execute();
    }
  },

  async down(db) {
    await db.schema.dropIndex('orgs_parent_idx').ifExists().execute();
    await db.schema.alterTable('users').dropColumn('read_below').execute();
  },
};

/**
 * SQLite's twelve-step table change (https://sqlite.org/lang_altertable.html#otheralter) for the
 * one column constraint that changed. Skipped when the table already allows towns (a run that
 * died after the commit is safe to repeat); rolled back whole when anything fails.
 */
async function rebuildSqliteOrgs(db: Kysely<unknown>): Promise<void> {
  const current = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'orgs'`.execute(db);
  if ((current.rows[0]?.sql ?? '').includes("'town'")) return;

  // foreign_keys cannot change inside a transaction: off first, restored whatever happens.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await sql`drop table if exists orgs_006`.execute(db);
      await sql`create table orgs_006 (
          id text primary key,
          name text not null unique,
          parent_id text references orgs (id),
          type text not null,
          created_at text not null,
          constraint orgs_type_check check (${typeCheck})
        )`.execute(db);
      await sql`insert into orgs_006 (id, name, parent_id, type, created_at)
          select id, name, parent_id, type, created_at from orgs`.execute(db);
      await sql`drop table orgs`.execute(db);
      await sql`alter table orgs_006 rename to orgs`.execute(db);
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) {
        throw new Error(
          `006-org-tree: foreign keys broken after rebuilding orgs: ${JSON.stringify(broken.rows.slice(0, 5))}`,
        );
      }
      await sql`commit`.execute(db);
    } catch (e) {
      await sql`rollback`.execute(db);
      throw e;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
