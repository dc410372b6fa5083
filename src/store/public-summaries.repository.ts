import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import type { WriteContext } from './write-context.js';

/**
 * The office's public summaries (migration 005): one plain-language text per item and period,
 * public only once the period is (re)published. Writes are audited in the caller's transaction.
 */

export interface PublicSummaryRecord {
  itemKey: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

export async function listPublicSummaries(
  exec: Executor,
  orgId: string,
  period: string,
): Promise<PublicSummaryRecord[]> {
  const rows = await exec
    .selectFrom('public_summaries')
    .select(['item_key', 'text', 'updated_at', 'updated_by'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .execute();
  return rows.map((r) => ({
    itemKey: r.item_key,
    text: r.text,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Sets (text) or clears (null) an item's summary; false when nothing changed. */
export async function setPublicSummary(
  exec: Executor,
  ctx: WriteContext,
  period: string,
  itemKey: string,
  text: string | null,
): Promise<boolean> {
  const before = await exec
    .selectFrom('public_summaries')
    .select('text')
    .where('org_id', '=', ctx.orgId)
    .where('period', '=', period)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
  const old = before?.text ?? null;
  if (old === text) return false;
  if (text === null) {
    await exec
      .deleteFrom('public_summaries')
      .where('org_id', '=', ctx.orgId)
      .where('period', '=', period)
      .where('item_key', '=', itemKey)
      .execute();
  } else if (old === null) {
    await exec
      .insertInto('public_summaries')
      .values({
        org_id: ctx.orgId,
        period,
        item_key: itemKey,
        text,
        updated_at: ctx.at,
        updated_by: ctx.actor,
      })
      .execute();
  } else {
    await exec
      .updateTable('public_summaries')
      .set({ text, updated_at: ctx.at, updated_by: ctx.actor })
      .where('org_id', '=', ctx.orgId)
      .where('period', '=', period)
      .where('item_key', '=', itemKey)
      .execute();
  }
  await appendAudit(exec, ctx, [
    {
      action: old === null ? 'create' : text === null ? 'delete' : 'update',
      entity: 'public_summary',
      entityId: `${period}/${itemKey}`,
      ...(old !== null ? { before: { period, itemKey, text: old } } : {}),
      ...(text !== null ? { after: { period, itemKey, text } } : {}),
    },
  ]);
  return true;
}
