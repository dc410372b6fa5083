import { sql, type Migration } from 'kysely';

/**
 * The first schema: orgs, plans and their versions, items with their milestones, targets and
 * units, lint findings, and the audit log. Portable DDL only (text, integer, double precision),
 * so the same file runs on SQLite and PostgreSQL.
 *
 * - `ifNotExists` everywhere: Kysely cannot run SQLite DDL in a transaction, so a migration that
 *   died halfway must be safe to run again.
 * - Foreign keys are composite (org_id, id): a row can only point at rows of its own org, and a
 *   sharded PostgreSQL keeps both sides on the same node.
 * - No ON DELETE CASCADE: with foreign_keys=ON, rebuilding a SQLite table (the only way to alter
 *   some columns) would silently delete every child row. Without cascades the DROP fails loudly.
 *   A later migration that must rebuild a table has to do it with foreign_keys=OFF, outside a
 *   transaction, and re-check with `PRAGMA foreign_key_check`.
 */

const SOURCES = ['goals', 'measures', 'achievements'] as const;

function inList(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export const initial: Migration = {
  async up(db) {
    await db.schema
      .createTable('orgs')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('orgs_type_check', inList('type', ['county', 'city', 'province']))
      .execute();

    await db.schema
      .createTable('plans')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plans_pk', ['org_id', 'id'])
      .addUniqueConstraint('plans_org_title_uq', ['org_id', 'title'])
      .execute();

    await db.schema
      .createTable('plan_versions')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source_file', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('year', 'integer')
      .addColumn('columns', 'text')
      .addColumn('plan_source', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .addColumn('is_current', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_versions_pk', ['org_id', 'id'])
      .addUniqueConstraint('plan_versions_number_uq', ['org_id', 'plan_id', 'version'])
      .addForeignKeyConstraint('plan_versions_plan_fk', ['org_id', 'plan_id'], 'plans', ['org_id', 'id'])
      .addCheckConstraint('plan_versions_current_check', sql`is_current in (0, 1)`)
      .execute();
    // At most one current version per plan, enforced by the database, not only by the service.
    await db.schema
      .createIndex('plan_versions_current_uq')
      .ifNotExists()
      .on('plan_versions')
      .columns(['org_id', 'plan_id'])
      .unique()
      .where(sql.ref('is_current'), '=', 1)
      .execute();
    await db.schema
      .createIndex('plan_versions_sha_idx')
      .ifNotExists()
      .on('plan_versions')
      .columns(['org_id', 'sha256'])
      .execute();

    await db.schema
      .createTable('items')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('number', 'integer')
      .addColumn('number_text', 'text', (c) => c.notNull())
      .addColumn('number_inferred', 'integer', (c) => c.notNull())
      .addColumn('key', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('goals_text', 'text', (c) => c.notNull())
      .addColumn('measures', 'text', (c) => c.notNull())
      .addColumn('achievements', 'text', (c) => c.notNull())
      .addColumn('extra', 'text')
      .addColumn('section', 'text')
      .addColumn('source_row', 'text')
      .addPrimaryKeyConstraint('items_pk', ['org_id', 'id'])
      .addUniqueConstraint('items_position_uq', ['org_id', 'version_id', 'position'])
      // An item_key appears once per version; across versions it is the item's identity.
      .addUniqueConstraint('items_key_uq', ['org_id', 'version_id', 'item_key'])
      .addForeignKeyConstraint('items_plan_fk', ['org_id', 'plan_id'], 'plans', ['org_id', 'id'])
      .addForeignKeyConstraint('items_version_fk', ['org_id', 'version_id'], 'plan_versions', [
        'org_id',
        'id',
      ])
      .execute();
    await db.schema
      .createIndex('items_item_key_idx')
      .ifNotExists()
      .on('items')
      .columns(['org_id', 'item_key'])
      .execute();

    await db.schema
      .createTable('milestones')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('phrase', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('milestones_pk', ['org_id', 'id'])
      .addUniqueConstraint('milestones_position_uq', ['org_id', 'item_id', 'position'])
      .addForeignKeyConstraint('milestones_item_fk', ['org_id', 'item_id'], 'items', ['org_id', 'id'])
      .addCheckConstraint('milestones_source_check', inList('source', SOURCES))
      .execute();

    await db.schema
      .createTable('targets')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('targets_pk', ['org_id', 'id'])
      .addUniqueConstraint('targets_position_uq', ['org_id', 'item_id', 'position'])
      .addForeignKeyConstraint('targets_item_fk', ['org_id', 'item_id'], 'items', ['org_id', 'id'])
      .addCheckConstraint('targets_op_check', inList('op', ['>=', '<=', '=']))
      .addCheckConstraint('targets_source_check', inList('source', SOURCES))
      .execute();

    await db.schema
      .createTable('units')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('units_pk', ['org_id', 'id'])
      .addUniqueConstraint('units_name_uq', ['org_id', 'name'])
      .execute();

    await db.schema
      .createTable('unit_aliases')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('unit_aliases_pk', ['org_id', 'alias'])
      .addForeignKeyConstraint('unit_aliases_unit_fk', ['org_id', 'unit_id'], 'units', ['org_id', 'id'])
      .execute();

    await db.schema
      .createTable('item_units')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addPrimaryKeyConstraint('item_units_pk', ['org_id', 'item_id', 'position'])
      .addForeignKeyConstraint('item_units_item_fk', ['org_id', 'item_id'], 'items', ['org_id', 'id'])
      .addForeignKeyConstraint('item_units_unit_fk', ['org_id', 'unit_id'], 'units', ['org_id', 'id'])
      .addCheckConstraint('item_units_role_check', inList('role', ['lead', 'co']))
      .execute();
    // "Which items does this unit lead?" — the reporter's and the scoreboard's question.
    await db.schema
      .createIndex('item_units_unit_idx')
      .ifNotExists()
      .on('item_units')
      .columns(['org_id', 'unit_id', 'role'])
      .execute();

    await db.schema
      .createTable('findings')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('item_number', 'integer')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('excerpt', 'text')
      .addColumn('variant', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('params', 'text')
      .addPrimaryKeyConstraint('findings_pk', ['org_id', 'id'])
      .addUniqueConstraint('findings_position_uq', ['org_id', 'version_id', 'position'])
      .addForeignKeyConstraint('findings_version_fk', ['org_id', 'version_id'], 'plan_versions', [
        'org_id',
        'id',
      ])
      .addCheckConstraint('findings_severity_check', inList('severity', ['error', 'warning', 'info']))
      .execute();

    await db.schema
      .createTable('audit_log')
      .ifNotExists()
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addPrimaryKeyConstraint('audit_log_pk', ['org_id', 'id'])
      .execute();
    await db.schema
      .createIndex('audit_log_entity_idx')
      .ifNotExists()
      .on('audit_log')
      .columns(['org_id', 'entity', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('audit_log_at_idx')
      .ifNotExists()
      .on('audit_log')
      .columns(['org_id', 'at'])
      .execute();
  },

  async down(db) {
    // Children first: there are no cascades to do it for us.
    for (const table of [
      'audit_log',
      'findings',
      'item_units',
      'unit_aliases',
      'units',
      'targets',
      'milestones',
      'items',
      'plan_versions',
      'plans',
      'orgs',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
