import rateLimit from '@fastify/rate-limit';
import type { ApiApp } from '../context.js';

/**
 * @fastify/rate-limit, off by default: routes opt in (sign-in, the public portal). Its 429 goes
 * through the app's own error handling, with Retry-After in whole seconds.
 */
export async function registerRateLimit(app: ApiApp): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate limited'), {
        statusCode: 429,
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
}
