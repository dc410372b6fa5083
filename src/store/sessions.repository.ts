import type { Executor } from './database.js';
import { sql } from 'kysely';
import type { SessionsTable, UsersTable } from './schema.js';
import { toUser, type UserRecord } from './users.repository.js';

/**
 * Sessions in the database so several app servers share them. Rows are bookkeeping of the login,
 * not records users make: the auth service audits logins and logouts; the sliding expiry
 * (`touchSession`) is not audited.
 */

export interface SessionRecord {
  orgId: string;
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(exec: Executor, s: SessionRecord): Promise<void> {
  await exec.insertInto('sessions').values(toRow(s)).execute();
}

/**
 * The session and its user in one query. Raw SQL on purpose: this runs on every request, and
 * the query builder's work cost more than SQLite's.
 */
export async function getSessionWithUser(
  exec: Executor,
  orgId: string,
  id: string,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const { rows } = await sql<
    UsersTable & { s_csrf_token: string; s_created_at: string; s_expires_at: string; s_last_seen_at: string }
  >`select u.*, s.csrf_token as s_csrf_token, s.created_at as s_created_at,
      s.expires_at as s_expires_at, s.last_seen_at as s_last_seen_at
    from sessions s join users u on u.org_id = s.org_id and u.id = s.user_id
    where s.org_id = ${orgId} and s.id = ${id}`.execute(exec);
  const row = rows[0];
  if (!row) return null;
  return {
    session: {
      orgId,
      id,
      userId: row.id,
      csrfToken: row.s_csrf_token,
      createdAt: row.s_created_at,
      expiresAt: row.s_expires_at,
      lastSeenAt: row.s_last_seen_at,
    },
    user: toUser(row),
  };
}

export async function touchSession(
  exec: Executor,
  orgId: string,
  id: string,
  at: { lastSeenAt: string; expiresAt: string },
): Promise<void> {
  await exec
    .updateTable('sessions')
    .set({ last_seen_at: at.lastSeenAt, expires_at: at.expiresAt })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(exec: Executor, orgId: string, id: string): Promise<void> {
  await exec.deleteFrom('sessions').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Ends the user's sessions, except `keepId` (the one changing the password stays signed in). */
export async function deleteUserSessions(
  exec: Executor,
  orgId: string,
  userId: string,
  keepId?: string,
): Promise<void> {
  let q = exec.deleteFrom('sessions').where('org_id', '=', orgId).where('user_id', '=', userId);
  if (keepId !== undefined) q = q.where('id', '<>', keepId);
  await q.execute();
}

export async function deleteExpiredSessions(exec: Executor, orgId: string, now: string): Promise<void> {
  await exec.deleteFrom('sessions').where('org_id', '=', orgId).where('expires_at', '<', now).execute();
}

function toRow(s: SessionRecord): SessionsTable {
  return {
    org_id: s.orgId,
    id: s.id,
    user_id: s.userId,
    csrf_token: s.csrfToken,
    created_at: s.createdAt,
    expires_at: s.expiresAt,
    last_seen_at: s.lastSeenAt,
  };
}
