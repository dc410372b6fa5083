import { randomUUID } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ConflictError } from '../domain/errors.js';
import type { ReportContent, ReportStatus } from '../shared/api/reports.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import { isUniqueViolation } from './db-errors.js';
import type { Database, ReportsTable } from './schema.js';
import type { WriteContext } from './write-context.js';

/**
 * Progress reports, one per item (by its stable key) and period. Every update names the revision
 * it was made against and is a conditional UPDATE on it: of two writers holding the same
 * revision exactly one changes the row, the other is told its copy is stale (409) — on SQLite
 * because writes are serialised, on PostgreSQL because the second UPDATE waits for the first's
 * row lock and then no longer matches.
 */

export interface ReportRecord {
  id: string;
  orgId: string;
  itemKey: string;
  period: string;
  status: ReportStatus;
  revision: number;
  versionId: string;
  unitId: string;
  content: ReportContent;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
}

/** A report without its content: what lists need. */
export type ReportHead = Omit<ReportRecord, 'content'>;

export interface NewReport {
  itemKey: string;
  period: string;
  versionId: string;
  unitId: string;
  content: ReportContent;
}

export type ReportChange = Partial<
  Pick<
    ReportRecord,
    | 'status'
    | 'content'
    | 'versionId'
    | 'unitId'
    | 'submittedAt'
    | 'reviewedAt'
    | 'reviewedBy'
    | 'reviewComment'
  >
>;

export interface ReportFilter {
  status?: ReportStatus | readonly ReportStatus[];
  period?: string;
  unitId?: string;
  itemKey?: string;
  itemKeys?: readonly string[];
}

export function staleReport(): ConflictError {
  return new ConflictError('error.report_stale', {}, { field: 'revision' });
}

export async function findReport(exec: Executor, orgId: string, id: string): Promise<ReportRecord | null> {
  const row = await exec
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

export async function findReportByItem(
  exec: Executor,
  orgId: string,
  itemKey: string,
  period: string,
): Promise<ReportRecord | null> {
  const row = await exec
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('item_key', '=', itemKey)
    .where('period', '=', period)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

const HEAD_COLUMNS = [
  'org_id',
  'id',
  'item_key',
  'period',
  'status',
  'revision',
  'version_id',
  'unit_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'submitted_at',
  'reviewed_at',
  'reviewed_by',
  'review_comment',
] as const;

/** Reports matching the filter, without content, by period then item key. */
export async function listReportHeads(
  exec: Executor,
  orgId: string,
  filter: ReportFilter = {},
): Promise<ReportHead[]> {
  const rows = await exec
    .selectFrom('reports')
    .select(HEAD_COLUMNS)
    .where(matching(orgId, filter))
    .orderBy('period')
    .orderBy('item_key')
    .execute();
  return rows.map(toHead);
}

/** Reports matching the filter with their content (approved reports for the status engine). */
export async function listReports(
  exec: Executor,
  orgId: string,
  filter: ReportFilter = {},
): Promise<ReportRecord[]> {
  const rows = await exec
    .selectFrom('reports')
    .selectAll()
    .where(matching(orgId, filter))
    .orderBy('period')
    .orderBy('item_key')
    .execute();
  return rows.map(toReport);
}

function matching(orgId: string, f: ReportFilter) {
  return (eb: ExpressionBuilder<Database, 'reports'>) => {
    const all: Expression<SqlBool>[] = [eb('org_id', '=', orgId)];
    if (f.status !== undefined) {
      all.push(typeof f.status === 'string' ? eb('status', '=', f.status) : eb('status', 'in', f.status));
    }
    if (f.period !== undefined) all.push(eb('period', '=', f.period));
    if (f.unitId !== undefined) all.push(eb('unit_id', '=', f.unitId));
    if (f.itemKey !== undefined) all.push(eb('item_key', '=', f.itemKey));
    if (f.itemKeys !== undefined) {
      // An empty IN list is not valid SQL everywhere: it matches nothing.
      all.push(f.itemKeys.length === 0 ? sql<SqlBool>`1 = 0` : eb('item_key', 'in', f.itemKeys));
    }
    return eb.and(all);
  };
}

/** Creates the report (revision 1, draft); one for the same item and period already there → 409. */
export async function insertReport(exec: Executor, ctx: WriteContext, r: NewReport): Promise<ReportRecord> {
  const record: ReportRecord = {
    id: randomUUID(),
    orgId: ctx.orgId,
    itemKey: r.itemKey,
    period: r.period,
    status: 'draft',
    revision: 1,
    versionId: r.versionId,
    unitId: r.unitId,
    content: r.content,
    createdAt: ctx.at,
    createdBy: ctx.actor,
    updatedAt: ctx.at,
    updatedBy: ctx.actor,
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
  };
  try {
    await exec.insertInto('reports').values(toRow(record)).execute();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ConflictError(
        'error.report_exists',
        { itemKey: r.itemKey, period: r.period },
        { field: 'revision' },
      );
    }
    throw e;
  }
  await appendAudit(exec, ctx, [
    { action: 'create', entity: 'report', entityId: record.id, after: auditView(record) },
  ]);
  return record;
}

/**
 * Applies `change` if the stored revision is still `expected`, bumping it; otherwise 409
 * error.report_stale and nothing is written.
 */
export async function updateReport(
  exec: Executor,
  ctx: WriteContext,
  before: ReportRecord,
  expected: number,
  change: ReportChange,
): Promise<ReportRecord> {
  const after: ReportRecord = {
    ...before,
    ...change,
    revision: expected + 1,
    updatedAt: ctx.at,
    updatedBy: ctx.actor,
  };
  const {
    org_id: _o,
    id: _i,
    created_at: _c,
    created_by: _b,
    item_key: _k,
    period: _p,
    ...set
  } = toRow(after);
  const result = await exec
    .updateTable('reports')
    .set(set)
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', before.id)
    .where('revision', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw staleReport();
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'report',
      entityId: before.id,
      before: changedView(before, change, before.revision),
      after: changedView(after, change, after.revision),
    },
  ]);
  return after;
}

