import { z } from 'zod';
import { loginBodySchema, passwordChangeBodySchema, sessionSchema } from '../../shared/api/session.js';
import {
  changePassword,
  LOCK_MINUTES,
  login,
  logout,
  MAX_FAILED_LOGINS,
  toSessionUser,
  type LoginSettings,
} from '../../services/auth.service.js';
import { UnknownAccountLockouts } from '../../services/unknown-account-lockouts.js';
import { ANY_ROLE, anyone, authOf, requireRole } from '../auth/require-role.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth/session-cookie.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED, SECURED_WRITE } from './route-support.js';

export function sessionRoutes(app: ApiApp, ctx: ServerContext): void {
  const settings: LoginSettings = {
    sessionHours: ctx.config.sessionHours,
    sessionMaxHours: ctx.config.sessionMaxHours,
    unknownAccounts: new UnknownAccountLockouts(MAX_FAILED_LOGINS, LOCK_MINUTES * 60_000),
  };
  const signedIn = requireRole(ctx, ...ANY_ROLE);

  app.post(
    '/api/session',
    {
      onRequest: anyone(),
      // Per client address, on top of the per-account lock-out (auth.service).
      config: { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['session'],
        summary: 'Sign in; sets the rl_session cookie',
        body: loginBodySchema,
        response: { 200: sessionSchema, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const result = await login(ctx.db, request.body, settings, ctx.now(), previous);
      setSessionCookie(reply, ctx.config, result.cookie);
      return { user: result.sessionUser, csrfToken: result.session.csrfToken };
    },
  );

  app.get(
    '/api/session',
    {
      onRequest: signedIn,
      schema: {
        tags: ['session'],
        summary: 'The signed-in user and the CSRF token',
        security: SECURED,
        response: { 200: sessionSchema, ...errors(401) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return { user: await toSessionUser(ctx.db, auth.user), csrfToken: auth.session.csrfToken };
    },
  );

  app.delete(
    '/api/session',
    {
      onRequest: signedIn,
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        security: SECURED_WRITE,
        response: { 204: z.undefined(), ...errors(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await logout(ctx.db, authOf(request), ctx.now());
      clearSessionCookie(reply, ctx.config);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/session/password',
    {
      onRequest: signedIn,
      schema: {
        tags: ['session'],
        summary: 'Change the own password (≥ 10 characters, letters and digits); other sessions end',
        security: SECURED_WRITE,
        body: passwordChangeBodySchema,
        response: { 204: z.undefined(), ...errors(400, ...AUTH_ERRORS, 429) },
      },
    },
    async (request, reply) => {
      await changePassword(ctx.db, authOf(request), request.body, ctx.now());
      return reply.code(204).send();
    },
  );
}
