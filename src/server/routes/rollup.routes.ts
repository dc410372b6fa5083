import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readsBelow } from '../../domain/org-tree.js';
import {
  rollupQuerySchema,
  rollupSchema,
  rollupSearchQuerySchema,
  rollupSearchSchema,
  rollupThemesQuerySchema,
  rollupThemesSchema,
} from '../../shared/api/rollup.js';
import { readBelowOf } from '../../store/org-tree.repository.js';
import { buildRollup } from '../../services/rollup.service.js';
import { buildThemes } from '../../services/rollup-themes.service.js';
import { searchPage } from '../../services/rollup-search.service.js';
import { exportRollup } from '../../services/rollup-export.service.js';
import type { RollupContext, RollupRoot } from '../../services/org-subtree.service.js';
import { t } from '../../i18n/index.js';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { asOfOr, errors, readOrgOf, SECURED } from './route-support.js';

/**
 * Roll-up views for a city or the province (issue 9): GET /api/rollup, /themes, /search and
 * /export.xlsx over the subtree of `?org=` (default: the caller's own org). Only orgs the caller
 * may read are in it: without the read-below grant (or the admin role) that is their own org
 * alone, and the roll-up has no rows. `?org=` of an org they may not read is a 404, as on every
 * read route.
 */
export function rollupRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const rctx: RollupContext = { db: ctx.db, ledgerCache: ctx.ledgerCache, timeZone: ctx.config.timeZone };

  /**
   * The root of the roll-up: an org below the caller's (the hook checked it may be read), or their
   * own org — with what is below it only when they read below (grant or admin).
   */
  const rootOf = async (request: FastifyRequest): Promise<RollupRoot> => {
    const scope = await readOrgOf(ctx, request);
    if (scope.access === 'below') return { orgId: scope.orgId, below: true };
    const { user } = authOf(request);
    const readBelow = await readBelowOf(ctx.db.kysely, user.orgId, user.id);
    return { orgId: scope.orgId, below: readsBelow({ orgId: user.orgId, role: user.role, readBelow }) };
  };

  app.get(
    '/api/rollup',
    {
      onRequest: signedIn,
      schema: {
        tags: ['rollup'],
        summary: 'The orgs below one org side by side: statuses, milestones, reports, ranking (赛马)',
        security: SECURED,
        querystring: rollupQuerySchema,
        response: { 200: rollupSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      buildRollup(rctx, await rootOf(request), {
        scope: request.query.scope ?? 'children',
        type: request.query.type ?? null,
        asOf: asOfOr(ctx, request.query.asOf),
      }),
  );

  app.get(
    '/api/rollup/themes',
    {
      onRequest: signedIn,
      schema: {
        tags: ['rollup'],
        summary:
          'Items across the orgs below grouped by similar titles (the same reform in several counties)',
        security: SECURED,
        querystring: rollupThemesQuerySchema,
        response: { 200: rollupThemesSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      buildThemes(rctx, await rootOf(request), {
        asOf: asOfOr(ctx, request.query.asOf),
        similarity: request.query.similarity,
        minOrgs: request.query.minOrgs,
      }),
  );

  app.get(
    '/api/rollup/search',
    {
      onRequest: signedIn,
      schema: {
        tags: ['rollup'],
        summary: 'Items of every org in the subtree matching text, status, key: org by org in tree order',
        security: SECURED,
        querystring: rollupSearchQuerySchema,
        response: { 200: rollupSearchSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      searchPage(rctx, await rootOf(request), { ...request.query, asOf: asOfOr(ctx, request.query.asOf) }),
  );

  app.get(
    '/api/rollup/export.xlsx',
    {
      onRequest: signedIn,
      schema: {
        tags: ['rollup'],
        summary: 'The subtree’s orgs with their figures and the matching items across them, as .xlsx',
        security: SECURED,
        querystring: rollupSearchQuerySchema.omit({ page: true, pageSize: true }),
        produces: [XLSX],
        response: { 200: z.unknown().describe('The workbook'), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const asOf = asOfOr(ctx, request.query.asOf);
      const file = await exportRollup(
        rctx,
        await rootOf(request),
        { ...request.query, asOf },
        request.locale,
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachmentDisposition(t(request.locale, 'rollup.xlsx.file', { org: file.rootName, asOf })),
        )
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
