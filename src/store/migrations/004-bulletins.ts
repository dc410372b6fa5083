import { sql, type Migration } from 'kysely';

/**
 * Period bulletins (通报, issue 8). Same rules as 001: portable DDL, `ifNotExists`, composite
 * (org_id, …) keys, no cascades.
 *
 * - `content` is the bulletin's content (domain/bulletin BulletinContent) as JSON, fixed when the
 *   bulletin is generated: the same period always gives the same bulletin, whatever the data does
 *   afterwards. Only the opening paragraph (`opening`, null: the content's default) and the
 *   layout options (red-headed block, issuer) may change, and only while it is a draft.
 * - `seq` numbers the published bulletins of a period (1, 2, … when the office publishes a
 *   corrected one); null for drafts. Unique per (org, period), so two publications cannot take
 *   the same number; NULLs do not collide, and a partial index keeps one draft per period.
 * - `docx` holds the published document as base64 text: portable across both engines (no
 *   BLOB/bytea split), and a bulletin is a few hundred KB, a dozen a year. `docx_sha256` lets a
 *   download be checked against what was published.
 */

export const BULLETIN_STATUSES = ['draft', 'published'] as const;

export const bulletins: Migration = {
  async up(db) {
    await db.schema
      .createTable('bulletins')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .addColumn('opening', 'text')
      .addColumn('red_head', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('issuer', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('docx', 'text')
      .addColumn('docx_sha256', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'text')
      .addPrimaryKeyConstraint('bulletins_pk', ['org_id', 'id'])
      .addUniqueConstraint('bulletins_period_seq_uq', ['org_id', 'period', 'seq'])
      .addCheckConstraint(
        'bulletins_status_check',
        sql`status in (${sql.join(BULLETIN_STATUSES.map((s) => sql.lit(s)))})`,
      )
      .execute();
    await db.schema
      .createIndex('bulletins_draft_uq')
      .ifNotExists()
      .unique()
      .on('bulletins')
      .columns(['org_id', 'period'])
      .where(sql.ref('status'), '=', sql.lit('draft'))
      .execute();
  },

  async down(db) {
    await db.schema.dropIndex('bulletins_draft_uq').ifExists().execute();
    await db.schema.dropTable('bulletins').ifExists().execute();
  },
};
