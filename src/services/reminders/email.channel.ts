import nodemailer from 'nodemailer';
import type { RenderedMessage } from './reminder-message.js';
import type { SendResult } from './webhook.channel.js';

/** The e-mail channel: plain-text mail over SMTP (nodemailer), with timeouts on every phase. */

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS when offered. */
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export async function sendEmail(
  config: SmtpConfig,
  to: readonly string[],
  message: RenderedMessage & { footer: string },
): Promise<SendResult> {
  if (to.length === 0) return { ok: false, detail: 'no recipients' };
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
    ...SMTP_TIMEOUTS,
  });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: [...to],
      subject: message.title,
      text: `${message.text}\n\n${message.footer}\n`,
    });
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) return { ok: false, detail: `rejected: ${rejected.join(', ')}` };
    return { ok: true, detail: String(info.response ?? 'sent').slice(0, 500) };
  } catch (e) {
    const err = e as Error & { code?: string; response?: string };
    return {
      ok: false,
      detail: [err.code, err.response ?? err.message].filter(Boolean).join(' ').slice(0, 500),
    };
  } finally {
    transport.close();
  }
}
