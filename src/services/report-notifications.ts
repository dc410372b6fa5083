import type { Executor } from '../store/database.js';
import { insertNotifications } from '../store/notifications.repository.js';
import type { ReportRecord } from '../store/reports.repository.js';
import { listUsers } from '../store/users.repository.js';
import type { Ledger } from './ledger.service.js';
import { entryByKey, unitRef, type ReportCaller } from './report-support.js';

/**
 * In-app messages of the workflow, written in the step's transaction: a submission tells the
 * office, a return or an approval tells the lead unit's reporters. The one who acted is not told.
 */

export type ReportNotice = 'report_submitted' | 'report_returned' | 'report_approved';

export async function notifyReportStep(
  exec: Executor,
  ledger: Ledger,
  caller: ReportCaller,
  report: ReportRecord,
  kind: ReportNotice,
): Promise<void> {
  const users = (await listUsers(exec, caller.orgId)).filter((u) => !u.disabled && u.id !== caller.userId);
  const recipients =
    kind === 'report_submitted'
      ? users.filter((u) => u.role === 'admin')
      : users.filter((u) => u.role === 'reporter' && u.unitId === report.unitId);
  if (recipients.length === 0) return;
  const entry = entryByKey(ledger, report.itemKey);
  const params = {
    itemKey: report.itemKey,
    number: entry?.item.number ?? '',
    title: entry?.item.title ?? report.itemKey,
    period: report.period,
    unit: unitRef(ledger, report.unitId).name,
    comment: report.reviewComment,
  };
  const link = `/reports/${encodeURIComponent(report.itemKey)}/${report.period}`;
  await insertNotifications(
    exec,
    caller,
    recipients.map((u) => ({ userId: u.id, kind, params, link })),
  );
}
