import { ConflictError, ForbiddenError } from '../domain/errors.js';
import { assertValidItemReport } from '../domain/reporting/progress.js';
import { reportPermissions } from '../domain/reporting/report-access.js';
import type { ReportDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { bumpRevision } from '../store/org-settings.repository.js';
import { appendReportEvent } from '../store/report-events.repository.js';
import { findReport, staleReport, updateReport } from '../store/reports.repository.js';
import { reportView } from './get-report.service.js';
import type { Ledger } from './ledger.service.js';
import { notifyReportStep } from './report-notifications.js';
import { testPausePoint } from './test-pause-point.js';
import { actorOf, entryByKey, reportNotFound, unitsOf, type ReportCaller } from './report-support.js';

/**
 * POST /reports/:id/submit: the lead unit hands a draft (or a returned report) to the office.
 * The event keeps the content as submitted; the office is notified; the ledger revision is
 * bumped so every server's cached status views refresh.
 */
export async function submitReport(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  id: string,
  revision: number,
): Promise<ReportDto> {
  const report = await db.kysely.transaction().execute(async (trx) => {
    const before = await findReport(trx, caller.orgId, id);
    const entry = before ? entryByKey(ledger, before.itemKey) : undefined;
    const units = unitsOf(entry, before?.unitId ?? null);
    const actor = actorOf(caller);
    if (!before || !reportPermissions(actor, units, before.status).read) throw reportNotFound();
    if (!reportPermissions(actor, units, 'draft').submit) throw new ForbiddenError('error.report_forbidden');
    if (before.revision !== revision) throw staleReport();
    if (!reportPermissions(actor, units, before.status).submit) {
      throw new ConflictError('error.report_not_editable', {}, { field: 'status' });
    }
    // The item may have changed since the draft was saved (a re-import): check it again.
    if (entry) assertValidItemReport(before.content, entry.item, caller.today);
    const after = await updateReport(trx, caller, before, revision, {
      status: 'submitted',
      submittedAt: caller.at,
    });
    await appendReportEvent(trx, caller, { reportId: id, action: 'submit', content: after.content });
    await testPausePoint('report.submit-written');
    await notifyReportStep(trx, ledger, caller, after, 'report_submitted');
    await bumpRevision(trx, caller);
    return after;
  });
  return reportView(db.kysely, ledger, caller, report);
}
