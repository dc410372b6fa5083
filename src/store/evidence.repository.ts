import type { ReportState } from '../domain/reporting/report-access.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import type { EvidenceTable } from './schema.js';
import type { WriteContext } from './write-context.js';

/**
 * Evidence rows (佐证材料): which file (by SHA-256 in the evidence store), attached to which
 * report by which unit. The bytes are not here; deleting a row leaves the blob, which other rows
 * (or reports of other periods) may share.
 */

export interface EvidenceRecord {
  id: string;
  orgId: string;
  reportId: string;
  /** The unit that attached it. */
  unitId: string;
  sha256: string;
  fileName: string;
  mime: string;
  bytes: number;
  uploadedAt: string;
  uploadedBy: string;
}

/** What the evidence rules need to know of a report. */
export interface ReportGate {
  id: string;
  itemKey: string;
  status: ReportState;
  /** The lead unit that owns the report. */
  unitId: string;
}

/**
 * `lock` (PostgreSQL): hold the row until the transaction ends, so a submit or review waits for
 * an attach or removal that checked the report was still open — and vice versa.
 */
export async function findReportGate(
  exec: Executor,
  orgId: string,
  reportId: string,
  opts: { lock?: boolean } = {},
): Promise<ReportGate | null> {
  let q = exec
    .selectFrom('reports')
    .select(['id', 'item_key', 'status', 'unit_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', reportId);
  if (opts.lock) q = q.forShare();
  const row = await q.executeTakeFirst();
  return row
    ? { id: row.id, itemKey: row.item_key, status: row.status as ReportState, unitId: row.unit_id }
    : null;
}

function fromRow(r: EvidenceTable): EvidenceRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    reportId: r.report_id,
    unitId: r.unit_id,
    sha256: r.sha256,
    fileName: r.file_name,
    mime: r.mime,
    bytes: Number(r.bytes),
    uploadedAt: r.uploaded_at,
    uploadedBy: r.uploaded_by,
  };
}

export async function findEvidence(
  exec: Executor,
  orgId: string,
  id: string,
): Promise<EvidenceRecord | null> {
  const row = await exec
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** A report's files, oldest first. */
export async function listEvidence(
  exec: Executor,
  orgId: string,
  reportId: string,
): Promise<EvidenceRecord[]> {
  const rows = await exec
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

/** The same content already attached to this report, if any. */
export async function findEvidenceByContent(
  exec: Executor,
  orgId: string,
  reportId: string,
  sha256: string,
): Promise<EvidenceRecord | null> {
  const row = await exec
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('sha256', '=', sha256)
    .orderBy('uploaded_at')
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

function auditView(e: EvidenceRecord) {
  return {
    reportId: e.reportId,
    unitId: e.unitId,
    fileName: e.fileName,
    mime: e.mime,
    bytes: e.bytes,
    sha256: e.sha256,
  };
}

export async function insertEvidence(
  exec: Executor,
  ctx: WriteContext,
  e: Omit<EvidenceRecord, 'orgId' | 'uploadedAt' | 'uploadedBy'>,
): Promise<EvidenceRecord> {
  const record: EvidenceRecord = { ...e, orgId: ctx.orgId, uploadedAt: ctx.at, uploadedBy: ctx.actor };
  await exec
    .insertInto('evidence')
    .values({
      org_id: record.orgId,
      id: record.id,
      report_id: record.reportId,
      unit_id: record.unitId,
      sha256: record.sha256,
      file_name: record.fileName,
      mime: record.mime,
      bytes: record.bytes,
      uploaded_at: record.uploadedAt,
      uploaded_by: record.uploadedBy,
    })
    .execute();
  await appendAudit(exec, ctx, [
    { action: 'create', entity: 'evidence', entityId: record.id, after: auditView(record) },
  ]);
  return record;
}

export async function deleteEvidence(exec: Executor, ctx: WriteContext, e: EvidenceRecord): Promise<void> {
  await exec.deleteFrom('evidence').where('org_id', '=', ctx.orgId).where('id', '=', e.id).execute();
  await appendAudit(exec, ctx, [
    { action: 'delete', entity: 'evidence', entityId: e.id, before: auditView(e) },
  ]);
}

/**
 * Every hash any evidence row names, in every org: blobs are shared by content across orgs, so
 * this is what keeps a blob from the sweep.
 */
export async function referencedEvidenceHashes(exec: Executor): Promise<Set<string>> {
  const rows = await exec.selectFrom('evidence').select('sha256').distinct().execute();
  return new Set(rows.map((r) => r.sha256));
}
