import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import type { ErrorBody } from '../../shared/api/common.js';
import { localeFrom } from './locale.js';

/**
 * Requests Fastify refuses before routing (a URL with broken percent-encoding): answered like
 * every other error — our body shape, in the caller's language, without echoing the URL or
 * naming the framework — and with the headers the security plugin cannot add, since no hook runs.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const locale = localeFrom(request.headers['accept-language']);
  const bad = error.code === 'FST_ERR_BAD_URL';
  const body: ErrorBody = {
    error: bad
      ? { code: 'validation', message: t(locale, 'error.bad_url'), field: 'url' }
      : { code: 'internal', message: t(locale, 'error.internal_http') },
  };
  void reply
    .code(bad ? 400 : 500)
    .headers({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    })
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
