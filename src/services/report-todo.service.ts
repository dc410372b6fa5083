import { ForbiddenError } from '../domain/errors.js';
import { dueDate, periodOf } from '../domain/reporting/period.js';
import { relationTo } from '../domain/reporting/report-access.js';
import type { TodoDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { contributedReportIds } from '../store/report-contributions.repository.js';
import { listReportHeads } from '../store/reports.repository.js';
import { rateItems } from './item-summary.js';
import type { Ledger } from './ledger.service.js';
import {
  actorOf,
  byPeriodDescThenNumber,
  entryByKey,
  OPEN_STATES,
  permissionsOn,
  summaryOf,
  unitsOf,
  type ReportCaller,
} from './report-support.js';

/**
 * GET /reports/todo (我的待办): the items the reporter's unit leads or co-leads in the current
 * plan, each with this period's report and whether the unit owes something — the lead unit a
 * report to write or resubmit, a co-unit its contribution — and the reports the office returned.
 * The office sees every item as if it led them all.
 */
export async function reportTodo(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  asOf: string,
): Promise<TodoDto> {
  if (caller.role === 'viewer') throw new ForbiddenError('error.todo_forbidden');
  const actor = actorOf(caller);
  const settings = await getOrgSettings(db.kysely, caller.orgId);
  const period = periodOf(asOf, settings.cadence, 'asOf');
  const mine = ledger.items
    .map((entry) => ({
      entry,
      role: caller.role === 'admin' ? ('lead' as const) : relationTo(actor, unitsOf(entry, null)),
    }))
    .filter((m): m is typeof m & { role: 'lead' | 'co' } => m.role !== null);
  const keys = mine.map((m) => m.entry.itemKey);
  const [thisPeriod, returned] = await Promise.all([
    listReportHeads(db.kysely, caller.orgId, { period, itemKeys: keys }),
    listReportHeads(db.kysely, caller.orgId, { status: 'returned', itemKeys: keys }),
  ]);
  const byKey = new Map(thisPeriod.map((r) => [r.itemKey, r]));
  const coReports = mine.filter((m) => m.role === 'co').flatMap((m) => byKey.get(m.entry.itemKey)?.id ?? []);
  const contributed =
    caller.unitId === null
      ? new Set<string>()
      : await contributedReportIds(db.kysely, caller.orgId, caller.unitId, coReports);
  const status = new Map(rateItems(ledger, asOf).map((r) => [r.entry.id, r.rating.status]));

  return {
    period,
    dueDate: dueDate(period, settings.dueDay),
    asOf,
    items: mine.map(({ entry, role }) => {
      const report = byKey.get(entry.itemKey) ?? null;
      const needsAction =
        role === 'lead'
          ? report === null || OPEN_STATES.includes(report.status)
          : report !== null && report.status !== 'approved' && !contributed.has(report.id);
      return {
        itemKey: entry.itemKey,
        number: entry.item.number,
        title: entry.item.title,
        role,
        itemStatus: status.get(entry.id) ?? 'green',
        report: report && { id: report.id, status: report.status, revision: report.revision },
        needsAction,
      };
    }),
    returned: returned
      .filter((r) => {
        const entry = entryByKey(ledger, r.itemKey);
        const lead = caller.role === 'admin' || relationTo(actor, unitsOf(entry, r.unitId)) === 'lead';
        return lead && permissionsOn(caller, ledger, r).read;
      })
      .sort(byPeriodDescThenNumber(ledger))
      .map((r) => summaryOf(ledger, settings, caller.timeZone, r)),
  };
}
