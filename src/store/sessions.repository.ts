import type { Executor } from './database.js';
import type { SessionsTable } from './schema.js';

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

export async function getSession(exec: Executor, orgId: string, id: string): Promise<SessionRecord | null> {
  const row = await exec
    .selectFrom('sessions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
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

function fromRow(r: SessionsTable): SessionRecord {
  return {
    orgId: r.org_id,
    id: r.id,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
  };
}
