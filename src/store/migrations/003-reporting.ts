import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './002-accounts-search.js';

/**
 * Progress reporting, snapshots and reminders (issue 7). Same rules as 001: portable DDL,
 * `ifNotExists`, composite (org_id, …) keys, no cascades.
 *
 * - `org_settings` gains the reporting cadence, the due day and the reminder settings (JSON).
 * - `reports`: one per item (by its stable `item_key`, so a re-import keeps them) and period.
 *   `content` is the JSON the lead unit writes (milestone/target/achievement entries, narrative);
 *   `revision` is bumped by every write and compared by every write (optimistic concurrency: a
 *   stale write is refused with 409, nobody's work is silently overwritten).
 * - `report_events`: every workflow step (save, submit, return, approve) with the content as it
 *   was submitted, so an approved submission is known even after the report is edited again.
 * - `report_contributions`: a co-unit's own text for the same report.
 * - `evidence`: files attached to a report; the bytes live in the evidence store by SHA-256.
 * - `status_snapshots`: every item's status per period, for trends and "what changed".
 * - `notifications`: in-app messages per user.
 * - `reminder_outbox` / `reminder_attempts`: each reminder is one outbox row, unique by its
 *   dedupe key (so two schedulers cannot both create it), claimed with a conditional update before
 *   it is sent (so two senders cannot both send it); every attempt is logged.
 */

