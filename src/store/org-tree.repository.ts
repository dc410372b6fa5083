import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { OrgRow, OrgType } from '../domain/org-tree.js';
import type { DialectName, Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import { likePattern } from './search-text.js';
import type { WriteContext } from './write-context.js';

/**
 * The org tree's storage (issue 9): the flat list of orgs (a province holds about a hundred, so
 * it is read whole and walked in src/domain/org-tree.ts), the read-below grant, moving a user
 * between orgs, and the cross-org reads of the roll-up (one query for many orgs, not one each).
 */

export interface OrgRecord extends OrgRow {
  createdAt: string;
}

export async function listAllOrgs(exec: Executor): Promise<OrgRecord[]> {
  const rows = await exec.selectFrom('orgs').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as OrgType,
    parentId: r.parent_id,
    createdAt: r.created_at,
  }));
}

/** A new org, audited in the creator's org (ctx) and in the new org itself (once, for a root whose ctx is itself). */
export async function insertOrg(
  exec: Executor,
  ctx: WriteContext,
  org: { id?: string; name: string; type: OrgType; parentId: string | null },
): Promise<OrgRecord> {
  const record: OrgRecord = {
    id: org.id ?? randomUUID(),
    name: org.name,
    type: org.type,
    parentId: org.parentId,
    createdAt: ctx.at,
  };
  await exec
    .insertInto('orgs')
    .values({ id: record.id, name: org.name, type: org.type, parent_id: org.parentId, created_at: ctx.at })
    .execute();
  const entry = { action: 'create' as const, entity: 'org', entityId: record.id, after: record };
  await appendAudit(exec, ctx, [entry]);
  if (ctx.orgId !== record.id) await appendAudit(exec, { ...ctx, orgId: record.id }, [entry]);
  return record;
}

/** Attach a root org below a parent (an org that predates the tree). Audited in ctx's org and the org's own. */
export async function setOrgParent(
  exec: Executor,
  ctx: WriteContext,
  org: OrgRecord,
  parentId: string,
): Promise<OrgRecord> {
  await exec.updateTable('orgs').set({ parent_id: parentId }).where('id', '=', org.id).execute();
  const after = { ...org, parentId };
  const entry = { action: 'update' as const, entity: 'org', entityId: org.id, before: org, after };
  await appendAudit(exec, ctx, [entry]);
  if (ctx.orgId !== org.id) await appendAudit(exec, { ...ctx, orgId: org.id }, [entry]);
  return after;
}

/** The stored read-below grant of a user (false for an unknown user). */
export async function readBelowOf(exec: Executor, orgId: string, userId: string): Promise<boolean> {
  const row = await exec
    .selectFrom('users')
    .select('read_below')
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(row?.read_below ?? 0) === 1;
}

/** Grants of the users of one org, by user id. */
export async function readBelowByUser(exec: Executor, orgId: string): Promise<Map<string, boolean>> {
  const rows = await exec
    .selectFrom('users')
    .select(['id', 'read_below'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.read_below ?? 0) === 1]));
}

