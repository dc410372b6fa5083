import type { FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import type { Authenticated } from '../../services/auth.service.js';
import { ownScope, resolveReadScope, type ReadScope } from '../../services/org-access.service.js';
import type { ServerContext } from '../context.js';

/**
 * `?org=<orgId>` (issue 9), checked by the access hook (requireRole) on every route, once the
 * session and role are known and before the route runs:
 *
 * - a write (anything but GET/HEAD) naming another org is refused (403): writes stay in one's own org;
 * - a read naming an org the caller may not read answers 404 (its existence is not revealed);
 * - a read naming a readable org on a route that does not declare `org` in its querystring (the
 *   office's own pages: users, audit, reminders, to-do) is a 400, rather than silently showing
 *   the caller's own org under another org's id.
 *
 * Routes read the outcome with readOrgOf (route-support.ts).
 */

const scopes = new WeakMap<FastifyRequest, ReadScope>();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function orgParam(request: FastifyRequest): string | undefined {
  const raw = (request.query as Record<string, unknown> | null | undefined)?.org;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new ValidationError('validation.org_id', {}, { field: 'org' });
  return raw;
}

/** Does the route's querystring schema declare `org`? (zod objects expose their shape.) */
function honoursOrg(request: FastifyRequest): boolean {
  const qs = request.routeOptions.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
  return qs?.shape !== undefined && 'org' in qs.shape;
}

export async function checkOrgParam(
  ctx: ServerContext,
  request: FastifyRequest,
  auth: Authenticated,
): Promise<void> {
  const requested = orgParam(request);
  if (requested === undefined || requested === auth.user.orgId) return;
  if (!SAFE_METHODS.has(request.method)) throw new ForbiddenError('error.write_other_org');
  const scope = await resolveReadScope(ctx.db, auth.user, requested);
  if (!honoursOrg(request)) throw new ValidationError('error.org_param_unsupported', {}, { field: 'org' });
  scopes.set(request, scope);
}

/** What checkOrgParam decided for this request; the caller's own org when `org` was not given. */
export async function scopeOf(
  ctx: ServerContext,
  request: FastifyRequest,
  auth: Authenticated,
): Promise<ReadScope> {
  const known = scopes.get(request);
  if (known) return known;
  const requested = orgParam(request);
  if (requested === undefined) return ownScope(auth.user);
  // A route whose hook did not check (none today): decide here, by the same rule.
  if (!SAFE_METHODS.has(request.method) && requested !== auth.user.orgId) {
    throw new ForbiddenError('error.write_other_org');
  }
  const scope = await resolveReadScope(ctx.db, auth.user, requested);
  scopes.set(request, scope);
  return scope;
}
