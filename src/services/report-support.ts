import { NotFoundError } from '../domain/errors.js';
import { dueDate, isOnTime, type Period } from '../domain/reporting/period.js';
import {
  reportPermissions,
  type Actor,
  type ReportPermissions,
  type ReportUnits,
} from '../domain/reporting/report-access.js';
import type { Role } from '../shared/api/session.js';
import type { UnitRefDto } from '../shared/api/common.js';
import type { ReportStatus, ReportSummary } from '../shared/api/reports.js';
import type { OrgSettings } from '../store/org-settings.repository.js';
import type { ReportHead } from '../store/reports.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { Ledger, LedgerItem } from './ledger.service.js';
import { localDate } from './local-date.js';

/** What every report use case shares: who asks, the item a report is about, who may do what. */

export interface ReportCaller extends WriteContext {
  userId: string;
  role: Role;
  /** The reporter's unit; null for admin and viewer. */
  unitId: string | null;
  /** The office's calendar date now (ISO): reports may not claim anything after it. */
  today: string;
  /** To tell the office's calendar date of a timestamp (was a submission on time?). */
  timeZone: string;
}

export function actorOf(caller: ReportCaller): Actor {
  return { role: caller.role, unitId: caller.role === 'reporter' ? caller.unitId : null };
}

export function entryByKey(ledger: Ledger, itemKey: string): LedgerItem | undefined {
  return ledger.items.find((e) => e.itemKey === itemKey);
}

/** The current plan's item, or 404. */
export function mustEntry(ledger: Ledger, itemKey: string): LedgerItem {
  const entry = entryByKey(ledger, itemKey);
  if (!entry) throw new NotFoundError('error.report_item_not_found', { itemKey }, { field: 'itemKey' });
  return entry;
}

/**
 * The item's units as the current plan lists them; a report on an item the current plan no
 * longer has stays with the unit that wrote it.
 */
export function unitsOf(entry: LedgerItem | undefined, fallbackLead: string | null): ReportUnits {
  if (!entry) return { leadUnitId: fallbackLead, coUnitIds: [] };
  return {
    leadUnitId: entry.lead?.id ?? fallbackLead,
    coUnitIds: entry.units.filter((u) => u.role !== 'lead').map((u) => u.id),
  };
}

export function permissionsOn(
  caller: ReportCaller,
  ledger: Ledger,
  report: Pick<ReportHead, 'itemKey' | 'unitId' | 'status'>,
): ReportPermissions {
  return reportPermissions(
    actorOf(caller),
    unitsOf(entryByKey(ledger, report.itemKey), report.unitId),
    report.status,
  );
}

/** A report the caller may not read does not exist as far as the caller can tell. */
export function reportNotFound(): NotFoundError {
  return new NotFoundError('error.report_not_found');
}

export function unitRef(ledger: Ledger, id: string): UnitRefDto {
  return { id, name: ledger.unitById.get(id)?.name ?? id };
}

export function summaryOf(
  ledger: Ledger,
  settings: OrgSettings,
  timeZone: string,
  r: ReportHead,
): ReportSummary {
  const entry = entryByKey(ledger, r.itemKey);
  const period = r.period as Period;
  return {
    id: r.id,
    itemKey: r.itemKey,
    itemNumber: entry?.item.number ?? null,
    itemTitle: entry?.item.title ?? r.itemKey,
    period,
    dueDate: dueDate(period, settings.dueDay),
    status: r.status,
    revision: r.revision,
    unit: unitRef(ledger, r.unitId),
    submittedAt: r.submittedAt,
    onTime: r.submittedAt ? isOnTime(localDate(r.submittedAt, timeZone), period, settings.dueDay) : null,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
    updatedAt: r.updatedAt,
  };
}

/** Newest period first, then in the plan's order. */
export function byPeriodDescThenNumber(ledger: Ledger) {
  const number = (key: string) => entryByKey(ledger, key)?.item.number ?? Number.MAX_SAFE_INTEGER;
  return (a: ReportHead, b: ReportHead) =>
    (a.period < b.period ? 1 : a.period > b.period ? -1 : 0) ||
    number(a.itemKey) - number(b.itemKey) ||
    (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0);
}

/**
 * Oldest submission first, so the report waiting longest is reviewed first (a report never
 * submitted: by its last change); equal times in byPeriodDescThenNumber's order, so the order is
 * total and pages cut from it never overlap.
 */
export function bySubmissionThenNumber(ledger: Ledger) {
  const then = byPeriodDescThenNumber(ledger);
  const at = (r: ReportHead) => r.submittedAt ?? r.updatedAt;
  return (a: ReportHead, b: ReportHead) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0) || then(a, b);
}

export const OPEN_STATES: readonly ReportStatus[] = ['draft', 'returned'];
