import { t, type Locale } from '../../i18n/index.js';

/**
 * Reminder texts, from the catalogues (src/i18n/{zh-CN,en-US}/reminders.ts). The outbox keeps
 * the kind and the parameters, not the words: a message reads in the language it is shown in
 * (in-app: the reader's; webhook and e-mail: the org's setting, Chinese by default).
 */

export type ReminderMessageKind =
  | 'milestone_due'
  | 'milestone_overdue'
  | 'milestone_escalation'
  | 'report_due'
  | 'report_overdue'
  | 'report_escalation'
  | 'test';

/** What an outbox row carries: enough to write the message in any language, and where to send it. */
export interface ReminderPayload {
  kind: ReminderMessageKind;
  params: ReminderParams;
  /** A path of the web app. */
  link: string | null;
  /** in_app: the user; email: the addresses. */
  userId?: string | null;
  addresses?: string[];
}

export interface ReminderParams {
  org: string;
  item?: string;
  number?: number | null;
  milestone?: string;
  deadline?: string;
  period?: string;
  dueDate?: string;
  days?: number;
  /** The lead unit's name (escalations name who is late). */
  lead?: string;
  /** Test messages: the channel tried. */
  channel?: string;
}

export interface RenderedMessage {
  title: string;
  text: string;
}

/** The in-app notification kind of a reminder (its text is `notification.<kind>`). */
export function notificationKind(kind: ReminderMessageKind): string {
  return `reminder_${kind}`;
}

export function renderReminder(
  locale: Locale,
  kind: ReminderMessageKind,
  params: ReminderParams,
): RenderedMessage {
  const p = wordsOf(locale, params);
  return {
    title: t(locale, `reminder.title.${kind}`, p),
    text: t(locale, `notification.${notificationKind(kind)}`, p),
  };
}

/** The words of the parameters: dates and periods the locale's way, "还有 3 天" / "今天到期". */
function wordsOf(locale: Locale, params: ReminderParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  const item = params.item ?? '';
  out.ref =
    params.number === null || params.number === undefined
      ? t(locale, 'reminder.item_ref_plain', { item })
      : t(locale, 'reminder.item_ref', { item, number: params.number });
  if (params.deadline) out.deadline = formatDay(locale, params.deadline);
  if (params.dueDate) out.dueDate = formatDay(locale, params.dueDate);
  if (params.period) out.period = formatPeriod(locale, params.period);
  if (params.days !== undefined) {
    out.when =
      params.days === 0
        ? t(locale, 'reminder.when.today')
        : t(locale, 'reminder.when.days_left', { days: params.days });
  }
  if (params.channel) out.channel = t(locale, `reminder.channel.${params.channel}`);
  return out;
}

function formatDay(locale: Locale, iso: string): string {
  const [year, month, day] = iso.split('-');
  return t(locale, 'reminder.date', { year: year!, month: Number(month), day: Number(day), iso });
}

function formatPeriod(locale: Locale, period: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return t(locale, 'reminder.period.quarter', { year: q[1]!, quarter: Number(q[2]) });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? t(locale, 'reminder.period.month', { year: m[1]!, month: Number(m[2]) }) : period;
}

/** The message as a notification list shows it: reminders rendered here, others by their key. */
export function notificationText(locale: Locale, kind: string, params: Record<string, unknown>): string {
  if (kind.startsWith('reminder_')) {
    return renderReminder(
      locale,
      kind.slice('reminder_'.length) as ReminderMessageKind,
      params as unknown as ReminderParams,
    ).text;
  }
  const scalar: Record<string, string | number | (string | number)[]> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') scalar[k] = v;
    else if (v === null) scalar[k] = '';
    else if (Array.isArray(v)) scalar[k] = v.filter((x) => typeof x === 'string' || typeof x === 'number');
  }
  return t(locale, `notification.${kind}`, scalar);
}
