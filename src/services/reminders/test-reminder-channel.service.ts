import { randomUUID } from 'node:crypto';
import { t, type Locale } from '../../i18n/index.js';
import type { ReminderTestBody, ReminderTestResult } from '../../shared/api/reminders.js';
import type { Db } from '../../store/database.js';
import { getOrg } from '../../store/orgs.repository.js';
import { claimOutbox, getOutbox, insertOutbox } from '../../store/reminder-outbox.repository.js';
import type { WriteContext } from '../../store/write-context.js';
import type { ReminderPayload } from './reminder-message.js';
import { loadReminderSettings, unmaskSettings } from './reminder-settings.service.js';
import { deliverRow } from './send-reminders.service.js';

/**
 * 测试发送: a test message through one channel now, with the settings the form holds (masked
 * secrets taken from the stored ones) — so the office can try a webhook before saving it. It is
 * an outbox row like any other (kind `test`, its own key), so it shows in the send log with its
 * attempt; it is not retried.
 */
export async function testReminderChannel(
  db: Db,
  ctx: WriteContext & { userId: string },
  body: ReminderTestBody,
  locale: Locale,
  /** WEBHOOK_ALLOW_LOOPBACK (config.ts). */
  webhookAllowLoopback = false,
): Promise<ReminderTestResult> {
  const stored = await loadReminderSettings(db.kysely, ctx.orgId);
  const settings = body.settings ? unmaskSettings(body.settings, stored) : stored;
  const orgName = (await getOrg(db.kysely, ctx.orgId))?.name ?? '';
  const worker = `test:${ctx.actor}`;
  const to = body.to ? [body.to] : settings.channels.email.officeAddresses;
  const payload: ReminderPayload = {
    kind: 'test',
    params: { org: orgName, channel: body.channel },
    link: '/reminders',
    userId: body.channel === 'in_app' ? ctx.userId : null,
    addresses: body.channel === 'email' ? [...to] : [],
  };
  const recipient =
    body.channel === 'in_app'
      ? `user:${ctx.userId}`
      : body.channel === 'webhook'
        ? 'webhook'
        : `email:${to.join(',')}`;
  const dedupeKey = `test:${randomUUID()}`;
  await insertOutbox(
    db.kysely,
    ctx.orgId,
    [{ dedupeKey, kind: 'test', channel: body.channel, recipient, payload }],
    ctx.at,
  );
  const inserted = await db.kysely
    .selectFrom('reminder_outbox')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  const now = new Date(ctx.at);
  const row = await claimOutbox(
    db.kysely,
    ctx.orgId,
    inserted.id,
    worker,
    ctx.at,
    new Date(now.getTime() + 60_000).toISOString(),
  );
  if (!row) throw new Error('a fresh test row could not be claimed');
  const outcome = await deliverRow(
    { db, now: () => now, worker, webhookAllowLoopback },
    row,
    settings,
    orgName,
    {
      retry: false,
    },
  );
  const after = await getOutbox(db.kysely, ctx.orgId, row.id);
  const ok = outcome === 'sent';
  const detail =
    ok && body.channel === 'in_app'
      ? t(locale, 'reminder.detail.test_in_app')
      : (after?.lastError ?? (await lastDetail(db, ctx.orgId, row.id)) ?? '');
  return { ok, detail };
}

async function lastDetail(db: Db, orgId: string, outboxId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('reminder_attempts')
    .select('detail')
    .where('org_id', '=', orgId)
    .where('outbox_id', '=', outboxId)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row?.detail ?? null;
}
