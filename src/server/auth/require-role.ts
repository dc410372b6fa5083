import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors.js';
import { authenticate, csrfMatches, type Authenticated } from '../../services/auth.service.js';
import { ROLES, type Role } from '../../shared/api/session.js';
import type { ServerContext } from '../context.js';
import { checkOrgParam } from './read-scope.js';
import { SESSION_COOKIE } from './session-cookie.js';

/**
 * Access control, declared on every route as its onRequest hook — before the body is read or
 * validated, so an anonymous upload is refused without being received and an anonymous request
 * learns nothing from validation errors. In order: a valid session (401), the CSRF token on
 * anything but GET/HEAD (403 csrf), the role (403). app.ts refuses to start if an /api route
 * lacks one of these hooks.
 */

const ACCESS = Symbol('access');
type AccessHook = onRequestAsyncHookHandler & { [ACCESS]: true };

export const ANY_ROLE: readonly Role[] = ROLES;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireRole(ctx: ServerContext, ...roles: Role[]): AccessHook {
  const allowed = new Set(roles);
  const hook = async (request: FastifyRequest) => {
    const auth = await authenticate(
      ctx.db,
      request.cookies[SESSION_COOKIE],
      { sessionHours: ctx.config.sessionHours, sessionMaxHours: ctx.config.sessionMaxHours },
      ctx.now(),
    );
    if (!auth) throw new UnauthenticatedError('error.unauthenticated');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(auth.session, header(request, 'x-csrf-token'))) {
      throw new ForbiddenError('error.csrf');
    }
    if (!allowed.has(auth.user.role)) {
      throw new ForbiddenError('error.forbidden_role', { roles: [...allowed].join(', ') });
    }
    // ?org=<id> (issue 9): writes stay in one's own org; reads only of orgs one may read (404).
    await checkOrgParam(ctx, request, auth);
    request.auth = auth;
  };
  return Object.assign(hook, { [ACCESS]: true as const });
}

/** A route anyone may call (health, sign-in, the OpenAPI document): said explicitly. */
export function anyone(): AccessHook {
  const hook = async () => {};
  return Object.assign(hook, { [ACCESS]: true as const });
}

export function isAccessHook(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as Partial<AccessHook>)[ACCESS] === true;
}

/** The signed-in user of a route behind requireRole. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new UnauthenticatedError('error.unauthenticated');
  return request.auth;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
