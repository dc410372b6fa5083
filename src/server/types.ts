// The cookie plugin's additions to request and reply (request.cookies, reply.setCookie).
import type {} from '@fastify/cookie';
// Route option `config.rateLimit`.
import type {} from '@fastify/rate-limit';
// request.file() of multipart uploads.
import type {} from '@fastify/multipart';
import type { Locale } from '../i18n/index.js';
import type { Authenticated } from '../services/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** From Accept-Language (zh-CN unless English is preferred). */
    locale: Locale;
    /** Set by requireRole once the session is verified; null on public routes. */
    auth: Authenticated | null;
  }
}

export {};
