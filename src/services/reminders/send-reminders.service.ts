import type { WebhookAddressPolicy } from '../../domain/reminders/webhook-address.js';
import { t } from '../../i18n/index.js';
import type { ReminderSettings } from '../../shared/api/reminders.js';
import type { Db } from '../../store/database.js';
import { insertNotifications } from '../../store/notifications.repository.js';
import { getOrg } from '../../store/orgs.repository.js';
import {
  claimOutbox,
  dueOutboxIds,
  markAttemptFailed,
  markSent,
  recordAttempt,
  type OutboxRecord,
} from '../../store/reminder-outbox.repository.js';
import { getUser } from '../../store/users.repository.js';
import { sendEmail } from './email.channel.js';
import { notificationKind, renderReminder, type ReminderPayload } from './reminder-message.js';
import { loadReminderSettings } from './reminder-settings.service.js';
import { sendWebhook, type SendResult } from './webhook.channel.js';

/**
 * The sender: claims due outbox rows one by one (see reminder-outbox.repository.ts for why a
 * claimed row is sent by one worker only), delivers each through its channel, logs the attempt,
 * and marks the row sent — or schedules a retry with exponential back-off (1, 2, 4 … minutes,
 * at most an hour apart) and gives up after MAX_ATTEMPTS.
 *
 * In-app delivery is one transaction (notification + attempt + sent), so it happens exactly
 * once. A webhook or an e-mail leaves the process before the row is marked: if the process dies
 * between the two, the claim expires and the message goes again (at least once, never twice while
 * the worker lives). Claims last CLAIM_MS, well beyond the channels' own timeouts.
 */

export const MAX_ATTEMPTS = 8;
export const CLAIM_MS = 5 * 60_000;
const BATCH = 100;
const MAX_BATCHES = 50;

export interface SenderDeps {
  db: Db;
  now: () => Date;
  /** Who claims: unique per process and pass (it is written on every claim and attempt). */
  worker: string;
  /** WEBHOOK_ALLOW_LOOPBACK (config.ts): loopback refused unless told. */
  webhookAllowLoopback?: boolean;
}

export interface SendOutcome {
  sent: number;
  retrying: number;
  failed: number;
}

/** Minutes until attempt n + 1 after n failed attempts: 1, 2, 4 … capped at 60. */
export function backoffMinutes(failedAttempts: number): number {
  return Math.min(2 ** Math.max(0, failedAttempts - 1), 60);
}

export async function sendDueReminders(deps: SenderDeps, orgId: string): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, retrying: 0, failed: 0 };
  const settings = await loadReminderSettings(deps.db.kysely, orgId);
  const orgName = (await getOrg(deps.db.kysely, orgId))?.name ?? '';
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = await dueOutboxIds(deps.db.kysely, orgId, deps.now().toISOString(), BATCH);
    if (ids.length === 0) break;
    let claimed = 0;
    for (const id of ids) {
      const now = deps.now();
      const row = await claimOutbox(
        deps.db.kysely,
        orgId,
        id,
        deps.worker,
        now.toISOString(),
        new Date(now.getTime() + CLAIM_MS).toISOString(),
      );
      if (!row) continue;
      claimed++;
      const result = await deliverRow(deps, row, settings, orgName, { retry: true });
      if (result !== 'lost') outcome[result]++;
    }
    // Every row of the batch was someone else's: they are sending it, nothing left for us.
    if (claimed === 0) break;
  }
  return outcome;
}

/** Delivers a row this worker has claimed; what became of it. */
export async function deliverRow(
  deps: SenderDeps,
  row: OutboxRecord,
  settings: ReminderSettings,
  orgName: string,
  opts: { retry: boolean },
): Promise<'sent' | 'retrying' | 'failed' | 'lost'> {
  const payload = row.payload as ReminderPayload;
  if (row.channel === 'in_app') return deliverInApp(deps, row, payload, settings);
  const result = await deliverExternal(row, payload, settings, orgName, deps.now(), {
    allowLoopback: deps.webhookAllowLoopback ?? false,
  });
  return settle(deps, row, result, opts);
}

