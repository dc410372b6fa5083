import { DEFAULT_CADENCE, DEFAULT_DUE_DAY, type Cadence } from '../domain/reporting/period.js';
import { DEFAULT_WARNING_DAYS } from '../domain/status/status.js';
import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import type { WriteContext } from './write-context.js';

export interface OrgSettings {
  warningDays: number;
  /** Changes whenever items read differently without a new plan version. */
  revision: number;
  /** Reporting period length (domain/reporting/period.ts). */
  cadence: Cadence;
  /** Day of a period's last month its report is due. */
  dueDay: number;
}

/** An org without a settings row has the defaults: the row is written on the first change. */
export async function getOrgSettings(exec: Executor, orgId: string): Promise<OrgSettings> {
  const row = await exec
    .selectFrom('org_settings')
    .select(['warning_days', 'revision', 'cadence', 'due_day'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row
    ? {
        warningDays: Number(row.warning_days),
        revision: Number(row.revision),
        cadence: row.cadence === 'quarterly' ? 'quarterly' : 'monthly',
        dueDay: Number(row.due_day),
      }
    : { warningDays: DEFAULT_WARNING_DAYS, revision: 0, cadence: DEFAULT_CADENCE, dueDay: DEFAULT_DUE_DAY };
}

export async function setWarningDays(exec: Executor, ctx: WriteContext, warningDays: number): Promise<void> {
  const before = await getOrgSettings(exec, ctx.orgId);
  await ensureRow(exec, ctx);
  await exec
    .updateTable('org_settings')
    .set({ warning_days: warningDays, revision: before.revision + 1, updated_at: ctx.at })
    .where('org_id', '=', ctx.orgId)
    .execute();
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'org_settings',
      entityId: ctx.orgId,
      before: { warningDays: before.warningDays },
      after: { warningDays },
    },
  ]);
}

/** The reporting cadence and due day; periods and due dates shown everywhere change with them. */
export async function setReportingSchedule(
  exec: Executor,
  ctx: WriteContext,
  change: { cadence?: Cadence | undefined; dueDay?: number | undefined },
): Promise<void> {
  const before = await getOrgSettings(exec, ctx.orgId);
  const cadence = change.cadence ?? before.cadence;
  const dueDay = change.dueDay ?? before.dueDay;
  if (cadence === before.cadence && dueDay === before.dueDay) return;
  await ensureRow(exec, ctx);
  await exec
    .updateTable('org_settings')
    .set((eb) => ({ cadence, due_day: dueDay, revision: eb('revision', '+', 1), updated_at: ctx.at }))
    .where('org_id', '=', ctx.orgId)
    .execute();
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'org_settings',
      entityId: ctx.orgId,
      before: { cadence: before.cadence, dueDay: before.dueDay },
      after: { cadence, dueDay },
    },
  ]);
}

/** Invalidates every server's cached view of the org's items (see services/ledger.service.ts). */
export async function bumpRevision(exec: Executor, ctx: WriteContext): Promise<void> {
  await ensureRow(exec, ctx);
  await exec
    .updateTable('org_settings')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: ctx.at }))
    .where('org_id', '=', ctx.orgId)
    .execute();
}

async function ensureRow(exec: Executor, ctx: WriteContext): Promise<void> {
  await exec
    .insertInto('org_settings')
    .values({ org_id: ctx.orgId, warning_days: DEFAULT_WARNING_DAYS, revision: 0, updated_at: ctx.at })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
}
