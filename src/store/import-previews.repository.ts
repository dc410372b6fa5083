import type { Plan } from '../domain/plan.js';
import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import type { WriteContext } from './write-context.js';

export interface ImportPreviewRecord {
  id: string;
  orgId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  file: { name: string; format: string; sha256: string; bytes: number };
  plan: Plan;
}

export async function insertPreview(
  exec: Executor,
  ctx: WriteContext,
  p: ImportPreviewRecord,
): Promise<void> {
  await exec
    .insertInto('import_previews')
    .values({
      org_id: ctx.orgId,
      id: p.id,
      created_by: p.createdBy,
      created_at: p.createdAt,
      expires_at: p.expiresAt,
      file_name: p.file.name,
      format: p.file.format,
      sha256: p.file.sha256,
      bytes: p.file.bytes,
      plan: JSON.stringify(p.plan),
    })
    .execute();
  await appendAudit(exec, ctx, [
    {
      action: 'create',
      entity: 'import_preview',
      entityId: p.id,
      after: { file: p.file, title: p.plan.title, items: p.plan.items.length },
    },
  ]);
}

/** The preview, unless it does not exist or expired before `now`. */
export async function getPreview(
  exec: Executor,
  orgId: string,
  id: string,
  now: string,
): Promise<ImportPreviewRecord | null> {
  const r = await exec
    .selectFrom('import_previews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    orgId: r.org_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    file: { name: r.file_name, format: r.format, sha256: r.sha256, bytes: Number(r.bytes) },
    plan: JSON.parse(r.plan) as Plan,
  };
}

/** True when a preview was deleted. */
export async function deletePreview(
  exec: Executor,
  ctx: WriteContext,
  id: string,
  reason: 'confirmed' | 'discarded',
): Promise<boolean> {
  const r = await exec
    .deleteFrom('import_previews')
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  const deleted = Number(r.numDeletedRows) > 0;
  if (deleted) {
    await appendAudit(exec, ctx, [
      { action: 'delete', entity: 'import_preview', entityId: id, after: { reason } },
    ]);
  }
  return deleted;
}

export async function deleteExpiredPreviews(exec: Executor, orgId: string, now: string): Promise<void> {
  await exec
    .deleteFrom('import_previews')
    .where('org_id', '=', orgId)
    .where('expires_at', '<=', now)
    .execute();
}
