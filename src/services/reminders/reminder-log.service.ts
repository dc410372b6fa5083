import { t, type Locale } from '../../i18n/index.js';
import type { ReminderLog } from '../../shared/api/reminders.js';
import type { Db } from '../../store/database.js';
import { getOrg } from '../../store/orgs.repository.js';
import { listOutbox, type OutboxStatus } from '../../store/reminder-outbox.repository.js';
import { listUnits } from '../../store/units.repository.js';
import { listUsers } from '../../store/users.repository.js';
import { renderReminder, type ReminderPayload } from './reminder-message.js';

/** GET /reminders/log: the outbox, newest first, each row with its attempts, in words. */
export async function reminderLog(
  db: Db,
  orgId: string,
  query: { status?: OutboxStatus; page?: number; pageSize?: number },
  locale: Locale,
): Promise<ReminderLog> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const [{ rows, total }, users, units, org] = await Promise.all([
    listOutbox(db.kysely, orgId, { ...(query.status ? { status: query.status } : {}), page, pageSize }),
    listUsers(db.kysely, orgId),
    listUnits(db.kysely, orgId),
    getOrg(db.kysely, orgId),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName || u.username]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const recipientOf = (recipient: string, payload: ReminderPayload): string => {
    const addresses = (payload.addresses ?? []).join(', ');
    if (recipient.startsWith('user:')) {
      return userName.get(recipient.slice(5)) ?? t(locale, 'reminder.recipient.unknown_user');
    }
    if (recipient === 'webhook') return t(locale, 'reminder.recipient.webhook');
    if (recipient.startsWith('email:unit:'))
      return `${unitName.get(recipient.slice(11)) ?? ''} <${addresses}>`;
    if (recipient === 'email:office') return `${t(locale, 'reminder.recipient.office')} <${addresses}>`;
    return addresses || recipient;
  };
  return {
    page,
    pageSize,
    total,
    rows: rows.map((r) => {
      const payload = r.payload as ReminderPayload;
      return {
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        recipient: recipientOf(r.recipient, payload),
        title: renderReminder(locale, payload.kind, { ...payload.params, org: org?.name ?? '' }).title,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt,
        lastError: r.lastError,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        log: r.log.map((a) => ({ at: a.at, worker: a.worker, ok: a.ok, detail: a.detail })),
      };
    }),
  };
}