async function deliverInApp(
  deps: SenderDeps,
  row: OutboxRecord,
  payload: ReminderPayload,
  settings: ReminderSettings,
): Promise<'sent' | 'retrying' | 'failed' | 'lost'> {
  const locale = settings.locale;
  if (!settings.channels.inApp.enabled && payload.kind !== 'test') {
    return settle(deps, row, disabled(locale, 'in_app'), { retry: false });
  }
  const user = payload.userId ? await getUser(deps.db.kysely, row.orgId, payload.userId) : null;
  if (!user || user.disabled) {
    return settle(deps, row, { ok: false, detail: t(locale, 'reminder.detail.no_user') }, { retry: false });
  }
  const at = deps.now().toISOString();
  const won = await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await markSent(trx, row.orgId, row.id, deps.worker, at))) return false;
    await insertNotifications(trx, { orgId: row.orgId, actor: 'reminders', at }, [
      {
        userId: user.id,
        kind: notificationKind(payload.kind),
        params: { ...payload.params },
        link: payload.link,
      },
    ]);
    await recordAttempt(trx, row.orgId, {
      outboxId: row.id,
      at,
      worker: deps.worker,
      ok: true,
      detail: t(locale, 'reminder.detail.in_app'),
    });
    return true;
  });
  return won ? 'sent' : 'lost';
}

/** Sends a webhook or e-mail row with the settings given (the stored ones, or a test's). */
export async function deliverExternal(
  row: Pick<OutboxRecord, 'id' | 'dedupeKey' | 'kind' | 'channel'>,
  payload: ReminderPayload,
  settings: ReminderSettings,
  orgName: string,
  now: Date,
  webhookPolicy: WebhookAddressPolicy,
): Promise<SendResult> {
  const locale = settings.locale;
  const message = renderReminder(locale, payload.kind, { ...payload.params, org: orgName });
  const footer = t(locale, 'reminder.footer', { org: orgName });
  if (row.channel === 'webhook') {
    const webhook = settings.channels.webhook;
    if (!webhook.enabled && payload.kind !== 'test') return disabled(locale, 'webhook');
    if (!webhook.url) return notConfigured(locale, 'webhook');
    const data = {
      event: 'reminder',
      id: row.id,
      dedupeKey: row.dedupeKey,
      kind: payload.kind,
      org: orgName,
      link: payload.link,
      params: payload.params,
      sentAt: now.toISOString(),
    };
    return sendWebhook(
      webhook,
      { ...message, footer, data },
      { now, allowLoopback: webhookPolicy.allowLoopback, locale },
    );
  }
  if (row.channel === 'email') {
    const email = settings.channels.email;
    if (!email.enabled && payload.kind !== 'test') return disabled(locale, 'email');
    if (!email.host || !email.from) return notConfigured(locale, 'email');
    const to = payload.addresses ?? [];
    if (to.length === 0) return { ok: false, detail: t(locale, 'reminder.detail.no_recipients') };
    return sendEmail(email, to, { ...message, footer });
  }
  return { ok: false, detail: `unknown channel ${row.channel}` };
}

async function settle(
  deps: SenderDeps,
  row: OutboxRecord,
  result: SendResult & { final?: boolean },
  opts: { retry: boolean },
): Promise<'sent' | 'retrying' | 'failed' | 'lost'> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const attempts = row.attempts + 1;
    let outcome: 'sent' | 'retrying' | 'failed';
    let mine: boolean;
    if (result.ok) {
      outcome = 'sent';
      mine = await markSent(trx, row.orgId, row.id, deps.worker, at);
    } else {
      const giveUp = !opts.retry || result.final === true || attempts >= MAX_ATTEMPTS;
      const next = giveUp ? null : new Date(now.getTime() + backoffMinutes(attempts) * 60_000).toISOString();
      outcome = giveUp ? 'failed' : 'retrying';
      mine = await markAttemptFailed(trx, row.orgId, row.id, deps.worker, result.detail, next);
    }
    // The attempt happened either way: log it even when the claim was lost meanwhile.
    await recordAttempt(trx, row.orgId, {
      outboxId: row.id,
      at,
      worker: deps.worker,
      ok: result.ok,
      detail: result.detail,
    });
    return mine ? outcome : 'lost';
  });
}

function disabled(locale: ReminderSettings['locale'], channel: string): SendResult & { final: true } {
  return {
    ok: false,
    final: true,
    detail: t(locale, 'reminder.detail.channel_disabled', {
      channel: t(locale, `reminder.channel.${channel}`),
    }),
  };
}

function notConfigured(locale: ReminderSettings['locale'], channel: string): SendResult {
  return {
    ok: false,
    detail: t(locale, 'reminder.detail.not_configured', {
      channel: t(locale, `reminder.channel.${channel}`),
    }),
  };
}
