import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';

export const SESSION_COOKIE = 'rl_session';

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, Secure
 * when served over HTTPS. No Max-Age: closing the browser ends it; the server ends it after the
 * idle timeout either way.
 */
export function setSessionCookie(reply: FastifyReply, config: Config, value: string): void {
  void reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: config.cookieSecure,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: config.cookieSecure,
  });
}
