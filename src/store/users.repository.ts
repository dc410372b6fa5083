import type { Executor } from './database.js';
import type { UsersTable } from './schema.js';
import { appendAudit } from './audit.repository.js';
import type { WriteContext } from './write-context.js';

export type Role = 'admin' | 'reporter' | 'viewer';

export interface UserRecord {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

export type NewUser = Omit<
  UserRecord,
  'orgId' | 'failedLogins' | 'lockedUntil' | 'createdAt' | 'passwordChangedAt'
>;

export type UserChange = Partial<
  Pick<
    UserRecord,
    'displayName' | 'role' | 'unitId' | 'disabled' | 'passwordHash' | 'failedLogins' | 'lockedUntil'
  >
>;

/** Every org's users with this name: usernames are kept unique across orgs, so at most one. */
export async function findUsersByUsername(exec: Executor, username: string): Promise<UserRecord[]> {
  const rows = await exec.selectFrom('users').selectAll().where('username', '=', username).execute();
  return rows.map(toUser);
}

export async function getUser(exec: Executor, orgId: string, id: string): Promise<UserRecord | null> {
  const row = await exec
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(exec: Executor, orgId: string): Promise<UserRecord[]> {
  const rows = await exec
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('username')
    .execute();
  return rows.map(toUser);
}

export async function countUsers(exec: Executor): Promise<number> {
  const r = await exec
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertUser(exec: Executor, ctx: WriteContext, u: NewUser): Promise<UserRecord> {
  const row: UsersTable = {
    org_id: ctx.orgId,
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    unit_id: u.unitId,
    password_hash: u.passwordHash,
    failed_logins: 0,
    locked_until: null,
    disabled: u.disabled ? 1 : 0,
    created_at: ctx.at,
    password_changed_at: ctx.at,
  };
  await exec.insertInto('users').values(row).execute();
  const user = toUser(row);
  await appendAudit(exec, ctx, [
    { action: 'create', entity: 'user', entityId: user.id, after: visible(user) },
  ]);
  return user;
}

export async function updateUser(
  exec: Executor,
  ctx: WriteContext,
  before: UserRecord,
  change: UserChange,
): Promise<UserRecord> {
  const set: Partial<UsersTable> = {};
  if (change.displayName !== undefined) set.display_name = change.displayName;
  if (change.role !== undefined) set.role = change.role;
  if (change.unitId !== undefined) set.unit_id = change.unitId;
  if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
  if (change.failedLogins !== undefined) set.failed_logins = change.failedLogins;
  if (change.lockedUntil !== undefined) set.locked_until = change.lockedUntil;
  if (change.passwordHash !== undefined) {
    set.password_hash = change.passwordHash;
    set.password_changed_at = ctx.at;
  }
  if (Object.keys(set).length === 0) return before;
  await exec
    .updateTable('users')
    .set(set)
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', before.id)
    .execute();
  const after = (await getUser(exec, ctx.orgId, before.id))!;
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'user',
      entityId: before.id,
      before: visible(before),
      // The hash never goes into the log; that it changed does.
      after: { ...visible(after), ...(change.passwordHash !== undefined ? { passwordChanged: true } : {}) },
    },
  ]);
  return after;
}

export async function deleteUser(exec: Executor, ctx: WriteContext, user: UserRecord): Promise<void> {
  await exec.deleteFrom('users').where('org_id', '=', ctx.orgId).where('id', '=', user.id).execute();
  await appendAudit(exec, ctx, [
    { action: 'delete', entity: 'user', entityId: user.id, before: visible(user) },
  ]);
}

/**
 * One more failed login, counted in the database (`failed_logins + 1`), so parallel guesses
 * cannot all read the same count and slip under the lock-out. Returns the new count.
 */
export async function incrementFailedLogins(
  exec: Executor,
  ctx: WriteContext,
  userId: string,
): Promise<number> {
  const row = await exec
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirst();
  const count = Number(row?.failed_logins ?? 0);
  await appendAudit(exec, ctx, [
    { action: 'update', entity: 'user', entityId: userId, after: { failedLogins: count } },
  ]);
  return count;
}

/** Users bound to `fromUnitId` now belong to `toUnitId` (a unit merge). */
export async function moveUsersToUnit(
  exec: Executor,
  ctx: WriteContext,
  fromUnitId: string,
  toUnitId: string,
): Promise<void> {
  await exec
    .updateTable('users')
    .set({ unit_id: toUnitId })
    .where('org_id', '=', ctx.orgId)
    .where('unit_id', '=', fromUnitId)
    .execute();
}

function visible(u: UserRecord) {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

export function toUser(r: UsersTable): UserRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    unitId: r.unit_id,
    passwordHash: r.password_hash,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
    passwordChangedAt: r.password_changed_at,
  };
}
