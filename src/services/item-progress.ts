import { alignReport } from '../domain/reporting/align-report.js';
import type { DatedReport } from '../domain/reporting/latest-progress.js';
import type { Item } from '../domain/plan.js';
import type { Executor } from '../store/database.js';
import { loadApprovedReports, loadReportSubjects } from '../store/progress.repository.js';
import { localDate } from './local-date.js';

/**
 * Approved reports per item of the current version, as the status engine reads them
 * (progressAsOf): each known from the day it was approved in the org's time zone — a report
 * says nothing until the office has accepted it — and its entries carried over to the current
 * item when it was written against an older version (alignReport). Oldest first; reports
 * approved the same day in period order, so the later period's word stands.
 */
export async function loadItemReports(
  exec: Executor,
  orgId: string,
  current: { versionId: string; items: readonly { itemKey: string; item: Item }[] },
  timeZone: string,
): Promise<Map<string, DatedReport[]>> {
  const byKey = new Map(current.items.map((i) => [i.itemKey, i.item]));
  const approved = (await loadApprovedReports(exec, orgId)).filter((r) => byKey.has(r.itemKey));
  const older = [...new Set(approved.map((r) => r.versionId))].filter((v) => v !== current.versionId);
  const subjects = await loadReportSubjects(exec, orgId, older);

  const out = new Map<string, (DatedReport & { period: string })[]>();
  for (const r of approved) {
    const item = byKey.get(r.itemKey)!;
    const written = r.versionId === current.versionId ? null : subjects.get(r.versionId)?.get(r.itemKey);
    // A version that no longer has the item (never expected): positions are the best guess left.
    const report = alignReport(r.content, written ?? null, item);
    const list = out.get(r.itemKey) ?? [];
    list.push({ submittedOn: localDate(r.approvedAt, timeZone), report, period: r.period });
    out.set(r.itemKey, list);
  }
  const dated = new Map<string, DatedReport[]>();
  for (const [key, list] of out) {
    list.sort((a, b) =>
      a.submittedOn !== b.submittedOn
        ? a.submittedOn < b.submittedOn
          ? -1
          : 1
        : a.period < b.period
          ? -1
          : 1,
    );
    dated.set(
      key,
      list.map(({ submittedOn, report }) => ({ submittedOn, report })),
    );
  }
  return dated;
}
