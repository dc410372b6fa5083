import { ConflictError, ForbiddenError } from '../domain/errors.js';
import { relationTo, reportPermissions } from '../domain/reporting/report-access.js';
import type { ReportDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { saveContribution } from '../store/report-contributions.repository.js';
import { appendReportEvent } from '../store/report-events.repository.js';
import { findReport, lockReport } from '../store/reports.repository.js';
import { reportView } from './get-report.service.js';
import type { Ledger } from './ledger.service.js';
import { actorOf, entryByKey, reportNotFound, unitsOf, type ReportCaller } from './report-support.js';

/**
 * PUT /reports/:id/contribution: a co-unit's own narrative on the lead unit's report, with its
 * own revision, so it never makes the lead unit's copy stale (and the other way round). Allowed
 * until the report is approved; not a workflow step, so the ledger revision stays.
 */
export async function contributeReport(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  id: string,
  body: { narrative: string; revision: number | null },
): Promise<ReportDto> {
  const report = await db.kysely.transaction().execute(async (trx) => {
    // Lock first: a step of the report committing meanwhile (an approval) is then seen, and the
    // event numbers stay in order.
    await lockReport(trx, caller.orgId, id);
    const found = await findReport(trx, caller.orgId, id);
    const units = unitsOf(found ? entryByKey(ledger, found.itemKey) : undefined, found?.unitId ?? null);
    const actor = actorOf(caller);
    if (!found || !reportPermissions(actor, units, found.status).read) throw reportNotFound();
    if (relationTo(actor, units) !== 'co' || caller.unitId === null) {
      throw new ForbiddenError('error.report_contribute_forbidden');
    }
    if (!reportPermissions(actor, units, found.status).contribute) {
      throw new ConflictError('error.report_closed', {}, { field: 'status' });
    }
    await saveContribution(trx, caller, {
      reportId: id,
      unitId: caller.unitId,
      narrative: body.narrative,
      expected: body.revision,
    });
    await appendReportEvent(trx, caller, { reportId: id, action: 'contribute' });
    return found;
  });
  return reportView(db.kysely, ledger, caller, report);
}
