import { dueDate, type Period } from '../domain/reporting/period.js';
import type { ReportDto } from '../shared/api/reports.js';
import type { Db, Executor } from '../store/database.js';
import { getOrgSettings, type OrgSettings } from '../store/org-settings.repository.js';
import { listContributions } from '../store/report-contributions.repository.js';
import { listReportEvents } from '../store/report-events.repository.js';
import { listEvidence } from '../store/evidence.repository.js';
import { findReport, findReportByItem, type ReportRecord } from '../store/reports.repository.js';
import type { Ledger } from './ledger.service.js';
import { entryByKey, permissionsOn, reportNotFound, unitRef, type ReportCaller } from './report-support.js';

/** GET /reports/:id and /reports/by-item/:itemKey/:period: one report as the caller may see it. */

export async function getReport(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  id: string,
): Promise<ReportDto> {
  return readable(db, ledger, caller, await findReport(db.kysely, caller.orgId, id));
}

export async function getReportByItem(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  itemKey: string,
  period: string,
): Promise<ReportDto> {
  return readable(db, ledger, caller, await findReportByItem(db.kysely, caller.orgId, itemKey, period));
}

async function readable(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  report: ReportRecord | null,
): Promise<ReportDto> {
  if (!report || !permissionsOn(caller, ledger, report).read) throw reportNotFound();
  return reportView(db.kysely, ledger, caller, report);
}

/** The report complete: contributions, evidence, history, and what the caller may do now. */
export async function reportView(
  exec: Executor,
  ledger: Ledger,
  caller: ReportCaller,
  report: ReportRecord,
  settings?: OrgSettings,
): Promise<ReportDto> {
  const [org, contributions, evidence, events] = await Promise.all([
    settings ?? getOrgSettings(exec, caller.orgId),
    listContributions(exec, caller.orgId, report.id),
    listEvidence(exec, caller.orgId, report.id),
    listReportEvents(exec, caller.orgId, report.id),
  ]);
  const entry = entryByKey(ledger, report.itemKey);
  const can = permissionsOn(caller, ledger, report);
  return {
    id: report.id,
    itemKey: report.itemKey,
    itemNumber: entry?.item.number ?? null,
    itemTitle: entry?.item.title ?? report.itemKey,
    period: report.period,
    dueDate: dueDate(report.period as Period, org.dueDay),
    status: report.status,
    revision: report.revision,
    unit: unitRef(ledger, report.unitId),
    content: report.content,
    contributions: contributions.map((c) => ({
      unit: unitRef(ledger, c.unitId),
      narrative: c.narrative,
      revision: c.revision,
      updatedAt: c.updatedAt,
      updatedBy: c.updatedBy,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      mime: e.mime,
      bytes: e.bytes,
      sha256: e.sha256,
      unit: unitRef(ledger, e.unitId),
      uploadedAt: e.uploadedAt,
      uploadedBy: e.uploadedBy,
    })),
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      comment: e.comment,
    })),
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    updatedBy: report.updatedBy,
    submittedAt: report.submittedAt,
    reviewedAt: report.reviewedAt,
    reviewedBy: report.reviewedBy,
    reviewComment: report.reviewComment,
    can: { edit: can.edit, submit: can.submit, review: can.review, contribute: can.contribute },
  };
}