/** Users per org (all orgs): the tree page's counts. */
export async function userCounts(exec: Executor): Promise<Map<string, number>> {
  const rows = await exec
    .selectFrom('users')
    .select(['org_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

export async function setReadBelow(
  exec: Executor,
  ctx: WriteContext,
  user: { orgId: string; id: string; username: string },
  value: boolean,
  before: boolean,
): Promise<void> {
  await exec
    .updateTable('users')
    .set({ read_below: value ? 1 : 0 })
    .where('org_id', '=', user.orgId)
    .where('id', '=', user.id)
    .execute();
  const entry = {
    action: 'update' as const,
    entity: 'user',
    entityId: user.id,
    before: { username: user.username, readBelow: before },
    after: { username: user.username, readBelow: value },
  };
  await appendAudit(exec, ctx, [entry]);
  if (ctx.orgId !== user.orgId) await appendAudit(exec, { ...ctx, orgId: user.orgId }, [entry]);
}

/**
 * Moves a user's row to another org. The key (org_id, id) changes, so the rows that point at it
 * go first: their sessions (they sign in again) and their in-app notifications (about the old
 * org's reports). The grant is cleared: reading below is decided anew for the new place.
 * Audited in the admin's org, the old org and the new org.
 */
export async function moveUserRow(
  exec: Executor,
  ctx: WriteContext,
  user: { orgId: string; id: string; username: string; role: string; unitId: string | null },
  to: { orgId: string; role: string; unitId: string | null },
): Promise<void> {
  await exec.deleteFrom('sessions').where('org_id', '=', user.orgId).where('user_id', '=', user.id).execute();
  await exec
    .deleteFrom('notifications')
    .where('org_id', '=', user.orgId)
    .where('user_id', '=', user.id)
    .execute();
  await exec
    .updateTable('users')
    .set({ org_id: to.orgId, role: to.role, unit_id: to.unitId, read_below: 0 })
    .where('org_id', '=', user.orgId)
    .where('id', '=', user.id)
    .execute();
  const entry = {
    action: 'update' as const,
    entity: 'user',
    entityId: user.id,
    before: { username: user.username, orgId: user.orgId, role: user.role, unitId: user.unitId },
    after: { username: user.username, orgId: to.orgId, role: to.role, unitId: to.unitId },
  };
  for (const orgId of new Set([ctx.orgId, user.orgId, to.orgId])) {
    await appendAudit(exec, { ...ctx, orgId }, [entry]);
  }
}

/**
 * What decides whether a roll-up computed earlier still holds, for many orgs in one query: each
 * org's current plan version and settings revision (the ledger cache's key, see ledgerKey).
 */
export async function subtreeRevisions(exec: Executor, orgIds: readonly string[]): Promise<string> {
  if (orgIds.length === 0) return '';
  const { rows } = await sql<{ id: string; version_id: string | null; revision: number | null }>`
    select o.id, pv.id as version_id, s.revision
    from orgs o
    left join org_settings s on s.org_id = o.id
    left join plan_versions pv on pv.org_id = o.id and pv.is_current = 1
    where o.id in (${sql.join(orgIds)})
    order by o.id, pv.id`.execute(exec);
  return rows.map((r) => `${r.id}:${r.version_id ?? '-'}:${r.revision ?? 0}`).join(',');
}

/**
 * Items of several orgs' current versions whose search text contains `term` (the GET /api/items
 * `q` rule, see searchItemIds), in one query: ids by org.
 */
export async function searchItemsAcross(
  exec: Executor,
  dialect: DialectName,
  versions: readonly { orgId: string; versionId: string }[],
  term: string,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (versions.length === 0) return out;
  const pattern = likePattern(term);
  const op = dialect === 'postgres' ? sql`ilike` : sql`like`;
  const pairs = sql.join(
    versions.map((v) => sql`(org_id = ${v.orgId} and version_id = ${v.versionId})`),
    sql` or `,
  );
  const { rows } = await sql<{ org_id: string; id: string }>`
    select org_id, id from items
    where (${pairs}) and search_text ${op} ${pattern} escape '\\'`.execute(exec);
  for (const r of rows) {
    const set = out.get(r.org_id);
    if (set) set.add(r.id);
    else out.set(r.org_id, new Set([r.id]));
  }
  return out;
}

export interface ApprovalRecord {
  itemKey: string;
  period: string;
  approvedAt: string;
}

/**
 * An org's approved reports approved before `before` (an ISO instant), latest approval first, at
 * most `limit`: the roll-up's "last approved report" scans them for the first one approved on or
 * before its as-of day in the org's time zone.
 */
export async function approvalsBefore(
  exec: Executor,
  orgId: string,
  before: string,
  limit: number,
): Promise<ApprovalRecord[]> {
  const rows = await exec
    .selectFrom('reports')
    .select(['item_key', 'period', 'reviewed_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .where('reviewed_at', '<', before)
    .orderBy('reviewed_at', 'desc')
    .orderBy('period', 'desc')
    .orderBy('item_key')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ itemKey: r.item_key, period: r.period, approvedAt: r.reviewed_at! }));
}
