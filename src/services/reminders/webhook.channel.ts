import { createHmac } from 'node:crypto';
import { t, type Locale } from '../../i18n/index.js';
import { guardedPost, PostTimeoutError, RefusedAddressError, type PostAnswer } from './guarded-post.js';
import type { RenderedMessage } from './reminder-message.js';

/**
 * The webhook channel: a DingTalk group robot (自定义机器人, markdown message, optionally signed
 * with 加签: timestamp + HMAC-SHA256 of "timestamp\nsecret", base64, URL-encoded, as DingTalk
 * documents) or a generic JSON body for any other receiver. One POST, with a timeout, only to
 * an address the webhook policy allows (guarded-post.ts), redirects not followed.
 */

export interface WebhookConfig {
  kind: 'dingtalk' | 'json';
  url: string;
  secret: string;
}

export interface SendResult {
  ok: boolean;
  /** The receiver's answer or the error, for the send log (shortened). */
  detail: string;
  /** Retrying cannot help (a refused address): the row fails now instead of in 8 attempts. */
  final?: boolean;
}

export interface WebhookMessage extends RenderedMessage {
  footer: string;
  /** Machine-readable fields of the generic JSON body. */
  data: Record<string, unknown>;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
const DETAIL_MAX = 500;

export function dingTalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The URL to POST to: DingTalk's signed robots take timestamp and sign in the query string. */
export function webhookUrl(config: WebhookConfig, now: Date): string {
  if (config.kind !== 'dingtalk' || !config.secret) return config.url;
  const timestamp = now.getTime();
  const url = new URL(config.url);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', dingTalkSign(config.secret, timestamp));
  return url.toString();
}

export function webhookBody(config: WebhookConfig, message: WebhookMessage): unknown {
  if (config.kind === 'dingtalk') {
    return {
      msgtype: 'markdown',
      markdown: {
        title: message.title,
        text: `#### ${message.title}\n\n${message.text}\n\n> ${message.footer}`,
      },
    };
  }
  return { title: message.title, text: message.text, ...message.data };
}

export async function sendWebhook(
  config: WebhookConfig,
  message: WebhookMessage,
  opts: {
    now: Date;
    timeoutMs?: number;
    /** WEBHOOK_ALLOW_LOOPBACK (config.ts). */
    allowLoopback: boolean;
    /** Of the refusal's explanation in the send log (the org's reminder language). */
    locale: Locale;
  },
): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  let res: PostAnswer;
  try {
    res = await guardedPost(webhookUrl(config, opts.now), JSON.stringify(webhookBody(config, message)), {
      timeoutMs,
      policy: { allowLoopback: opts.allowLoopback },
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'reform-ledger' },
    });
  } catch (e) {
    if (e instanceof PostTimeoutError) return { ok: false, detail: `timeout after ${timeoutMs / 1000} s` };
    if (e instanceof RefusedAddressError) {
      const detail = t(opts.locale, 'reminder.detail.webhook_address_refused', {
        host: e.host,
        address: e.address,
        what: t(opts.locale, `reminder.address.${e.reason}`),
      });
      return { ok: false, final: true, detail: short(detail) };
    }
    const err = e as Error & { code?: string };
    return { ok: false, detail: short(err.code ?? err.message) };
  }
  const text = res.text;
  const detail = short(`HTTP ${res.status} ${text}`.trim());
  if (res.status < 200 || res.status > 299) return { ok: false, detail };
  // DingTalk answers 200 with {"errcode":310000,"errmsg":"sign not match"} when it refuses.
  if (config.kind === 'dingtalk') {
    try {
      const body = JSON.parse(text) as { errcode?: number };
      if (typeof body.errcode === 'number' && body.errcode !== 0) return { ok: false, detail };
    } catch {
      // not JSON: a proxy or a test receiver; the status said yes
    }
  }
  return { ok: true, detail };
}

function short(s: string): string {
  return s.length > DETAIL_MAX ? `${s.slice(0, DETAIL_MAX)}…` : s;
}
