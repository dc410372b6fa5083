import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TooManyAttemptsError, UnauthenticatedError, ValidationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { appendAudit } from '../store/audit.repository.js';
import { getOrg } from '../store/orgs.repository.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  getSessionWithUser,
  insertSession,
  touchSession,
  type SessionRecord,
} from '../store/sessions.repository.js';
import {
  findUsersByUsername,
  getUser,
  incrementFailedLogins,
  updateUser,
  type UserRecord,
} from '../store/users.repository.js';
import { listUnits } from '../store/units.repository.js';
import type { SessionUser } from '../shared/api/session.js';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.js';
import { checkPassword } from './password-policy.js';
import type { UnknownAccountLockouts } from './unknown-account-lockouts.js';

/**
 * Sign-in, sessions and password change. The cookie carries `orgId.token`: the org id lets the
 * session be found by its primary key (org_id, id) — the id being the token's SHA-256 — without
 * a lookup across tenants; the token is 32 random bytes and is never stored.
 */

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** last_seen_at is written at most this often: not one write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthSettings {
  /** Idle lifetime: a session ends this long after its last request. */
  sessionHours: number;
  /** Absolute lifetime: a session ends this long after sign-in, however active. */
  sessionMaxHours: number;
}

export interface LoginSettings extends AuthSettings {
  /** Lock-outs of usernames that do not exist (see unknown-account-lockouts.ts). */
  unknownAccounts?: UnknownAccountLockouts;
}

export interface Authenticated {
  user: UserRecord;
  session: SessionRecord;
}

export interface LoginResult extends Authenticated {
  /** The cookie value. */
  cookie: string;
  sessionUser: SessionUser;
}

/**
 * `previousCookie` is the session cookie the browser sent with the sign-in, if any: that session
 * ends (the id always changes at sign-in, so a cookie planted before it — session fixation —
 * is worth nothing after it).
 */
export async function login(
  db: Db,
  input: { username: string; password: string },
  settings: LoginSettings,
  now: Date,
  previousCookie?: string,
): Promise<LoginResult> {
  const candidates = await findUsersByUsername(db.kysely, input.username);
  const user = candidates.length === 1 ? candidates[0]! : null;
  if (!user) {
    // Answered as a real account would be: the same work (a hash), the same lock-out.
    const unknown = settings.unknownAccounts;
    const lockedUntil = unknown?.lockedUntil(input.username, now);
    if (lockedUntil) throw locked(new Date(lockedUntil).toISOString(), now);
    await verifyPassword(input.password, await dummyHash());
    const locks = unknown?.fail(input.username, now);
    if (locks) throw locked(new Date(locks).toISOString(), now);
    throw new UnauthenticatedError('error.login_failed');
  }
  const at = now.toISOString();
  const ctx = { orgId: user.orgId, actor: user.username, at };
  if (user.lockedUntil !== null && user.lockedUntil > at) throw locked(user.lockedUntil, now);
  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok || user.disabled) {
    // A disabled account answers like a wrong password: it is not for this person to use.
    if (!ok) await recordFailure(db, user, now);
    throw new UnauthenticatedError('error.login_failed');
  }
  const result = await db.kysely.transaction().execute(async (trx) => {
    if (user.failedLogins > 0 || user.lockedUntil !== null) {
      await updateUser(trx, ctx, user, { failedLogins: 0, lockedUntil: null });
    }
    await deleteExpiredSessions(trx, user.orgId, at);
    const previous = parseCookie(previousCookie);
    if (previous) await deleteSession(trx, previous.orgId, previous.id);
    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      orgId: user.orgId,
      id: sessionId(token),
      userId: user.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: expiry(now, at, settings),
    };
    await insertSession(trx, session);
    await appendAudit(trx, ctx, [{ action: 'create', entity: 'session', entityId: user.id }]);
    const fresh = (await getUser(trx, user.orgId, user.id))!;
    return { cookie: `${user.orgId}.${token}`, user: fresh, session };
  });
  // Outside the transaction: SQLite has one connection, which the transaction holds until it ends.
  return { ...result, sessionUser: await toSessionUser(db, result.user) };
}

/**
 * Counts a wrong password; the fifth in a row locks the account for LOCK_MINUTES (and that
 * attempt already answers "locked"). The count restarts after the lock.
 */
