import { z } from 'zod';
import { optionalParam } from './common.js';

/**
 * Reminders (催办) and in-app notifications (issue 7): the organisation's reminder rules and
 * channels, the send log, and each user's notifications. Secrets (the webhook's signing secret,
 * the access token in its URL, the SMTP password) never leave the server: GET answers them
 * masked, and a PUT that sends the mask back keeps what is stored.
 */

export const SECRET_MASK = '******';

export const REMINDER_CHANNELS = ['in_app', 'webhook', 'email'] as const;
export const reminderChannelSchema = z.enum(REMINDER_CHANNELS);
export type ReminderChannel = z.infer<typeof reminderChannelSchema>;

export const WEBHOOK_KINDS = ['dingtalk', 'json'] as const;

const days = (max: number) => z.array(z.number().int().min(0).max(max)).max(6);

export const reminderRulesSchema = z.object({
  /** Remind the item's units this many days before each milestone deadline. */
  milestoneDaysBefore: days(180),
  /** Remind the lead unit this many days before the period's report is due. */
  reportDaysBefore: days(31),
  /** Overdue milestones and reports: remind every this many days (null: never). */
  overdueEveryDays: z.number().int().min(1).max(90).nullable(),
  /** Overdue this many days: the office (admins) is told too (null: never). */
  escalateAfterDays: z.number().int().min(1).max(365).nullable(),
  /** Stop repeating (and escalating) after this many repeats (null: never stop). */
  overdueMaxRepeats: z.number().int().min(1).max(52).nullable(),
});
export type ReminderRules = z.infer<typeof reminderRulesSchema>;

const email = z.email().max(254);

export const reminderChannelsSchema = z.object({
  inApp: z.object({ enabled: z.boolean() }),
  webhook: z.object({
    enabled: z.boolean(),
    /** dingtalk: a DingTalk group robot (markdown message, optional signing); json: a generic body. */
    kind: z.enum(WEBHOOK_KINDS),
    url: z.string().trim().max(1000),
    /** DingTalk 加签 secret ("SEC…"); empty when the robot is not signed. */
    secret: z.string().trim().max(200),
  }),
  email: z.object({
    enabled: z.boolean(),
    host: z.string().trim().max(255),
    port: z.number().int().min(1).max(65535),
    /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean(),
    user: z.string().trim().max(255),
    password: z.string().max(500),
    from: z.union([email, z.literal('')]),
    /** Where the office's (escalated) reminders go. */
    officeAddresses: z.array(email).max(50),
    /** Each unit's addresses: its reminders go there. */
    unitAddresses: z
      .array(z.object({ unitId: z.string().min(1).max(100), addresses: z.array(email).max(20) }))
      .max(500),
  }),
});

export const reminderSettingsSchema = z
  .object({
    /** Language of webhook and e-mail messages (in-app messages follow each reader's language). */
    locale: z.enum(['zh-CN', 'en-US']),
    rules: reminderRulesSchema,
    channels: reminderChannelsSchema,
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** An enabled channel must be usable: say which field is missing rather than fail at send time. */
export const reminderSettingsBodySchema = reminderSettingsSchema.superRefine((s, ctx) => {
  const need = (ok: boolean, path: (string | number)[], message = 'validation.required') => {
    if (!ok) ctx.addIssue({ code: 'custom', path, message });
  };
  const { webhook, email: mail } = s.channels;
  if (webhook.enabled) {
    need(webhook.url !== '', ['channels', 'webhook', 'url']);
    if (webhook.url !== '')
      need(/^https?:\/\/[^\s/]+/i.test(webhook.url), ['channels', 'webhook', 'url'], 'validation.http_url');
  }
  if (mail.enabled) {
    need(mail.host !== '', ['channels', 'email', 'host']);
    need(mail.from !== '', ['channels', 'email', 'from']);
  }
});

export const reminderTestBodySchema = z.object({
  channel: reminderChannelSchema,
  /** The settings as the form has them (not saved yet); the stored ones when absent. */
  settings: reminderSettingsSchema.optional(),
  /** E-mail test: send to this address (default: the office addresses). */
  to: email.optional(),
});
export type ReminderTestBody = z.infer<typeof reminderTestBodySchema>;

export const reminderTestResultSchema = z.object({ ok: z.boolean(), detail: z.string() });
export type ReminderTestResult = z.infer<typeof reminderTestResultSchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const reminderLogQuerySchema = z.object({
  status: optionalParam(z.enum(OUTBOX_STATUSES)),
  page: optionalParam(z.coerce.number().int().min(1)),
  pageSize: optionalParam(z.coerce.number().int().min(1).max(200)),
});

export const reminderLogRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.string(),
  /** Who it goes to, in words: a user's name, e-mail addresses, "webhook". */
  recipient: z.string(),
  /** The message's title in the request's language. */
  title: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  log: z.array(
    z.object({ at: z.string(), worker: z.string(), ok: z.boolean(), detail: z.string().nullable() }),
  ),
});
export type ReminderLogRow = z.infer<typeof reminderLogRowSchema>;

export const reminderLogSchema = z.object({
  rows: z.array(reminderLogRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReminderLog = z.infer<typeof reminderLogSchema>;

export const notificationsQuerySchema = z.object({
  unread: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** In the request's language. */
  message: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationsSchema = z.object({
  notifications: z.array(notificationSchema),
  /** Unread notifications of the user in all (the list holds the newest 50). */
  unread: z.number().int(),
});
export type NotificationsDto = z.infer<typeof notificationsSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
