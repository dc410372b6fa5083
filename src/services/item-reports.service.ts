import { ValidationError } from '../domain/errors.js';
import { convertValue } from '../domain/reporting/unit-conversion.js';
import type { ItemReportsDto } from '../shared/api/reports.js';
import type { Db } from '../store/database.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { listReportHeads, listReports } from '../store/reports.repository.js';
import type { Ledger } from './ledger.service.js';
import {
  byPeriodDescThenNumber,
  mustEntry,
  permissionsOn,
  summaryOf,
  type ReportCaller,
} from './report-support.js';

/**
 * GET /items/by-key/:itemKey/reports: an item's report history (those the caller may read,
 * newest period first) and, per target, the actuals of approved reports in the target's unit —
 * what the item page charts against the target value.
 */
export async function itemReports(
  db: Db,
  ledger: Ledger,
  caller: ReportCaller,
  itemKey: string,
): Promise<ItemReportsDto> {
  const entry = mustEntry(ledger, itemKey);
  const [settings, heads, approved] = await Promise.all([
    getOrgSettings(db.kysely, caller.orgId),
    listReportHeads(db.kysely, caller.orgId, { itemKey }),
    listReports(db.kysely, caller.orgId, { itemKey, status: 'approved' }),
  ]);
  return {
    itemKey,
    reports: heads
      .filter((r) => permissionsOn(caller, ledger, r).read)
      .sort(byPeriodDescThenNumber(ledger))
      .map((r) => summaryOf(ledger, settings, caller.timeZone, r)),
    targets: entry.item.targets.map((target, position) => {
      const actuals: ItemReportsDto['targets'][number]['actuals'] = [];
      for (const report of approved) {
        const actual = report.content.targets[position];
        if (!actual) continue;
        try {
          const value = convertValue(actual.actual, actual.unit, target.unit);
          actuals.push({ period: report.period, reportedOn: actual.reportedOn, value });
        } catch (e) {
          // A re-import changed the target's unit: that old figure cannot be charted against it.
          if (!(e instanceof ValidationError)) throw e;
        }
      }
      actuals.sort((a, b) => cmp(a.period, b.period) || cmp(a.reportedOn, b.reportedOn));
      return {
        position,
        metric: target.metric,
        op: target.op,
        value: target.value,
        unit: target.unit,
        deadline: target.deadline ?? null,
        actuals,
      };
    }),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
