import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { isBelow, manages, mayHaveChild, readsBelow, subtree, type OrgType } from '../domain/org-tree.js';
import type {
  OrgCreateBody,
  OrgNodeDto,
  OrgTreeDto,
  OrgUserDto,
  OrgUserMoveBody,
  OrgUsersDto,
} from '../shared/api/orgs.js';
import type { Db, Executor } from '../store/database.js';
import { isUniqueViolation } from '../store/db-errors.js';
import {
  insertOrg,
  listAllOrgs,
  moveUserRow,
  readBelowByUser,
  readBelowOf,
  setOrgParent,
  setReadBelow,
  userCounts,
  type OrgRecord,
} from '../store/org-tree.repository.js';
import { listUnits } from '../store/units.repository.js';
import { listUsers, type UserRecord } from '../store/users.repository.js';
import type { WriteContext } from '../store/write-context.js';
import { orgRef } from './org-subtree.service.js';

/**
 * Administering the org tree (issue 9): the tree as a caller sees it, new orgs, moving users
 * between orgs, the read-below grant. An admin manages their own org and every org below it
 * (domain/org-tree.ts `manages`); anything outside answers 404, like a read would. Every write
 * is audited in the admin's own org (and in the orgs it touches).
 */

type Caller = Pick<UserRecord, 'id' | 'orgId' | 'role' | 'username'>;

/** GET /api/orgs: the caller's org and, when they read below it, everything below. */
export async function orgTree(db: Db, caller: Caller): Promise<OrgTreeDto> {
  const [orgs, readBelow, plans] = await Promise.all([
    listAllOrgs(db.kysely),
    readBelowOf(db.kysely, caller.orgId, caller.id),
    orgsWithPlan(db.kysely),
  ]);
  const below = readsBelow({ orgId: caller.orgId, role: caller.role, readBelow });
  const manage = caller.role === 'admin';
  const counts = manage ? await userCounts(db.kysely) : null;
  const entries = subtree(orgs, caller.orgId).filter((e) => below || e.depth === 0);
  const own = entries[0]?.org;
  if (!own) throw new NotFoundError('error.org_unreadable');
  return {
    own: orgRef(own),
    readBelow: below,
    manage,
    orgs: entries.map((e): OrgNodeDto => ({
      ...orgRef(e.org),
      parentId: e.org.parentId,
      depth: e.depth,
      path: e.path,
      hasPlan: plans.has(e.org.id),
      userCount: counts ? (counts.get(e.org.id) ?? 0) : null,
      createdAt: e.org.createdAt,
    })),
  };
}

async function orgsWithPlan(exec: Executor): Promise<Set<string>> {
  const rows = await exec
    .selectFrom('plan_versions')
    .select('org_id')
    .where('is_current', '=', 1)
    .groupBy('org_id')
    .execute();
  return new Set(rows.map((r) => r.org_id));
}

/** The org `id` if the admin manages it; 404 otherwise (unknown or outside their subtree alike). */
function managed(orgs: readonly OrgRecord[], adminOrgId: string, id: string, field?: string): OrgRecord {
  const org = orgs.find((o) => o.id === id);
  if (!org || !manages(orgs, adminOrgId, id)) {
    throw new NotFoundError('error.org_unreadable', {}, field ? { field } : {});
  }
  return org;
}

/** The type rules of the tree, for the API and the CLI alike. */
export function checkPlacement(parent: OrgRecord | null, type: OrgType): void {
  if (parent && !mayHaveChild(parent.type, type)) {
    throw new ValidationError(
      'error.org_bad_child_type',
      { parent: parent.name, parentType: parent.type, type },
      { field: 'type' },
    );
  }
}

/** POST /api/orgs. */
export async function createOrg(db: Db, ctx: WriteContext, body: OrgCreateBody): Promise<OrgNodeDto> {
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const orgs = await listAllOrgs(trx);
      const parent = managed(orgs, ctx.orgId, body.parentId ?? ctx.orgId, 'parentId');
      checkPlacement(parent, body.type);
      if (orgs.some((o) => o.name === body.name)) throw orgNameTaken(body.name);
      const org = await insertOrg(trx, ctx, { name: body.name, type: body.type, parentId: parent.id });
      const entry = subtree([...orgs, org], ctx.orgId).find((e) => e.org.id === org.id)!;
      return {
        ...orgRef(org),
        parentId: org.parentId,
        depth: entry.depth,
        path: entry.path,
        hasPlan: false,
        userCount: 0,
        createdAt: org.createdAt,
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw orgNameTaken(body.name);
    throw e;
  }
}

