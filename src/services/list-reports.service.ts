import type { ReportSort, ReportStatus, ReportSummary } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { listReportHeads } from '../store/reports.repository.js';
import type { Ledger } from './ledger.service.js';
import { DEFAULT_PAGE_SIZE } from './list-items.service.js';
import {
  byPeriodDescThenNumber,
  bySubmissionThenNumber,
  permissionsOn,
  summaryOf,
  type ReportCaller,
} from './report-support.js';

/**
 * GET /reports: the office's review queue (status=submitted, sort=submitted) and any other list
 * of reports, newest period first unless asked otherwise, only those the caller may read. An
 * org has ~70 items × 12–36 periods, so reading the rows' heads and filtering by permission
 * here is cheap and keeps the rule in one place (report-access.ts).
 */
export interface ReportsQuery {
  status?: ReportStatus | undefined;
  period?: string | undefined;
  unit?: string | undefined;
  itemKey?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  sort?: ReportSort | undefined;
}

export async function listReportsPage(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  query: ReportsQuery,
): Promise<{ reports: ReportSummary[]; total: number }> {
  const [settings, heads] = await Promise.all([
    getOrgSettings(db.kysely, caller.orgId),
    listReportHeads(db.kysely, caller.orgId, {
      status: query.status,
      period: query.period,
      unitId: query.unit,
      itemKey: query.itemKey,
    }),
  ]);
  // The whole readable list is sorted, then paged: page 2 continues page 1's order. (A client
  // sorting one page by another key would interleave wrongly: ask for that key here.)
  const visible = heads
    .filter((r) => permissionsOn(caller, ledger, r).read)
    .sort(query.sort === 'submitted' ? bySubmissionThenNumber(ledger) : byPeriodDescThenNumber(ledger));
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return {
    reports: visible
      .slice((page - 1) * pageSize, page * pageSize)
      .map((r) => summaryOf(ledger, settings, caller.timeZone, r)),
    total: visible.length,
  };
}
