import {
  publicAtQuerySchema,
  publicAtSchema,
  publicationHistoryQuerySchema,
  publicationHistorySchema,
  publicationPeriodParamsSchema,
  publicationPeriodSchema,
  publicationsSchema,
  publicationSummarySchema,
  publicSummaryBodySchema,
  publicSummaryParamsSchema,
  publicSummarySchema,
  publishBodySchema,
} from '../../shared/api/publications.js';
import {
  editPublicSummary,
  listPublicationsView,
  publicationHistory,
  publicationPeriodView,
  toPublicationSummary,
  whatWasPublic,
} from '../../services/publications.service.js';
import { publishPeriod, withdrawPeriod } from '../../services/publish-period.service.js';
import { findPublication } from '../../store/publications.repository.js';
import { authOf, requireRole } from '../auth/require-role.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import { publicCacheOf } from '../public/public-cache.js';
import { AUTH_ERRORS, errors, ledgerOf, SECURED, SECURED_WRITE, writeContextOf } from './route-support.js';

/**
 * 政务公开, the office's side (admins only, reads included: what is about to be public is the
 * office's work in progress). Publishing and withdrawing tell this server's public site at once;
 * other servers notice within the public site's state TTL (docs/public-portal.md).
 */
export function publicationsRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');
  const orgOf = (request: Parameters<typeof authOf>[0]) => authOf(request).user.orgId;

  app.get(
    '/api/publications',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: 'Published and withdrawn periods, and the periods that may be published',
        security: SECURED,
        response: { 200: publicationsSchema, ...errors(...AUTH_ERRORS) },
      },
    },
    async (request) => listPublicationsView(ctx.db, await ledgerOf(ctx, request), today(ctx), request.locale),
  );

  app.get(
    '/api/publications/history',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: 'Every publish and withdraw, newest first (one period with ?period=)',
        security: SECURED,
        querystring: publicationHistoryQuerySchema,
        response: { 200: publicationHistorySchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => publicationHistory(ctx.db, orgOf(request), request.query.period, request.locale),
  );

  app.get(
    '/api/publications/public-at',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: 'What the public site showed at an instant: each period public then, with its content',
        security: SECURED,
        querystring: publicAtQuerySchema,
        response: { 200: publicAtSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => whatWasPublic(ctx.db, orgOf(request), request.query.at),
  );

  app.get(
    '/api/publications/:period',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: "A period: its publication, and each item's status and public summary",
        security: SECURED,
        params: publicationPeriodParamsSchema,
        response: { 200: publicationPeriodSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) =>
      publicationPeriodView(
        ctx.db,
        await ledgerOf(ctx, request),
        request.params.period,
        today(ctx),
        request.locale,
      ),
  );

  app.post(
    '/api/publications/:period/publish',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: 'Publish (or republish) a period: its public view is frozen now and shown at once',
        security: SECURED_WRITE,
        params: publicationPeriodParamsSchema,
        body: publishBodySchema,
        response: { 200: publicationSummarySchema, ...errors(400, ...AUTH_ERRORS, 409) },
      },
    },
    async (request) => {
      const write = writeContextOf(ctx, request);
      const p = await publishPeriod(ctx.db, await ledgerOf(ctx, request), write, request.params.period, {
        today: today(ctx),
        includeScoreboard: request.body.includeScoreboard,
      });
      await publicCacheOf(ctx).invalidate(write.orgId);
      return summary(write.orgId, p.period, request.locale);
    },
  );

  app.post(
    '/api/publications/:period/withdraw',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary: 'Withdraw a published period from the public site (its history is kept)',
        security: SECURED_WRITE,
        params: publicationPeriodParamsSchema,
        response: { 200: publicationSummarySchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const write = writeContextOf(ctx, request);
      const p = await withdrawPeriod(ctx.db, write, request.params.period);
      await publicCacheOf(ctx).invalidate(write.orgId);
      return summary(write.orgId, p.period, request.locale);
    },
  );

  app.put(
    '/api/publications/:period/summaries/:itemKey',
    {
      onRequest: admin,
      schema: {
        tags: ['publications'],
        summary:
          "An item's public summary for the period (empty: none); public once the period is published again",
        security: SECURED_WRITE,
        params: publicSummaryParamsSchema,
        body: publicSummaryBodySchema,
        response: { 200: publicSummarySchema, ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) =>
      editPublicSummary(
        ctx.db,
        await ledgerOf(ctx, request),
        writeContextOf(ctx, request),
        request.params,
        request.body.text,
      ),
  );

  async function summary(orgId: string, period: string, locale: Parameters<typeof toPublicationSummary>[2]) {
    return toPublicationSummary(orgId, (await findPublication(ctx.db.kysely, orgId, period))!, locale);
  }
}
