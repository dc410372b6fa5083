import type { Harness } from '../api/harness.js';
import { loadConfig } from '../../src/config.js';
import type { ReminderSettings } from '../../src/shared/api/reminders.js';
import {
  DEFAULT_REMINDER_SETTINGS,
  putReminderSettings,
} from '../../src/services/reminders/reminder-settings.service.js';
import { runReminderPass, type PassOutcome } from '../../src/services/reminders/run-reminders.service.js';

/** Shared pieces of the reminder tests: settings, a pass at a given instant, outbox reads. */

/**
 * The tests' receivers listen on 127.0.0.1: their configuration lets webhooks reach loopback, as
 * a deployment relaying through a local sidecar would (the guard itself: webhook-guard.test.ts).
 */
export const TEST_CONFIG = loadConfig({ WEBHOOK_ALLOW_LOOPBACK: 'true' });

/** Only "1 day before a milestone": on 2025-12-30 the Sanmen plan has exactly one such milestone. */
export const D1_ONLY: ReminderSettings['rules'] = {
  milestoneDaysBefore: [1],
  reportDaysBefore: [],
  overdueEveryDays: null,
  escalateAfterDays: null,
  overdueMaxRepeats: null,
};

/** 10:00 in Sanmen the day before item 68's "到2025年" milestone (2025-12-31), the only one that day. */
export const EVE_OF_2025 = new Date('2025-12-30T02:00:00.000Z');

export type SettingsPatch = {
  locale?: ReminderSettings['locale'];
  rules?: Partial<ReminderSettings['rules']>;
  inApp?: Partial<ReminderSettings['channels']['inApp']>;
  webhook?: Partial<ReminderSettings['channels']['webhook']>;
  email?: Partial<ReminderSettings['channels']['email']>;
};

export function settingsWith(patch: SettingsPatch): ReminderSettings {
  const d = DEFAULT_REMINDER_SETTINGS;
  return {
    locale: patch.locale ?? d.locale,
    rules: { ...d.rules, ...patch.rules },
    channels: {
      inApp: { ...d.channels.inApp, ...patch.inApp },
      webhook: { ...d.channels.webhook, ...patch.webhook },
      email: { ...d.channels.email, ...patch.email },
    },
  };
}

export async function configure(h: Harness, patch: SettingsPatch): Promise<void> {
  await putReminderSettings(
    h.t.db,
    { orgId: h.orgId, actor: 'admin', at: h.clock.now.toISOString() },
    settingsWith(patch),
    { allowLoopback: TEST_CONFIG.webhookAllowLoopback },
  );
}

export function pass(
  h: Harness,
  at: Date,
  opts: { worker?: string; advisoryLock?: boolean; webhookAllowLoopback?: boolean } = {},
): Promise<PassOutcome> {
  return runReminderPass({
    db: h.t.db,
    now: () => at,
    timeZone: TEST_CONFIG.timeZone,
    webhookAllowLoopback: TEST_CONFIG.webhookAllowLoopback,
    ...opts,
  });
}

export async function outbox(h: Harness) {
  return h.t.db.kysely
    .selectFrom('reminder_outbox')
    .selectAll()
    .where('org_id', '=', h.orgId)
    .orderBy('dedupe_key')
    .execute();
}

export async function attempts(h: Harness) {
  return h.t.db.kysely
    .selectFrom('reminder_attempts')
    .selectAll()
    .where('org_id', '=', h.orgId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function notificationsOf(h: Harness, userId: string) {
  return h.t.db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', h.orgId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function minutesAfter(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}
