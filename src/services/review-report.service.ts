import { ConflictError, ForbiddenError } from '../domain/errors.js';
import { reportPermissions } from '../domain/reporting/report-access.js';
import type { ReportDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { bumpRevision } from '../store/org-settings.repository.js';
import { appendReportEvent } from '../store/report-events.repository.js';
import { findReport, staleReport, updateReport } from '../store/reports.repository.js';
import { reportView } from './get-report.service.js';
import type { Ledger } from './ledger.service.js';
import { notifyReportStep } from './report-notifications.js';
import { actorOf, entryByKey, reportNotFound, unitsOf, type ReportCaller } from './report-support.js';

/**
 * POST /reports/:id/return and /approve: the office reviews a submitted report. A return carries
 * the office's comment back to the lead unit, which edits and resubmits; an approval makes the
 * report count in the status engine. Both notify the lead unit's reporters and bump the ledger
 * revision.
 */
export type ReviewDecision = { action: 'return'; comment: string } | { action: 'approve' };

export async function reviewReport(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  id: string,
  revision: number,
  decision: ReviewDecision,
): Promise<ReportDto> {
  const report = await db.kysely.transaction().execute(async (trx) => {
    const before = await findReport(trx, caller.orgId, id);
    const units = unitsOf(before ? entryByKey(ledger, before.itemKey) : undefined, before?.unitId ?? null);
    const actor = actorOf(caller);
    if (!before || !reportPermissions(actor, units, before.status).read) throw reportNotFound();
    if (!reportPermissions(actor, units, 'submitted').review) {
      throw new ForbiddenError('error.report_review_forbidden');
    }
    if (before.revision !== revision) throw staleReport();
    if (!reportPermissions(actor, units, before.status).review) {
      throw new ConflictError('error.report_not_submitted', {}, { field: 'status' });
    }
    const comment = decision.action === 'return' ? decision.comment.trim() : null;
    const after = await updateReport(trx, caller, before, revision, {
      status: decision.action === 'return' ? 'returned' : 'approved',
      reviewedAt: caller.at,
      reviewedBy: caller.actor,
      reviewComment: comment,
    });
    await appendReportEvent(trx, caller, { reportId: id, action: decision.action, comment });
    await notifyReportStep(
      trx,
      ledger,
      caller,
      after,
      decision.action === 'return' ? 'report_returned' : 'report_approved',
    );
    await bumpRevision(trx, caller);
    return after;
  });
  return reportView(db.kysely, ledger, caller, report);
}
