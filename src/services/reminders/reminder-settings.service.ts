import { DEFAULT_OVERDUE_MAX_REPEATS, DEFAULT_REMINDER_RULES } from '../../domain/reminders/rules.js';
import { ValidationError } from '../../domain/errors.js';
import { webhookUrlRefusal, type WebhookAddressPolicy } from '../../domain/reminders/webhook-address.js';
import { reminderSettingsSchema, SECRET_MASK, type ReminderSettings } from '../../shared/api/reminders.js';
import type { Db, Executor } from '../../store/database.js';
import {
  loadReminderSettingsJson,
  saveReminderSettingsJson,
} from '../../store/reminder-settings.repository.js';
import { listUnits } from '../../store/units.repository.js';
import type { WriteContext } from '../../store/write-context.js';

/**
 * GET and PUT /org/reminders: the rules and channels. Secrets — the webhook's signing secret,
 * the query string of its URL (a DingTalk robot's access_token is there), the SMTP password —
 * are answered masked; a PUT that sends a mask back keeps the stored value. The audit log gets
 * the masked settings and which secrets changed, never the secrets.
 */

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  locale: 'zh-CN',
  rules: {
    milestoneDaysBefore: [...DEFAULT_REMINDER_RULES.milestoneDaysBefore],
    reportDaysBefore: [...DEFAULT_REMINDER_RULES.reportDaysBefore],
    overdueEveryDays: DEFAULT_REMINDER_RULES.overdueEveryDays,
    escalateAfterDays: DEFAULT_REMINDER_RULES.escalateAfterDays,
    overdueMaxRepeats: DEFAULT_OVERDUE_MAX_REPEATS,
  },
  channels: {
    inApp: { enabled: true },
    webhook: { enabled: false, kind: 'dingtalk', url: '', secret: '' },
    email: {
      enabled: false,
      host: '',
      port: 465,
      secure: true,
      user: '',
      password: '',
      from: '',
      officeAddresses: [],
      unitAddresses: [],
    },
  },
};

/** The stored settings over the defaults (a section missing or unreadable: its defaults). */
export async function loadReminderSettings(exec: Executor, orgId: string): Promise<ReminderSettings> {
  const stored = (await loadReminderSettingsJson(exec, orgId)) as Partial<ReminderSettings> | null;
  if (!stored || typeof stored !== 'object') return DEFAULT_REMINDER_SETTINGS;
  const d = DEFAULT_REMINDER_SETTINGS;
  const merged = {
    locale: stored.locale ?? d.locale,
    rules: { ...d.rules, ...stored.rules },
    channels: {
      inApp: { ...d.channels.inApp, ...stored.channels?.inApp },
      webhook: { ...d.channels.webhook, ...stored.channels?.webhook },
      email: { ...d.channels.email, ...stored.channels?.email },
    },
  };
  const parsed = reminderSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
}

export async function getReminderSettingsView(db: Db, orgId: string): Promise<ReminderSettings> {
  return maskSettings(await loadReminderSettings(db.kysely, orgId));
}

export async function putReminderSettings(
  db: Db,
  ctx: WriteContext,
  body: ReminderSettings,
  /** WEBHOOK_ALLOW_LOOPBACK (config.ts); refused unless told. */
  webhookPolicy: WebhookAddressPolicy = { allowLoopback: false },
): Promise<ReminderSettings> {
  await db.kysely.transaction().execute(async (trx) => {
    const stored = await loadReminderSettings(trx, ctx.orgId);
    const next = unmaskSettings(body, stored);
    checkWebhookHost(next, webhookPolicy);
    await checkUnits(trx, ctx.orgId, next);
    await saveReminderSettingsJson(trx, ctx, next, {
      before: maskSettings(stored),
      after: { ...maskSettings(next), secretsChanged: changedSecrets(stored, next) },
    });
  });
  return getReminderSettingsView(db, ctx.orgId);
}

/** The settings a form sent, with masked secrets replaced by the stored ones. */
export function unmaskSettings(incoming: ReminderSettings, stored: ReminderSettings): ReminderSettings {
  const { webhook, email } = incoming.channels;
  const was = stored.channels;
  return {
    ...incoming,
    channels: {
      ...incoming.channels,
      webhook: {
        ...webhook,
        url: webhook.url === maskUrl(was.webhook.url) ? was.webhook.url : webhook.url,
        secret: webhook.secret === SECRET_MASK ? was.webhook.secret : webhook.secret,
      },
      email: { ...email, password: email.password === SECRET_MASK ? was.email.password : email.password },
    },
  };
}

export function maskSettings(s: ReminderSettings): ReminderSettings {
  const { webhook, email } = s.channels;
  return {
    ...s,
    channels: {
      ...s.channels,
      webhook: { ...webhook, url: maskUrl(webhook.url), secret: webhook.secret ? SECRET_MASK : '' },
      email: { ...email, password: email.password ? SECRET_MASK : '' },
    },
  };
}

/** Query values and a password in the URL masked: the rest shows which endpoint it is. */
export function maskUrl(url: string): string {
  if (url === '') return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.password) u.password = SECRET_MASK;
  for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, SECRET_MASK);
  return u.toString();
}

function changedSecrets(a: ReminderSettings, b: ReminderSettings): string[] {
  const out: string[] = [];
  if (a.channels.webhook.url !== b.channels.webhook.url) out.push('channels.webhook.url');
  if (a.channels.webhook.secret !== b.channels.webhook.secret) out.push('channels.webhook.secret');
  if (a.channels.email.password !== b.channels.email.password) out.push('channels.email.password');
  return out;
}

async function checkUnits(exec: Executor, orgId: string, s: ReminderSettings): Promise<void> {
  const known = new Set((await listUnits(exec, orgId)).map((u) => u.id));
  s.channels.email.unitAddresses.forEach((entry, i) => {
    if (!known.has(entry.unitId)) {
      throw new ValidationError(
        'error.reminder_unknown_unit',
        { id: entry.unitId },
        { field: `channels.email.unitAddresses.${i}.unitId` },
      );
    }
  });
}

/**
 * A host that is plainly the server itself or the metadata service is refused when saved, so the
 * office learns it now rather than from the send log. Names are judged when sending, on what they
 * resolve to then (webhook-address.ts).
 */
function checkWebhookHost(s: ReminderSettings, policy: WebhookAddressPolicy): void {
  const refusal = webhookUrlRefusal(s.channels.webhook.url, policy);
  if (!refusal) return;
  throw new ValidationError(
    refusal.reason === 'loopback' ? 'error.webhook_loopback_refused' : 'error.webhook_address_refused',
    { host: refusal.host },
    { field: 'channels.webhook.url' },
  );
}
