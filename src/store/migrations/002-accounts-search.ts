import { sql, type Kysely, type Migration } from 'kysely';
import { searchTextOf } from '../search-text.js';

/**
 * Accounts and search for the HTTP server (issue 3):
 *
 * - `users` and `sessions`: sessions live in the database (the id is the SHA-256 of the cookie's
 *   token, so a leaked table grants nothing) so that several app servers can share them.
 *   Usernames are unique per org by index; the service keeps them unique across orgs, because
 *   the login form asks for no org (an index on username alone would not start with org_id).
 * - `org_settings`: the warning window, and a revision the read cache keys on (bumped by writes
 *   that change what items look like without a new plan version: unit rename and merge).
 * - `import_previews`: an uploaded, parsed plan waiting for the admin's confirmation, kept in the
 *   database (not in one server's memory) so any server can confirm it.
 * - `items.search_text`: title, measures, goals, achievements and unit names (NFKC), searched
 *   with LIKE '%…%'. PostgreSQL gets a GIN trigram index (pg_trgm; btree_gin lets org_id lead
 *   it): it serves terms of three or more characters. One- and two-character terms (青蟹) have
 *   no trigram; they are served by the (org_id, version_id) index that bounds every item query
 *   to one plan version's rows, then filtered.
 *
 * Same rules as 001: portable DDL, `ifNotExists`, composite (org_id, …) keys, no cascades.
 */

export const accountsSearch: Migration = {
  async up(db) {
    await db.schema
      .createTable('users')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('users_pk', ['org_id', 'id'])
      .addUniqueConstraint('users_username_uq', ['org_id', 'username'])
      .addForeignKeyConstraint('users_unit_fk', ['org_id', 'unit_id'], 'units', ['org_id', 'id'])
      .addCheckConstraint('users_role_check', sql`role in ('admin', 'reporter', 'viewer')`)
      // A reporter writes for one unit; without it the role means nothing.
      .addCheckConstraint('users_reporter_unit_check', sql`role <> 'reporter' or unit_id is not null`)
      .addCheckConstraint('users_disabled_check', sql`disabled in (0, 1)`)
      .execute();

    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sessions_pk', ['org_id', 'id'])
      .addForeignKeyConstraint('sessions_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
      .execute();
    // "End every session of this user" (password change, disable, delete).
    await db.schema
      .createIndex('sessions_user_idx')
      .ifNotExists()
      .on('sessions')
      .columns(['org_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('sessions_expires_idx')
      .ifNotExists()
      .on('sessions')
      .columns(['org_id', 'expires_at'])
      .execute();

    await db.schema
      .createTable('org_settings')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().primaryKey().references('orgs.id'))
      .addColumn('warning_days', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('import_previews')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_previews_pk', ['org_id', 'id'])
      .execute();
    await db.schema
      .createIndex('import_previews_expires_idx')
      .ifNotExists()
      .on('import_previews')
      .columns(['org_id', 'expires_at'])
      .execute();

    const items = await db.introspection.getTables();
    const hasColumn = items.find((t) => t.name === 'items')?.columns.some((c) => c.name === 'search_text');
    if (!hasColumn) {
      await db.schema
        .alterTable('items')
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    }
    await backfillSearchText(db);
    if (await isPostgres(db)) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create extension if not exists btree_gin`.execute(db);
      await sql`create index if not exists items_search_trgm_idx on items using gin (org_id, search_text gin_trgm_ops)`.execute(
        db,
      );
    }
  },

  async down(db) {
    if (await isPostgres(db)) await sql`drop index if exists items_search_trgm_idx`.execute(db);
    for (const table of ['import_previews', 'org_settings', 'sessions', 'users']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    await db.schema.alterTable('items').dropColumn('search_text').execute();
  },
};

/**
 * Probed with version(), which SQLite lacks: a failing probe on PostgreSQL would abort the
 * migration's transaction, while SQLite runs its DDL outside one.
 */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  const r = await sql<{ v: string }>`select version() as v`.execute(db).catch(() => null);
  return r !== null && /postgres/i.test(r.rows[0]?.v ?? '');
}

/** Items stored before this migration get their search text from their rows. */
async function backfillSearchText(db: Kysely<unknown>): Promise<void> {
  type Row = {
    org_id: string;
    id: string;
    title: string;
    goals_text: string;
    measures: string;
    achievements: string;
  };
  const rows = (
    await sql<Row>`select org_id, id, title, goals_text, measures, achievements from items where search_text = ''`.execute(
      db,
    )
  ).rows;
  if (rows.length === 0) return;
  const names = (
    await sql<{ org_id: string; item_id: string; name: string; canonical: string }>`
      select iu.org_id, iu.item_id, iu.name, u.name as canonical
      from item_units iu join units u on u.org_id = iu.org_id and u.id = iu.unit_id`.execute(db)
  ).rows;
  const unitsOf = new Map<string, string[]>();
  for (const n of names) {
    const k = `${n.org_id}/${n.item_id}`;
    unitsOf.set(k, [...(unitsOf.get(k) ?? []), n.name, n.canonical]);
  }
  for (const r of rows) {
    const text = searchTextOf({
      title: r.title,
      goalsText: r.goals_text,
      measures: JSON.parse(r.measures) as string[],
      achievements: JSON.parse(r.achievements) as string[],
      unitNames: unitsOf.get(`${r.org_id}/${r.id}`) ?? [],
    });
    await sql`update items set search_text = ${text} where org_id = ${r.org_id} and id = ${r.id}`.execute(db);
  }
}
