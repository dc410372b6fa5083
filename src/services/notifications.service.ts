import { NotFoundError } from '../domain/errors.js';
import type { Locale } from '../i18n/index.js';
import type { NotificationsDto } from '../shared/api/reminders.js';
import type { Db } from '../store/database.js';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../store/notifications.repository.js';
import { notificationText } from './reminders/reminder-message.js';

/** The signed-in user's own notifications (the bell): list, mark one read, mark all read. */

export interface Reader {
  orgId: string;
  userId: string;
}

export async function myNotifications(
  db: Db,
  me: Reader,
  opts: { unreadOnly: boolean },
  locale: Locale,
): Promise<NotificationsDto> {
  const { notifications, unread } = await listNotifications(db.kysely, me.orgId, me.userId, opts);
  return {
    unread,
    notifications: notifications.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: notificationText(locale, n.kind, n.params),
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
  };
}

/** Another user's notification is "not found", as one that does not exist. */
export async function readNotification(
  db: Db,
  me: Reader,
  id: string,
  at: string,
): Promise<{ unread: number }> {
  if (!(await markNotificationRead(db.kysely, me.orgId, me.userId, id, at))) {
    throw new NotFoundError('error.notification_not_found', {}, { field: 'id' });
  }
  return { unread: await countUnread(db.kysely, me.orgId, me.userId) };
}

export async function readAllNotifications(db: Db, me: Reader, at: string): Promise<{ unread: number }> {
  await markAllNotificationsRead(db.kysely, me.orgId, me.userId, at);
  return { unread: 0 };
}