async function recordFailure(db: Db, user: UserRecord, now: Date): Promise<void> {
  const ctx = { orgId: user.orgId, actor: user.username, at: now.toISOString() };
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const lock = await db.kysely.transaction().execute(async (trx) => {
    const failures = await incrementFailedLogins(trx, ctx, user.id);
    if (failures < MAX_FAILED_LOGINS) return false;
    const current = (await getUser(trx, user.orgId, user.id))!;
    await updateUser(trx, ctx, current, { failedLogins: 0, lockedUntil: until });
    return true;
  });
  if (lock) throw locked(until, now);
}

function locked(until: string, now: Date): TooManyAttemptsError {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  return new TooManyAttemptsError('error.account_locked', {
    attempts: MAX_FAILED_LOGINS,
    minutes: Math.ceil(seconds / 60),
    seconds,
  });
}

/** The session a cookie stands for, or null (none, malformed, expired, user gone or disabled). */
export async function authenticate(
  db: Db,
  cookie: string | undefined,
  settings: AuthSettings,
  now: Date,
): Promise<Authenticated | null> {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const { orgId, id } = parsed;
  const found = await getSessionWithUser(db.kysely, orgId, id);
  const at = now.toISOString();
  if (!found) return null;
  const { session, user } = found;
  if (session.expiresAt <= at || absoluteEnd(session.createdAt, settings) <= at) {
    await deleteSession(db.kysely, orgId, id);
    return null;
  }
  if (user.disabled) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    const touched = { lastSeenAt: at, expiresAt: expiry(now, session.createdAt, settings) };
    await touchSession(db.kysely, orgId, id, touched);
    Object.assign(session, touched);
  }
  return { user, session };
}

export async function logout(db: Db, auth: Authenticated, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, auth.session.orgId, auth.session.id);
    await appendAudit(trx, { orgId: auth.user.orgId, actor: auth.user.username, at: now.toISOString() }, [
      { action: 'delete', entity: 'session', entityId: auth.user.id },
    ]);
  });
}

/**
 * A wrong current password counts as a failed login (a stolen session must not become a way to
 * guess the password); the other sessions of the user end, this one stays.
 */
export async function changePassword(
  db: Db,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const user = (await getUser(db.kysely, auth.user.orgId, auth.user.id))!;
  if (user.lockedUntil !== null && user.lockedUntil > now.toISOString()) throw locked(user.lockedUntil, now);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailure(db, user, now);
    throw new ValidationError('error.wrong_password', {}, { field: 'currentPassword' });
  }
  await checkPassword(input.newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const ctx = { orgId: user.orgId, actor: user.username, at: now.toISOString() };
  await db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, ctx, user, { passwordHash, failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(trx, user.orgId, user.id, auth.session.id);
  });
}

/** Constant-time check of the X-CSRF-Token header against the session's token. */
export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  if (!header) return false;
  const a = createHash('sha256').update(header).digest();
  const b = createHash('sha256').update(session.csrfToken).digest();
  return timingSafeEqual(a, b);
}

export async function toSessionUser(db: Db, user: UserRecord): Promise<SessionUser> {
  const org = await getOrg(db.kysely, user.orgId);
  const unitName =
    user.unitId === null
      ? null
      : ((await listUnits(db.kysely, user.orgId)).find((u) => u.id === user.unitId)?.name ?? null);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    unitName,
    org: { id: user.orgId, name: org?.name ?? '' },
  };
}

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The cookie's org id and the session id its token hashes to; null when malformed. */
function parseCookie(cookie: string | undefined): { orgId: string; id: string } | null {
  const dot = cookie?.indexOf('.') ?? -1;
  if (!cookie || dot <= 0 || dot === cookie.length - 1) return null;
  return { orgId: cookie.slice(0, dot), id: sessionId(cookie.slice(dot + 1)) };
}

/** Idle expiry from now, but never past the absolute end: stored, so cleanup finds both. */
function expiry(now: Date, createdAt: string, settings: AuthSettings): string {
  const idle = new Date(now.getTime() + settings.sessionHours * 3_600_000).toISOString();
  const absolute = absoluteEnd(createdAt, settings);
  return idle < absolute ? idle : absolute;
}

function absoluteEnd(createdAt: string, settings: AuthSettings): string {
  return new Date(Date.parse(createdAt) + settings.sessionMaxHours * 3_600_000).toISOString();
}
