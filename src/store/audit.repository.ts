import { randomUUID } from 'node:crypto';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DialectName, Executor } from './database.js';
import type { Database } from './schema.js';
import { chunks, fromJson, toCount, toJson, type WriteContext } from './write-context.js';

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
  return rows.map(toRecord);
}

/** What the audit page filters by; every field narrows, absent ones do not. */
export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: AuditAction | undefined;
  /** ISO instant (as written by toISOString): rows at or after it. */
  atFrom?: string | undefined;
  /** ISO instant: rows strictly before it. */
  atBefore?: string | undefined;
  /** Text in the entity id, the actor or the JSON before/after. */
  text?: string | undefined;
}

/**
 * One page of the org's audit log, newest first, with the number of matching rows. Rows written
 * by one use case share their `at`; the id breaks the tie so pages never overlap. The order is
 * served by audit_log_at_idx (org_id, at), or audit_log_actor_idx (org_id, actor, at) when the
 * actor is given.
 */
export async function pageAudit(
  exec: Executor,
  dialect: DialectName,
  orgId: string,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRecord[]; total: number }> {
  const where = filtered(exec, dialect, orgId, filter);
  const counted = await where.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await where
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows: rows.map(toRecord), total: toCount(counted?.n) };
}

/** The entity kinds that occur in the org's log, sorted: the options of the page's filter. */
export async function auditEntityKinds(exec: Executor, orgId: string): Promise<string[]> {
  const rows = await exec
    .selectFrom('audit_log')
    .select('entity')
    .distinct()
    .where('org_id', '=', orgId)
    .orderBy('entity')
    .execute();
  return rows.map((r) => r.entity);
}

function filtered(
  exec: Executor,
  dialect: DialectName,
  orgId: string,
  f: AuditFilter,
): SelectQueryBuilder<Database, 'audit_log', object> {
  let q = exec.selectFrom('audit_log').where('org_id', '=', orgId);
  if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
  if (f.entityId !== undefined) q = q.where('entity_id', '=', f.entityId);
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.atFrom !== undefined) q = q.where('at', '>=', f.atFrom);
  if (f.atBefore !== undefined) q = q.where('at', '<', f.atBefore);
  if (f.text !== undefined) {
    // LIKE is case-insensitive for ASCII on SQLite; PostgreSQL needs ILIKE for the same answer.
    const op = dialect === 'postgres' ? sql`ilike` : sql`like`;
    const pattern = containsPattern(f.text);
    q = q.where((eb) =>
      eb.or(
        (['entity_id', 'actor', 'before', 'after'] as const).map(
          (column) => sql<boolean>`${sql.ref(column)} ${op} ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return q;
}

/**
 * `%text%` with LIKE's wildcards escaped. Not NFKC-normalised (unlike the item search text): the
 * JSON is stored as written, so a full-width （ in a unit name must match itself.
 */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toRecord(r: {
  id: string;
  org_id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}): AuditRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    before: fromJson(r.before) ?? null,
    after: fromJson(r.after) ?? null,
  };
}