export function orgNameTaken(name: string): ConflictError {
  return new ConflictError('error.org_name_taken', { name }, { field: 'name' });
}

/** GET /api/orgs/:id/users. */
export async function orgUsers(db: Db, caller: Caller, orgId: string): Promise<OrgUsersDto> {
  const orgs = await listAllOrgs(db.kysely);
  const org = managed(orgs, caller.orgId, orgId);
  const [users, grants] = await Promise.all([
    listUsers(db.kysely, org.id),
    readBelowByUser(db.kysely, org.id),
  ]);
  return { org: orgRef(org), users: users.map((u) => toOrgUserDto(u, org, grants.get(u.id) ?? false)) };
}

function toOrgUserDto(u: UserRecord, org: OrgRecord, readBelow: boolean): OrgUserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    disabled: u.disabled,
    org: orgRef(org),
    readBelow,
    readBelowEffective: readsBelow({ orgId: u.orgId, role: u.role, readBelow }),
  };
}

/** A user of an org the admin manages, by id (users are keyed by (org_id, id): looked up org by org). */
async function managedUser(
  exec: Executor,
  orgs: readonly OrgRecord[],
  adminOrgId: string,
  userId: string,
): Promise<{ user: UserRecord; org: OrgRecord }> {
  const candidates = orgs.filter((o) => manages(orgs, adminOrgId, o.id)).map((o) => o.id);
  const row = await exec
    .selectFrom('users')
    .selectAll()
    .where('org_id', 'in', candidates)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('error.user_not_found', { id: userId }, { field: 'userId' });
  const users = await listUsers(exec, row.org_id);
  const user = users.find((u) => u.id === userId)!;
  return { user, org: orgs.find((o) => o.id === row.org_id)! };
}

/** POST /api/orgs/users/:userId/move. */
export async function moveUser(
  db: Db,
  ctx: WriteContext & { userId: string },
  userId: string,
  body: OrgUserMoveBody,
): Promise<OrgUserDto> {
  if (userId === ctx.userId) throw new ForbiddenError('error.move_self');
  return db.kysely.transaction().execute(async (trx) => {
    const orgs = await listAllOrgs(trx);
    const { user, org: from } = await managedUser(trx, orgs, ctx.orgId, userId);
    const to = managed(orgs, ctx.orgId, body.orgId, 'orgId');
    const role = body.role ?? user.role;
    const unitId = role === 'reporter' ? (body.unitId ?? null) : null;
    if (role === 'reporter') {
      if (unitId === null) throw new ValidationError('error.reporter_needs_unit', {}, { field: 'unitId' });
      const units = await listUnits(trx, to.id);
      if (!units.some((u) => u.id === unitId)) {
        throw new ValidationError('error.unit_not_found', { id: unitId }, { field: 'unitId' });
      }
    }
    if (user.role === 'admin' && !user.disabled && from.id !== to.id) {
      const others = (await listUsers(trx, from.id)).filter(
        (u) => u.role === 'admin' && !u.disabled && u.id !== user.id,
      );
      if (others.length === 0) throw new ConflictError('error.last_admin');
    }
    await moveUserRow(trx, ctx, user, { orgId: to.id, role, unitId });
    return toOrgUserDto({ ...user, orgId: to.id, role, unitId }, to, false);
  });
}

/** PUT /api/orgs/users/:userId/read-below. */
export async function setGrant(
  db: Db,
  ctx: WriteContext,
  userId: string,
  readBelow: boolean,
): Promise<OrgUserDto> {
  return db.kysely.transaction().execute(async (trx) => {
    const orgs = await listAllOrgs(trx);
    const { user, org } = await managedUser(trx, orgs, ctx.orgId, userId);
    const before = await readBelowOf(trx, user.orgId, user.id);
    if (before !== readBelow) await setReadBelow(trx, ctx, user, readBelow, before);
    return toOrgUserDto(user, org, readBelow);
  });
}

/**
 * The CLI's `org create NAME --type T [--parent P]`: a new org; an existing one of the same type
 * that has no parent yet is attached below P (a county that predates the tree). Returns what it did.
 */
