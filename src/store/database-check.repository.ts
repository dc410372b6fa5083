import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from './database.js';
import { ALL_TABLES } from './schema.js';

/**
 * The queries behind `reform-ledger db check` (and the crash and backup tests): the engine's own
 * verdict on its files and constraints, and the invariants of this application that no single
 * constraint states — the things a half-written action would leave behind.
 */

/** One problem, in catalogue terms (`check.*` keys). */
export interface CheckProblem {
  key: string;
  params: Record<string, string | number>;
}

/** Names of the migrations recorded in the database, in order; empty on an empty database. */
export async function recordedMigrations(db: Db): Promise<string[]> {
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
    return r.rows.map((row) => row.name);
  } catch {
    // No migration table: nothing was ever migrated.
    return [];
  }
}

/** Row count of every table of the schema (tables that do not exist yet are left out). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ALL_TABLES) {
    try {
      const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
        db.kysely,
      );
      out[table] = Number(r.rows[0]!.n);
    } catch {
      // An older schema (a backup from before the table's migration).
    }
  }
  return out;
}

/** SQLite: integrity_check and foreign_key_check. PostgreSQL: orphans of every foreign key, invalid constraints and indexes. */
export async function engineProblems(db: Db): Promise<CheckProblem[]> {
  return db.dialect === 'sqlite' ? sqliteProblems(db.kysely) : postgresProblems(db.kysely);
}

async function sqliteProblems(exec: Executor): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(exec);
  const lines = integrity.rows.map((r) => r.integrity_check).filter((l) => l !== 'ok');
  if (lines.length > 0)
    problems.push({ key: 'check.integrity', params: { detail: lines.slice(0, 5).join('; ') } });
  const fk = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(exec);
  const byTable = new Map<string, { parent: string; count: number }>();
  for (const r of fk.rows) {
    const k = `${r.table}→${r.parent}`;
    const e = byTable.get(k) ?? { parent: r.parent, count: 0 };
    e.count++;
    byTable.set(k, e);
  }
  for (const [k, e] of byTable) {
    problems.push({
      key: 'check.foreign_key',
      params: { table: k.split('→')[0]!, parent: e.parent, count: e.count },
    });
  }
  return problems;
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  child_cols: string[];
  parent_cols: string[];
}

async function postgresProblems(exec: Executor): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  // PostgreSQL enforces its foreign keys, but a restore with --disable-triggers, or a constraint
  // added NOT VALID, can leave rows behind that no longer satisfy them: count them directly.
  const fks = await sql<ForeignKey>`
    select c.conname as name, cl.relname as child, pcl.relname as parent,
      array_agg(ca.attname::text order by k.ord) as child_cols,
      array_agg(pa.attname::text order by k.ord) as parent_cols
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class pcl on pcl.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(child_att, parent_att, ord)
    join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.child_att
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.parent_att
    where c.contype = 'f' and n.nspname = current_schema()
    group by c.conname, cl.relname, pcl.relname
    order by c.conname`.execute(exec);
  for (const fk of fks.rows) {
    const childCols = fk.child_cols.map((col) => sql.ref(`c.${col}`));
    const notNull = sql.join(
      childCols.map((col) => sql`${col} is not null`),
      sql` and `,
    );
    const matches = sql.join(
      fk.parent_cols.map((col, i) => sql`${sql.ref(`p.${col}`)} = ${childCols[i]!}`),
      sql` and `,
    );
    const r = await sql<{ n: string }>`
      select count(*) as n from ${sql.table(fk.child)} as c
      where ${notNull}
        and not exists (select 1 from ${sql.table(fk.parent)} as p where ${matches})`.execute(exec);
    const count = Number(r.rows[0]!.n);
    if (count > 0)
      problems.push({ key: 'check.foreign_key', params: { table: fk.child, parent: fk.parent, count } });
  }
  const invalid = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and not c.convalidated`.execute(exec);
  for (const r of invalid.rows) problems.push({ key: 'check.constraint_invalid', params: { name: r.name } });
  const indexes = await sql<{ name: string }>`
    select ic.relname as name from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = ic.relnamespace
    where n.nspname = current_schema() and not (i.indisvalid and i.indisready)`.execute(exec);
  for (const r of indexes.rows) problems.push({ key: 'check.index_invalid', params: { name: r.name } });
  return problems;
}

/**
 * What a half-written action would leave and no constraint forbids: a plan version without its
 * items, a plan with no (or two) current versions, a report whose state disagrees with its last
 * workflow event, a published bulletin without its document.
 */
export async function applicationProblems(exec: Executor): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const empty = await exec
    .selectFrom('plan_versions as v')
    .select('v.id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('items as i')
            .select('i.id')
            .whereRef('i.org_id', '=', 'v.org_id')
            .whereRef('i.version_id', '=', 'v.id'),
        ),
      ),
    )
    .execute();
  for (const v of empty) problems.push({ key: 'check.version_without_items', params: { id: v.id } });

  const current = await exec
    .selectFrom('plans as p')
    .leftJoin('plan_versions as v', (j) =>
      j.onRef('v.org_id', '=', 'p.org_id').onRef('v.plan_id', '=', 'p.id').on('v.is_current', '=', 1),
    )
    .select(['p.id', (eb) => eb.fn.count<string | number>('v.id').as('n')])
    .groupBy('p.id')
    .execute();
  for (const p of current) {
    if (Number(p.n) !== 1)
      problems.push({ key: 'check.plan_current', params: { id: p.id, count: Number(p.n) } });
  }

  const reports = await exec
    .selectFrom('reports as r')
    .select([
      'r.id',
      'r.status',
      (eb) =>
        eb
          .selectFrom('report_events as e')
          .select('e.action')
          .whereRef('e.org_id', '=', 'r.org_id')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.action', 'in', ['submit', 'return', 'approve'])
          .orderBy('e.seq', 'desc')
          .limit(1)
          .as('action'),
    ])
    .execute();
  for (const r of reports) {
    const expected = r.action ? STATE_AFTER[r.action] : 'draft';
    if (r.status !== expected) {
      problems.push({
        key: 'check.report_state',
        params: { id: r.id, status: r.status, action: r.action ?? '—' },
      });
    }
  }

  const published = await exec
    .selectFrom('bulletins')
    .select(['id', 'docx', 'docx_sha256', 'seq'])
    .where('status', '=', 'published')
    .execute();
  for (const b of published) {
    const ok =
      b.docx !== null &&
      b.seq !== null &&
      createHash('sha256').update(Buffer.from(b.docx, 'base64')).digest('hex') === b.docx_sha256;
    if (!ok) problems.push({ key: 'check.bulletin_docx', params: { id: b.id } });
  }
  return problems;
}

const STATE_AFTER: Record<string, string> = { submit: 'submitted', return: 'returned', approve: 'approved' };

export interface EvidenceBlob {
  /** One evidence row that names the blob (for messages). */
  id: string;
  sha256: string;
  bytes: number;
  fileName: string;
}

/** Each distinct evidence blob the database refers to, with the size its rows give. */
export async function evidenceBlobs(exec: Executor): Promise<EvidenceBlob[]> {
  const rows = await exec
    .selectFrom('evidence')
    .select(['id', 'sha256', 'bytes', 'file_name'])
    .orderBy('sha256')
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  const out: EvidenceBlob[] = [];
  for (const r of rows) {
    if (seen.has(r.sha256)) continue;
    seen.add(r.sha256);
    out.push({ id: r.id, sha256: r.sha256, bytes: Number(r.bytes), fileName: r.file_name });
  }
  return out;
}
