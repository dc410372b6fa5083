import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import {
  reportPermissions,
  type Actor,
  type ReportPermissions,
  type ReportUnits,
} from '../domain/reporting/report-access.js';
import type { EvidenceDto } from '../shared/api/reports.js';
import type { EvidenceRecord, ReportGate } from '../store/evidence.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { Ledger } from './ledger.service.js';

/**
 * The evidence use cases' shared part: who the report's units are (from the current plan) and
 * what the caller may do, by the one rule set in domain/reporting/report-access.ts.
 */

export type EvidenceActor = WriteContext & Actor;

/**
 * The item's lead and co-units in the current plan. An item a re-import removed keeps its
 * reports: its owner (the report's unit) stays the lead, without co-units.
 */
export function reportUnitsOf(ledger: Ledger, gate: ReportGate): ReportUnits {
  const item = ledger.items.find((i) => i.itemKey === gate.itemKey);
  if (!item) return { leadUnitId: gate.unitId, coUnitIds: [] };
  return {
    leadUnitId: item.lead?.id ?? gate.unitId,
    coUnitIds: item.units.filter((u) => u.role === 'co').map((u) => u.id),
  };
}

export interface Access {
  units: ReportUnits;
  can: ReportPermissions;
}

/**
 * The caller's access to a report they may read; a report they may not read is "not found", the
 * same answer as a report that does not exist, so a draft's existence is not revealed.
 */
export function readableReport(
  ledger: Ledger,
  actor: Actor,
  gate: ReportGate | null,
  notFound: () => NotFoundError = reportNotFound,
): Access {
  if (!gate) throw notFound();
  const units = reportUnitsOf(ledger, gate);
  const can = reportPermissions(actor, units, gate.status);
  if (!can.read) throw notFound();
  return { units, can };
}

/**
 * The report's units, if the caller may attach files to it now. A report the caller may not
 * read is "not found", as for reads (a draft's existence is not revealed); one they may read
 * says why it refuses (403 or 409, see `refusal`).
 */
export function attachableReport(ledger: Ledger, actor: Actor, gate: ReportGate | null): ReportUnits {
  const { units, can } = readableReport(ledger, actor, gate);
  if (!can.attach) throw refusal(actor, units);
  return units;
}

export function reportNotFound(): NotFoundError {
  return new NotFoundError('error.evidence_report_not_found');
}

export function evidenceNotFound(): NotFoundError {
  return new NotFoundError('error.evidence_not_found');
}

/**
 * Why a change to the files is refused: the report has left the units' hands (409: it was
 * allowed while it was a draft, it is not any more) or the caller is not among its writers (403).
 */
export function refusal(actor: Actor, units: ReportUnits): ConflictError | ForbiddenError {
  return reportPermissions(actor, units, 'draft').attach
    ? new ConflictError('error.evidence_report_closed')
    : new ForbiddenError('error.evidence_forbidden');
}

export function toEvidenceDto(ledger: Ledger, e: EvidenceRecord): EvidenceDto {
  return {
    id: e.id,
    fileName: e.fileName,
    mime: e.mime,
    bytes: e.bytes,
    sha256: e.sha256,
    unit: { id: e.unitId, name: ledger.unitById.get(e.unitId)?.name ?? '' },
    uploadedAt: e.uploadedAt,
    uploadedBy: e.uploadedBy,
  };
}