export async function createOrgByName(
  db: Db,
  input: { name: string; type: OrgType; parent?: string | undefined; actor: string; at: string },
): Promise<{ org: OrgRecord; outcome: 'created' | 'attached' | 'unchanged' }> {
  return db.kysely.transaction().execute(async (trx) => {
    const orgs = await listAllOrgs(trx);
    const parent = input.parent === undefined ? null : orgs.find((o) => o.name === input.parent);
    if (parent === undefined) throw new NotFoundError('error.org_not_found', { org: input.parent! });
    checkPlacement(parent, input.type);
    const existing = orgs.find((o) => o.name === input.name);
    if (existing) {
      if (existing.type !== input.type) {
        throw new ConflictError('error.org_exists_other_type', { name: existing.name, type: existing.type });
      }
      if (existing.parentId === (parent?.id ?? null)) return { org: existing, outcome: 'unchanged' as const };
      if (existing.parentId !== null || parent === null) {
        const now = orgs.find((o) => o.id === existing.parentId);
        throw new ConflictError('error.org_exists_elsewhere', {
          name: existing.name,
          parent: now?.name ?? '—',
        });
      }
      if (parent.id === existing.id || isBelow(orgs, parent.id, existing.id)) {
        throw new ValidationError('error.org_cycle', { name: existing.name, parent: parent.name });
      }
      const ctx = { orgId: parent.id, actor: input.actor, at: input.at };
      return { org: await setOrgParent(trx, ctx, existing, parent.id), outcome: 'attached' as const };
    }
    // A root (the province, or a lone county) has no org above: its creation is audited in itself.
    const id = randomUUID();
    const ctx = { orgId: parent?.id ?? id, actor: input.actor, at: input.at };
    const org = await insertOrg(trx, ctx, {
      id,
      name: input.name,
      type: input.type,
      parentId: parent?.id ?? null,
    });
    return { org, outcome: 'created' as const };
  });
}

/** The CLI's `org list`: every org, in tree order from each root. */
export async function allOrgsInTreeOrder(
  db: Db,
): Promise<{ org: OrgRecord; depth: number; hasPlan: boolean; users: number }[]> {
  const [orgs, plans, counts] = await Promise.all([
    listAllOrgs(db.kysely),
    orgsWithPlan(db.kysely),
    userCounts(db.kysely),
  ]);
  const roots = orgs.filter((o) => o.parentId === null || !orgs.some((p) => p.id === o.parentId));
  return roots
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .flatMap((r) => subtree(orgs, r.id))
    .map((e) => ({
      org: e.org,
      depth: e.depth,
      hasPlan: plans.has(e.org.id),
      users: counts.get(e.org.id) ?? 0,
    }));
}

/**
 * Where an import puts its org (`import FILE --org NAME [--parent P] [--type T]`), checked before
 * the import so its transaction only creates what was checked. An existing org is used as it is
 * (a different --parent is an error: `org create` attaches roots). A new org goes below --parent;
 * without one it becomes a root county only while the deployment has no tree yet — once any org
 * has a parent, a new root would be a county nobody above can see, so --parent is required.
 */
export async function placeImportOrg(
  db: Db,
  input: { org: string; parent?: string | undefined; type?: OrgType | undefined },
): Promise<{ type: OrgType; parentId: string | null } | undefined> {
  const orgs = await listAllOrgs(db.kysely);
  const existing = orgs.find((o) => o.name === input.org);
  const parent = input.parent === undefined ? undefined : orgs.find((o) => o.name === input.parent);
  if (input.parent !== undefined && parent === undefined) {
    throw new NotFoundError('error.org_not_found', { org: input.parent });
  }
  if (existing) {
    if (input.type !== undefined && existing.type !== input.type) {
      throw new ConflictError('error.org_exists_other_type', { name: existing.name, type: existing.type });
    }
    if (parent !== undefined && existing.parentId !== parent.id) {
      const now = orgs.find((o) => o.id === existing.parentId);
      throw new ConflictError('error.org_exists_elsewhere', {
        name: existing.name,
        parent: now?.name ?? '—',
      });
    }
    return undefined;
  }
  const type = input.type ?? 'county';
  if (parent === undefined) {
    if (orgs.some((o) => o.parentId !== null)) {
      throw new ValidationError('error.org_needs_parent', { org: input.org });
    }
    return { type, parentId: null };
  }
  checkPlacement(parent, type);
  return { type, parentId: parent.id };
}
