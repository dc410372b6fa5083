import { sql, type Migration } from 'kysely';

/**
 * The public portal (政务公开, issue 5). Same rules as 001: portable DDL, `ifNotExists`,
 * composite (org_id, …) keys, no cascades.
 *
 * - `publications`: one row per (org, period) the office has ever made public. `content` is the
 *   whitelisted public view (domain/publication PublicContent) as JSON, frozen when published:
 *   the public site reads only this column, never the live tables, so nothing the office has not
 *   published can reach it. `revision` is bumped by every publish and withdraw; the public site
 *   caches its pages under it.
 * - `publication_events`: append-only history (publish, withdraw) with the content made public
 *   by each publish, so what was public at any moment is the last event at or before it.
 * - `public_summaries`: the office's plain-language summary of an item for a period; it becomes
 *   public only when that period is (re)published.
 * - `short_links`: a short code per (org, period, item) for QR codes and sharing. `/s/:code`
 *   carries no org, so the code alone must find the row: like `orgs`, this is a registry table
 *   (a Citus reference table) keyed by the code; its other index starts with org_id.
 */

export const PUBLICATION_STATES = ['published', 'withdrawn'] as const;
export const PUBLICATION_ACTIONS = ['publish', 'withdraw'] as const;

function inList(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export const publicPortal: Migration = {
  async up(db) {
    await db.schema
      .createTable('publications')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('include_scoreboard', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addPrimaryKeyConstraint('publications_pk', ['org_id', 'period'])
      .addCheckConstraint('publications_state_check', inList('state', PUBLICATION_STATES))
      .execute();

    await db.schema
      .createTable('publication_events')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('include_scoreboard', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('content', 'text')
      .addPrimaryKeyConstraint('publication_events_pk', ['org_id', 'id'])
      .addCheckConstraint('publication_events_action_check', inList('action', PUBLICATION_ACTIONS))
      .execute();
    await db.schema
      .createIndex('publication_events_period_idx')
      .ifNotExists()
      .on('publication_events')
      .columns(['org_id', 'period', 'at'])
      .execute();

    await db.schema
      .createTable('public_summaries')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('public_summaries_pk', ['org_id', 'period', 'item_key'])
      .execute();

    await db.schema
      .createTable('short_links')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull().primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('short_links_item_uq')
      .ifNotExists()
      .unique()
      .on('short_links')
      .columns(['org_id', 'period', 'item_key'])
      .execute();
  },

  async down(db) {
    await db.schema.dropIndex('short_links_item_uq').ifExists().execute();
    await db.schema.dropTable('short_links').ifExists().execute();
    await db.schema.dropTable('public_summaries').ifExists().execute();
    await db.schema.dropIndex('publication_events_period_idx').ifExists().execute();
    await db.schema.dropTable('publication_events').ifExists().execute();
    await db.schema.dropTable('publications').ifExists().execute();
  },
};
