import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import { isUniqueViolation } from './db-errors.js';
import { staleReport } from './reports.repository.js';
import type { WriteContext } from './write-context.js';

/**
 * A co-unit's own narrative on a report, one per (report, unit), with its own revision: the lead
 * unit and its co-units write side by side without invalidating each other's copies.
 */

export interface ContributionRecord {
  reportId: string;
  unitId: string;
  narrative: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export async function listContributions(
  exec: Executor,
  orgId: string,
  reportId: string,
): Promise<ContributionRecord[]> {
  const rows = await exec
    .selectFrom('report_contributions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('updated_at')
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({
    reportId: r.report_id,
    unitId: r.unit_id,
    narrative: r.narrative,
    revision: Number(r.revision),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/**
 * Writes the unit's narrative: `expected` null creates it (one already there → 409), a number
 * updates it if that is still the stored revision (else 409).
 */
export async function saveContribution(
  exec: Executor,
  ctx: WriteContext,
  c: { reportId: string; unitId: string; narrative: string; expected: number | null },
): Promise<ContributionRecord> {
  const key = { org_id: ctx.orgId, report_id: c.reportId, unit_id: c.unitId };
  const revision = (c.expected ?? 0) + 1;
  let before: string | null = null;
  if (c.expected === null) {
    try {
      await exec
        .insertInto('report_contributions')
        .values({ ...key, narrative: c.narrative, revision, updated_at: ctx.at, updated_by: ctx.actor })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw staleReport();
      throw e;
    }
  } else {
    const row = await exec
      .selectFrom('report_contributions')
      .select('narrative')
      .where('org_id', '=', ctx.orgId)
      .where('report_id', '=', c.reportId)
      .where('unit_id', '=', c.unitId)
      .executeTakeFirst();
    before = row?.narrative ?? null;
    const result = await exec
      .updateTable('report_contributions')
      .set({ narrative: c.narrative, revision, updated_at: ctx.at, updated_by: ctx.actor })
      .where('org_id', '=', ctx.orgId)
      .where('report_id', '=', c.reportId)
      .where('unit_id', '=', c.unitId)
      .where('revision', '=', c.expected)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw staleReport();
  }
  await appendAudit(exec, ctx, [
    {
      action: c.expected === null ? 'create' : 'update',
      entity: 'report_contribution',
      entityId: `${c.reportId}/${c.unitId}`,
      before: c.expected === null ? undefined : { narrative: before, revision: c.expected },
      after: { narrative: c.narrative, revision },
    },
  ]);
  return {
    reportId: c.reportId,
    unitId: c.unitId,
    narrative: c.narrative,
    revision,
    updatedAt: ctx.at,
    updatedBy: ctx.actor,
  };
}

/** Of these reports, those the unit has contributed to. */
export async function contributedReportIds(
  exec: Executor,
  orgId: string,
  unitId: string,
  reportIds: readonly string[],
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = await exec
    .selectFrom('report_contributions')
    .select('report_id')
    .where('org_id', '=', orgId)
    .where('unit_id', '=', unitId)
    .where('report_id', 'in', reportIds)
    .execute();
  return new Set(rows.map((r) => r.report_id));
}
