import type { Executor } from './database.js';

/** What the reminder scheduler reads besides the ledger: report states and the plan's start. */

export interface ReportState {
  itemKey: string;
  period: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
}

/** The workflow state of every report of these periods. */
export async function reportStates(
  exec: Executor,
  orgId: string,
  periods: readonly string[],
): Promise<ReportState[]> {
  if (periods.length === 0) return [];
  const rows = await exec
    .selectFrom('reports')
    .select(['item_key', 'period', 'status'])
    .where('org_id', '=', orgId)
    .where('period', 'in', [...periods])
    .execute();
  return rows.map((r) => ({
    itemKey: r.item_key,
    period: r.period,
    status: r.status as ReportState['status'],
  }));
}

/** When the plan's first version was imported: reports are owed from then on. */
export async function planStartedAt(exec: Executor, orgId: string, planId: string): Promise<string | null> {
  const row = await exec
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.min('imported_at').as('first'))
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}
