import { randomUUID } from 'node:crypto';
import type { Executor } from './database.js';
import { chunks, fromJson, toJson, type WriteContext } from './write-context.js';

/**
 * The audit log is append-only: repositories call `appendAudit` for each write they make, in the
 * same transaction, so a rolled-back write leaves no audit row either.
 */

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord extends Required<Pick<AuditEntry, 'action' | 'entity' | 'entityId'>> {
  id: string;
  orgId: string;
  at: string;
  actor: string;
  before: unknown;
  after: unknown;
}

export async function appendAudit(exec: Executor, ctx: WriteContext, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((e) => ({
    org_id: ctx.orgId,
    id: randomUUID(),
    at: ctx.at,
    actor: ctx.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before: toJson(e.before),
    after: toJson(e.after),
  }));
  for (const part of chunks(rows)) await exec.insertInto('audit_log').values(part).execute();
}

export async function listAudit(
  exec: Executor,
  orgId: string,
  filter: { entity?: string; entityId?: string } = {},
): Promise<AuditRecord[]> {
  let q = exec.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  const rows = await q.orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    before: fromJson(r.before) ?? null,
    after: fromJson(r.after) ?? null,
  }));
}
