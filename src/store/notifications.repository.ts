import { randomUUID } from 'node:crypto';
import type { Executor } from './database.js';
import { chunks, fromJson, toCount, toJson, type WriteContext } from './write-context.js';

/** In-app notifications (站内消息): one row per recipient. */

export interface NewNotification {
  userId: string;
  /** Catalogue key suffix: notification.<kind> */
  kind: string;
  params?: Record<string, string | number | null> | null;
  /** A path of the web app to open. */
  link?: string | null;
}

export async function insertNotifications(
  exec: Executor,
  ctx: WriteContext,
  rows: readonly NewNotification[],
): Promise<void> {
  const values = rows.map((n) => ({
    org_id: ctx.orgId,
    id: randomUUID(),
    user_id: n.userId,
    created_at: ctx.at,
    kind: n.kind,
    params: toJson(n.params),
    link: n.link ?? null,
    read_at: null,
  }));
  for (const part of chunks(values)) await exec.insertInto('notifications').values(part).execute();
}

// Reading side (the bell): each user sees and marks only their own. Not audited — reading a
// message is the user's own business, and the step that caused it is audited already.

export interface NotificationRecord {
  id: string;
  userId: string;
  createdAt: string;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
  readAt: string | null;
}

/** The user's newest notifications (optionally unread only) and how many are unread in all. */
export async function listNotifications(
  exec: Executor,
  orgId: string,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ notifications: NotificationRecord[]; unread: number }> {
  let q = exec
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 50)
    .execute();
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      createdAt: r.created_at,
      kind: r.kind,
      params: fromJson<Record<string, unknown>>(r.params) ?? {},
      link: r.link,
      readAt: r.read_at,
    })),
    unread: await countUnread(exec, orgId, userId),
  };
}

export async function countUnread(exec: Executor, orgId: string, userId: string): Promise<number> {
  const row = await exec
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markNotificationRead(
  exec: Executor,
  orgId: string,
  userId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const mine = await exec
    .selectFrom('notifications')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!mine) return false;
  await exec
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
  return true;
}

/** Marks every unread notification of the user read; returns how many were. */
export async function markAllNotificationsRead(
  exec: Executor,
  orgId: string,
  userId: string,
  at: string,
): Promise<number> {
  const r = await exec
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