function inList(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;

export const reporting: Migration = {
  async up(db) {
    const columns = await existingColumns(db, 'org_settings');
    if (!columns.has('cadence')) {
      await db.schema
        .alterTable('org_settings')
        .addColumn('cadence', 'text', (c) => c.notNull().defaultTo('monthly'))
        .execute();
    }
    if (!columns.has('due_day')) {
      await db.schema
        .alterTable('org_settings')
        .addColumn('due_day', 'integer', (c) => c.notNull().defaultTo(25))
        .execute();
    }
    if (!columns.has('reminders')) {
      await db.schema.alterTable('org_settings').addColumn('reminders', 'text').execute();
    }

    await db.schema
      .createTable('reports')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('review_comment', 'text')
      .addPrimaryKeyConstraint('reports_pk', ['org_id', 'id'])
      .addUniqueConstraint('reports_item_period_uq', ['org_id', 'item_key', 'period'])
      .addForeignKeyConstraint('reports_unit_fk', ['org_id', 'unit_id'], 'units', ['org_id', 'id'])
      .addCheckConstraint('reports_status_check', inList('status', REPORT_STATES))
      .execute();
    // The review queue ("submitted, this period") and the reporter's to-do list.
    await db.schema
      .createIndex('reports_status_idx')
      .ifNotExists()
      .on('reports')
      .columns(['org_id', 'status', 'period'])
      .execute();
    await db.schema
      .createIndex('reports_unit_idx')
      .ifNotExists()
      .on('reports')
      .columns(['org_id', 'unit_id', 'period'])
      .execute();

    await db.schema
      .createTable('report_events')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('content', 'text')
      .addPrimaryKeyConstraint('report_events_pk', ['org_id', 'id'])
      .addUniqueConstraint('report_events_seq_uq', ['org_id', 'report_id', 'seq'])
      .addForeignKeyConstraint('report_events_report_fk', ['org_id', 'report_id'], 'reports', [
        'org_id',
        'id',
      ])
      .addCheckConstraint(
        'report_events_action_check',
        inList('action', ['create', 'save', 'submit', 'return', 'approve', 'contribute']),
      )
      .execute();

    await db.schema
      .createTable('report_contributions')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_contributions_pk', ['org_id', 'report_id', 'unit_id'])
      .addForeignKeyConstraint('report_contributions_report_fk', ['org_id', 'report_id'], 'reports', [
        'org_id',
        'id',
      ])
      .addForeignKeyConstraint('report_contributions_unit_fk', ['org_id', 'unit_id'], 'units', [
        'org_id',
        'id',
      ])
      .execute();

    await db.schema
      .createTable('evidence')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('evidence_pk', ['org_id', 'id'])
      .addForeignKeyConstraint('evidence_report_fk', ['org_id', 'report_id'], 'reports', ['org_id', 'id'])
      .execute();
    await db.schema
      .createIndex('evidence_report_idx')
      .ifNotExists()
      .on('evidence')
      .columns(['org_id', 'report_id'])
      .execute();

    await db.schema
      .createTable('status_snapshots')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .addColumn('version_id', 'text')
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('status_snapshots_pk', ['org_id', 'period'])
      .execute();

    await db.schema
      .createTable('notifications')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('params', 'text')
      .addColumn('link', 'text')
      .addColumn('read_at', 'text')
      .addPrimaryKeyConstraint('notifications_pk', ['org_id', 'id'])
      .addForeignKeyConstraint('notifications_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
      .execute();
    await db.schema
      .createIndex('notifications_user_idx')
      .ifNotExists()
      .on('notifications')
      .columns(['org_id', 'user_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('reminder_outbox')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addPrimaryKeyConstraint('reminder_outbox_pk', ['org_id', 'id'])
      .addUniqueConstraint('reminder_outbox_dedupe_uq', ['org_id', 'dedupe_key'])
      .addCheckConstraint('reminder_outbox_status_check', inList('status', ['pending', 'sent', 'failed']))
      .execute();
    await db.schema
      .createIndex('reminder_outbox_due_idx')
      .ifNotExists()
      .on('reminder_outbox')
      .columns(['org_id', 'status', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('reminder_attempts')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('outbox_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('worker', 'text', (c) => c.notNull())
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addPrimaryKeyConstraint('reminder_attempts_pk', ['org_id', 'id'])
      .addForeignKeyConstraint('reminder_attempts_outbox_fk', ['org_id', 'outbox_id'], 'reminder_outbox', [
        'org_id',
        'id',
      ])
      .execute();
    await db.schema
      .createIndex('reminder_attempts_outbox_idx')
      .ifNotExists()
      .on('reminder_attempts')
      .columns(['org_id', 'outbox_id'])
      .execute();

    // The audit page filters by who did it.
    await db.schema
      .createIndex('audit_log_actor_idx')
      .ifNotExists()
      .on('audit_log')
      .columns(['org_id', 'actor', 'at'])
      .execute();
    await protectAuditLog(db);
  },

  async down(db) {
    await unprotectAuditLog(db);
    await db.schema.dropIndex('audit_log_actor_idx').ifExists().execute();
    for (const table of [
      'reminder_attempts',
      'reminder_outbox',
      'notifications',
      'status_snapshots',
      'evidence',
      'report_contributions',
      'report_events',
      'reports',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    for (const column of ['reminders', 'due_day', 'cadence']) {
      await db.schema.alterTable('org_settings').dropColumn(column).execute();
    }
  },
};

/**
 * The audit log is append-only in the database, not only by habit of the code: an app bug or an
 * SQL injection must not be able to rewrite history (change or erase who did what). Rows are
 * only inserted (appendAudit, in the transaction of the write they record); UPDATE and DELETE
 * (and TRUNCATE on PostgreSQL, which fires no row trigger) raise an error. Dropping the table
 * (a down migration, a test's throw-away database) is still possible: that is a schema change.
 */
async function protectAuditLog(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only: % refused', tg_op; end $$`.execute(db);
    await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
    return;
  }
  await sql`create trigger if not exists audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only: UPDATE refused'); end`.execute(db);
  await sql`create trigger if not exists audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only: DELETE refused'); end`.execute(db);
}

async function unprotectAuditLog(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
    await sql`drop function if exists audit_log_append_only()`.execute(db);
    return;
  }
  await sql`drop trigger if exists audit_log_no_update`.execute(db);
  await sql`drop trigger if exists audit_log_no_delete`.execute(db);
}

async function existingColumns(db: Kysely<unknown>, table: string): Promise<Set<string>> {
  const tables = await db.introspection.getTables();
  return new Set(tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? []);
}
