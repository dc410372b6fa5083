/**
 * Who may do what with a progress report — one rule set for every route (reports, evidence,
 * contributions), so the server and the web app's buttons never disagree.
 *
 * - A draft or a returned report is still in the units' hands: only the office (admin) and the
 *   reporters of the item's lead and co-units may read it. Once submitted it is part of the record
 *   and every signed-in user may read it.
 * - The lead unit's reporters write and submit the report (draft or returned); the office may too,
 *   on a unit's behalf. Co-units' reporters add their own contribution until it is approved.
 * - Only the office reviews (returns or approves), and only a submitted report.
 * - Evidence is attached by the lead or a co-unit (or the office) while the report is being
 *   written; a unit removes only its own files.
 */

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export type AccessRole = 'admin' | 'reporter' | 'viewer';

export interface Actor {
  role: AccessRole;
  /** The reporter's unit; null for admin and viewer. */
  unitId: string | null;
}

export interface ReportUnits {
  leadUnitId: string | null;
  coUnitIds: readonly string[];
}

export interface ReportPermissions {
  read: boolean;
  edit: boolean;
  submit: boolean;
  review: boolean;
  contribute: boolean;
  attach: boolean;
}

/** The actor's relation to the item: lead, co, or none. */
export function relationTo(actor: Actor, units: ReportUnits): 'lead' | 'co' | null {
  if (actor.role !== 'reporter' || actor.unitId === null) return null;
  if (units.leadUnitId === actor.unitId) return 'lead';
  return units.coUnitIds.includes(actor.unitId) ? 'co' : null;
}

/** `state` null: no report exists yet for this item and period (may the actor start one?). */
export function reportPermissions(
  actor: Actor,
  units: ReportUnits,
  state: ReportState | null,
): ReportPermissions {
  const admin = actor.role === 'admin';
  const relation = relationTo(actor, units);
  const inUnitsHands = state === null || state === 'draft' || state === 'returned';
  const writer = admin || relation === 'lead';
  const member = admin || relation !== null;
  return {
    read: state === null ? member : inUnitsHands ? member : true,
    edit: writer && inUnitsHands,
    submit: writer && state !== null && inUnitsHands,
    review: admin && state === 'submitted',
    contribute: relation === 'co' && state !== null && state !== 'approved',
    attach: member && state !== null && inUnitsHands,
  };
}

/** May the actor remove a file attached by `ownerUnitId`? */
export function mayRemoveEvidence(
  actor: Actor,
  units: ReportUnits,
  state: ReportState,
  ownerUnitId: string,
): boolean {
  if (!reportPermissions(actor, units, state).attach) return false;
  return actor.role === 'admin' || actor.unitId === ownerUnitId;
}
