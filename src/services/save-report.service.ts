import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { cadenceOf, comparePeriods, periodOf, type Period } from '../domain/reporting/period.js';
import { assertValidItemReport } from '../domain/reporting/progress.js';
import { reportPermissions } from '../domain/reporting/report-access.js';
import type { ReportDto, SaveReportBody } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { getOrgSettings, type OrgSettings } from '../store/org-settings.repository.js';
import { appendReportEvent } from '../store/report-events.repository.js';
import { findReportByItem, insertReport, staleReport, updateReport } from '../store/reports.repository.js';
import { reportView } from './get-report.service.js';
import type { Ledger } from './ledger.service.js';
import { actorOf, mustEntry, unitsOf, type ReportCaller } from './report-support.js';

/**
 * PUT /reports/by-item/:itemKey/:period: the lead unit (or the office) writes the period's report.
 * `revision` null starts it; otherwise it must be the revision the writer loaded, and the report
 * still a draft or returned. Drafts are the units' own business: saving one does not change how
 * items read, so no ledger revision is bumped here.
 */
export async function saveReport(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  itemKey: string,
  period: string,
  body: SaveReportBody,
): Promise<{ created: boolean; report: ReportDto }> {
  const entry = mustEntry(ledger, itemKey);
  const units = unitsOf(entry, null);
  const actor = actorOf(caller);
  // Who could never write it hears so whether or not a draft exists: nothing is revealed.
  if (!reportPermissions(actor, units, null).edit) throw new ForbiddenError('error.report_forbidden');
  const settings = await getOrgSettings(db.kysely, caller.orgId);
  checkPeriod(period, settings, caller.today);
  const { revision, ...content } = body;
  assertValidItemReport(content, entry.item, caller.today);
  const leadUnitId = units.leadUnitId;
  if (leadUnitId === null) throw new ValidationError('error.report_no_lead_unit', {}, { field: 'itemKey' });
  const versionId = ledger.plan!.versionId;

  const { created, report } = await db.kysely.transaction().execute(async (trx) => {
    const existing = await findReportByItem(trx, caller.orgId, itemKey, period);
    if (!existing) {
      if (revision !== null) throw staleReport();
      const report = await insertReport(trx, caller, {
        itemKey,
        period,
        versionId,
        unitId: leadUnitId,
        content,
      });
      await appendReportEvent(trx, caller, { reportId: report.id, action: 'create' });
      return { created: true, report };
    }
    if (revision === null) {
      throw new ConflictError('error.report_exists', { itemKey, period }, { field: 'revision' });
    }
    if (existing.revision !== revision) throw staleReport();
    if (!reportPermissions(actor, units, existing.status).edit) {
      throw new ConflictError('error.report_not_editable', {}, { field: 'status' });
    }
    const report = await updateReport(trx, caller, existing, revision, {
      content,
      versionId,
      unitId: leadUnitId,
    });
    await appendReportEvent(trx, caller, { reportId: report.id, action: 'save' });
    return { created: false, report };
  });
  return { created, report: await reportView(db.kysely, ledger, caller, report, settings) };
}

/** A period of the org's cadence, not later than the current one. */
function checkPeriod(period: string, settings: OrgSettings, today: string): void {
  const p = period as Period;
  if (cadenceOf(p) !== settings.cadence) {
    throw new ValidationError('error.report_period_cadence', { period }, { field: 'period' });
  }
  const current = periodOf(today, settings.cadence);
  if (comparePeriods(p, current) > 0) {
    throw new ValidationError('error.report_period_future', { period, current }, { field: 'period' });
  }
}
