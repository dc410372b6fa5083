import { DEFAULT_WARNING_DAYS } from '../domain/status/status.js';
import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import type { WriteContext } from './write-context.js';

/**
 * The reminder settings: JSON in org_settings.reminders (null until the office saves them). The
 * service parses and validates; this layer stores text and audits every change. Secrets are the
 * caller's to redact from the audit entries.
 */

export async function loadReminderSettingsJson(exec: Executor, orgId: string): Promise<unknown> {
  const row = await exec
    .selectFrom('org_settings')
    .select('reminders')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row?.reminders) return null;
  try {
    return JSON.parse(row.reminders) as unknown;
  } catch {
    return null;
  }
}

export async function saveReminderSettingsJson(
  exec: Executor,
  ctx: WriteContext,
  settings: unknown,
  audit: { before: unknown; after: unknown },
): Promise<void> {
  await exec
    .insertInto('org_settings')
    .values({ org_id: ctx.orgId, warning_days: DEFAULT_WARNING_DAYS, revision: 0, updated_at: ctx.at })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  await exec
    .updateTable('org_settings')
    .set({ reminders: JSON.stringify(settings), updated_at: ctx.at })
    .where('org_id', '=', ctx.orgId)
    .execute();
  await appendAudit(exec, ctx, [
    { action: 'update', entity: 'reminder_settings', entityId: ctx.orgId, ...audit },
  ]);
}

/** Every organisation: the scheduler's round. */
export async function listOrgIds(exec: Executor): Promise<string[]> {
  const rows = await exec.selectFrom('orgs').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
