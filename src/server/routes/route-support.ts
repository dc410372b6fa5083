import type { FastifyRequest } from 'fastify';
import { errorSchema } from '../../shared/api/common.js';
import { loadLedger, type Ledger } from '../../services/ledger.service.js';
import type { WriteContext } from '../../store/write-context.js';
import { authOf } from '../auth/require-role.js';
import { scopeOf } from '../auth/read-scope.js';
import type { ReadScope } from '../../services/org-access.service.js';
import { today, type ServerContext } from '../context.js';

/** Small helpers every route file shares: the caller's ledger, write context, as-of date. */

export function ledgerOf(ctx: ServerContext, request: FastifyRequest): Promise<Ledger> {
  return loadLedger(ctx.db, ctx.ledgerCache, authOf(request).user.orgId, ctx.config.timeZone);
}

/**
 * Whose data a read route shows (issue 9): `?org=<orgId>` when the caller may read that org (the
 * access hook has checked it: 404 otherwise), else the caller's own org. `role`/`unitId` are what
 * to decide the read with — a reader from above is a `viewer` there. Writes never use this: they
 * use writeContextOf / ledgerOf, always the caller's own org.
 */
export function readOrgOf(ctx: ServerContext, request: FastifyRequest): Promise<ReadScope> {
  return scopeOf(ctx, request, authOf(request));
}

/** The ledger of the org a read route shows (readOrgOf). */
export async function readLedgerOf(ctx: ServerContext, request: FastifyRequest): Promise<Ledger> {
  const { orgId } = await readOrgOf(ctx, request);
  return loadLedger(ctx.db, ctx.ledgerCache, orgId, ctx.config.timeZone);
}

export function writeContextOf(
  ctx: ServerContext,
  request: FastifyRequest,
): WriteContext & { userId: string } {
  const { user } = authOf(request);
  return { orgId: user.orgId, actor: user.username, at: ctx.now().toISOString(), userId: user.id };
}

export function asOfOr(ctx: ServerContext, asOf: string | undefined): string {
  return asOf ?? today(ctx);
}

/** Error responses of a route, for the OpenAPI document (the error handler writes them). */
export function errors(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

/** Errors any signed-in route can answer. */
export const AUTH_ERRORS = [401, 403] as const;

export const SECURED = [{ session: [] }];
export const SECURED_WRITE = [{ session: [], csrf: [] }];
