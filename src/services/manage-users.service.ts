import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Db, Executor } from '../store/database.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { deleteUserSessions } from '../store/sessions.repository.js';
import { listUnits } from '../store/units.repository.js';
import {
  deleteUser,
  findUsersByUsername,
  getUser,
  insertUser,
  listUsers,
  updateUser,
  type UserChange,
  type UserRecord,
} from '../store/users.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { UserCreateBody, UserDto, UserPatchBody } from '../shared/api/users.js';
import { hashPassword } from './password-hash.js';
import { checkPassword } from './password-policy.js';

/**
 * Admin user management. Rules beyond the request schema: a reporter is bound to a unit of the
 * org; usernames are unique across orgs (sign-in asks for no org); at least one active admin
 * remains; an admin cannot delete or disable themself. A new password or a disabled account
 * ends the user's sessions.
 */

export async function listOrgUsers(db: Db, orgId: string): Promise<UserDto[]> {
  return (await listUsers(db.kysely, orgId)).map(toUserDto);
}

export async function createUser(db: Db, ctx: WriteContext, body: UserCreateBody): Promise<UserDto> {
  const unitId = body.unitId ?? null;
  await checkUnit(db.kysely, ctx.orgId, body.role, unitId);
  if ((await findUsersByUsername(db.kysely, body.username)).length > 0) throw taken(body.username);
  await checkPassword(body.password, body.username, 'password');
  const passwordHash = await hashPassword(body.password);
  try {
    const user = await db.kysely.transaction().execute((trx) =>
      insertUser(trx, ctx, {
        id: randomUUID(),
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        unitId: body.role === 'reporter' ? unitId : null,
        passwordHash,
        disabled: false,
      }),
    );
    return toUserDto(user);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(body.username);
    throw e;
  }
}

export async function patchUser(
  db: Db,
  ctx: WriteContext & { userId: string },
  id: string,
  body: UserPatchBody,
): Promise<UserDto> {
  if (body.password !== undefined) {
    // An unknown id is the transaction's 404 below.
    const target = await getUser(db.kysely, ctx.orgId, id);
    if (target) await checkPassword(body.password, target.username, 'password');
  }
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  const user = await db.kysely.transaction().execute(async (trx) => {
    const before = await mustGet(trx, ctx.orgId, id);
    const role = body.role ?? before.role;
    const unitId = role === 'reporter' ? (body.unitId !== undefined ? body.unitId : before.unitId) : null;
    await checkUnit(trx, ctx.orgId, role, unitId);
    const disabled = body.disabled ?? before.disabled;
    if (id === ctx.userId && disabled)
      throw new ConflictError('error.delete_self', {}, { field: 'disabled' });
    if (before.role === 'admin' && !before.disabled && (role !== 'admin' || disabled)) {
      await keepAnAdmin(trx, ctx.orgId, id);
    }
    const change: UserChange = { role, unitId, disabled };
    if (body.displayName !== undefined) change.displayName = body.displayName;
    // An admin setting a password also lifts a lock-out.
    if (passwordHash !== undefined)
      Object.assign(change, { passwordHash, failedLogins: 0, lockedUntil: null });
    const after = await updateUser(trx, ctx, before, change);
    if (passwordHash !== undefined || disabled) await deleteUserSessions(trx, ctx.orgId, id);
    return after;
  });
  return toUserDto(user);
}

export async function removeUser(db: Db, ctx: WriteContext & { userId: string }, id: string): Promise<void> {
  if (id === ctx.userId) throw new ConflictError('error.delete_self');
  await db.kysely.transaction().execute(async (trx) => {
    const user = await mustGet(trx, ctx.orgId, id);
    if (user.role === 'admin' && !user.disabled) await keepAnAdmin(trx, ctx.orgId, id);
    await deleteUserSessions(trx, ctx.orgId, id);
    await deleteUser(trx, ctx, user);
  });
}

export function toUserDto(u: UserRecord): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
  };
}

async function checkUnit(exec: Executor, orgId: string, role: string, unitId: string | null): Promise<void> {
  if (role !== 'reporter') return;
  if (unitId === null) throw new ValidationError('error.reporter_needs_unit', {}, { field: 'unitId' });
  const units = await listUnits(exec, orgId);
  if (!units.some((u) => u.id === unitId)) {
    throw new ValidationError('error.unit_not_found', { id: unitId }, { field: 'unitId' });
  }
}

async function keepAnAdmin(exec: Executor, orgId: string, leaving: string): Promise<void> {
  const others = (await listUsers(exec, orgId)).filter(
    (u) => u.role === 'admin' && !u.disabled && u.id !== leaving,
  );
  if (others.length === 0) throw new ConflictError('error.last_admin');
}

async function mustGet(exec: Executor, orgId: string, id: string): Promise<UserRecord> {
  const user = await getUser(exec, orgId, id);
  if (!user) throw new NotFoundError('error.user_not_found', { id }, { field: 'id' });
  return user;
}

function taken(username: string): ConflictError {
  return new ConflictError('error.username_taken', { username }, { field: 'username' });
}
