import type { FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import type { ApiApp, ServerContext } from '../context.js';
import { toHttpError } from '../http/error-mapping.js';
import { localeFrom } from '../http/locale.js';

/** One error handler for the whole app, and the 404 of /api (the web app has its own fallback). */
export function registerErrorHandling(app: ApiApp, ctx: ServerContext): void {
  app.setErrorHandler((error, request, reply) => {
    const locale = request.locale ?? localeFrom(request.headers['accept-language']);
    const mapped = toHttpError(error, { locale, maxUploadBytes: ctx.config.maxUploadBytes });
    if (mapped.internal) request.log.error({ err: error }, 'request failed');
    if (mapped.headers) void reply.headers(mapped.headers);
    return reply
      .code(mapped.status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(mapped.body));
  });
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.locale ?? localeFrom(request.headers['accept-language']);
  const body = {
    error: {
      code: 'not_found',
      message: t(locale, 'error.route_not_found', {
        method: request.method,
        url: request.url.split('?')[0]!,
      }),
    },
  };
  return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
