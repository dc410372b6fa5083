import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import {
  webhookAddressRefusal,
  type AddressRefusal,
  type WebhookAddressPolicy,
} from '../../domain/reminders/webhook-address.js';

/**
 * One HTTP(S) POST that connects only to addresses the webhook policy allows
 * (domain/reminders/webhook-address.ts). node:http rather than fetch: fetch (undici) takes its
 * connect options only through an undici Agent, which is not a dependency here, while
 * node:http takes a `lookup` — so the addresses DNS answers are judged at the moment of
 * connecting, and a name that resolves to 127.0.0.1 or 169.254.169.254 (or a rebinding name
 * that changed its answer since the settings were saved) never gets a socket. A literal
 * address never reaches `lookup`, so it is judged before the request. Redirects are not
 * followed: a 3xx is the receiver's answer, a failure (fetch had `redirect: 'error'`).
 */

/** The address a webhook would have connected to is refused: retrying cannot help. */
export class RefusedAddressError extends Error {
  readonly code = 'EWEBHOOKADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: AddressRefusal,
  ) {
    super(`${host} (${address}): ${reason} address refused`);
    this.name = 'RefusedAddressError';
  }
}

export class PostTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timeout after ${timeoutMs / 1000} s`);
    this.name = 'TimeoutError';
  }
}

export interface PostAnswer {
  status: number;
  /** The body's first `maxBodyBytes`, as UTF-8. */
  text: string;
}

export interface PostOptions {
  timeoutMs: number;
  policy: WebhookAddressPolicy;
  headers?: Record<string, string>;
  /** A receiver's answer is only logged (shortened): no reason to hold more of it in memory. */
  maxBodyBytes?: number;
}

/** dns.lookup, then every answer judged: one refused address refuses the name. */
export function guardedLookup(policy: WebhookAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const reason = webhookAddressRefusal(a.address, policy);
        if (reason) return callback(new RefusedAddressError(hostname, a.address, reason), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

export async function guardedPost(url: string, body: string, opts: PostOptions): Promise<PostAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
  if (!send) throw new Error(`unsupported protocol ${target.protocol}`);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    const reason = webhookAddressRefusal(host, opts.policy);
    if (reason) throw new RefusedAddressError(host, host, reason);
  }
  const maxBodyBytes = opts.maxBodyBytes ?? 64 * 1024;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: guardedLookup(opts.policy),
    // A socket of its own: a pooled one may have been opened without this lookup.
    agent: false,
  };
  return new Promise<PostAnswer>((resolve, reject) => {
    // The whole exchange, answer included, as fetch's AbortSignal.timeout did.
    // Once it fires, whatever error the destroyed request or answer then reports is the timeout.
    const timeout = new PostTimeoutError(opts.timeoutMs);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(timeout);
    }, opts.timeoutMs);
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(timedOut ? timeout : e);
    };
    const req = send(target, options, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (c: Buffer) => {
        if (kept >= maxBodyBytes) return;
        chunks.push(c.subarray(0, maxBodyBytes - kept));
        kept += Math.min(c.length, maxBodyBytes - kept);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }));
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}