/**
 * Takes the report's row lock (PostgreSQL) without changing it, so writes that touch only the
 * report's side tables (contributions, events) queue behind a concurrent update of the report.
 */
export async function lockReport(exec: Executor, orgId: string, id: string): Promise<void> {
  await exec
    .updateTable('reports')
    .set((eb) => ({ revision: eb.ref('revision') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The audit log keeps what changed, not the whole row. */
function changedView(r: ReportRecord, change: ReportChange, revision: number): Record<string, unknown> {
  const out: Record<string, unknown> = { revision };
  for (const k of Object.keys(change) as (keyof ReportChange)[]) out[k] = r[k];
  return out;
}

function auditView(r: ReportRecord): Record<string, unknown> {
  return {
    itemKey: r.itemKey,
    period: r.period,
    status: r.status,
    revision: r.revision,
    unitId: r.unitId,
    versionId: r.versionId,
    content: r.content,
  };
}

function toRow(r: ReportRecord): ReportsTable {
  return {
    org_id: r.orgId,
    id: r.id,
    item_key: r.itemKey,
    period: r.period,
    status: r.status,
    revision: r.revision,
    version_id: r.versionId,
    unit_id: r.unitId,
    content: JSON.stringify(r.content),
    created_at: r.createdAt,
    created_by: r.createdBy,
    updated_at: r.updatedAt,
    updated_by: r.updatedBy,
    submitted_at: r.submittedAt,
    reviewed_at: r.reviewedAt,
    reviewed_by: r.reviewedBy,
    review_comment: r.reviewComment,
  };
}

function toHead(r: Omit<ReportsTable, 'content'>): ReportHead {
  return {
    id: r.id,
    orgId: r.org_id,
    itemKey: r.item_key,
    period: r.period,
    status: r.status as ReportStatus,
    revision: Number(r.revision),
    versionId: r.version_id,
    unitId: r.unit_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    reviewComment: r.review_comment,
  };
}

function toReport(r: ReportsTable): ReportRecord {
  return { ...toHead(r), content: JSON.parse(r.content) as ReportContent };
}
