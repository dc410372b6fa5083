import { asOfQuerySchema } from '../../shared/api/items.js';
import { orgQueryShape, orgQuerySchema } from '../../shared/api/orgs.js';
import {
  periodRangeQuerySchema,
  scoreboardHistorySchema,
  scoreboardSchema,
  snapshotChangesSchema,
  snapshotParamsSchema,
  trendSchema,
} from '../../shared/api/scoreboard.js';
import { parsePeriod } from '../../domain/reporting/period.js';
import { buildScoreboard, buildScoreboardHistory } from '../../services/scoreboard.service.js';
import { snapshotChanges, statusTrend, type Clock } from '../../services/snapshots.service.js';
import { ANY_ROLE, requireRole } from '../auth/require-role.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import { asOfOr, errors, readLedgerOf, SECURED } from './route-support.js';

/** Trends, what changed per period, and the scoreboard (晾晒): every signed-in role reads them. */
export function scoreboardRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  // A snapshot a request finds missing (its due date has passed) is taken then and kept.
  const clock = (): Clock => ({ today: today(ctx), at: ctx.now().toISOString() });

  app.get(
    '/api/dashboard/trend',
    {
      onRequest: signedIn,
      schema: {
        tags: ['scoreboard'],
        summary: 'Items by status per reporting period (kept snapshots; the current period live)',
        security: SECURED,
        querystring: periodRangeQuerySchema.extend(orgQueryShape),
        response: { 200: trendSchema, ...errors(400, 401) },
      },
    },
    async (request) => statusTrend(ctx.db, await readLedgerOf(ctx, request), request.query, clock()),
  );

  app.get(
    '/api/snapshots/:period/changes',
    {
      onRequest: signedIn,
      schema: {
        tags: ['scoreboard'],
        summary: 'What changed from the period before to this one: became red, recovered, done …',
        security: SECURED,
        params: snapshotParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: snapshotChangesSchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      snapshotChanges(ctx.db, await readLedgerOf(ctx, request), parsePeriod(request.params.period), clock()),
  );

  app.get(
    '/api/scoreboard',
    {
      onRequest: signedIn,
      schema: {
        tags: ['scoreboard'],
        summary: 'Lead units ranked as of a date, with the formula’s weights and last period’s ranks',
        security: SECURED,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: scoreboardSchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      buildScoreboard(ctx.db, await readLedgerOf(ctx, request), asOfOr(ctx, request.query.asOf)),
  );

  app.get(
    '/api/scoreboard/history',
    {
      onRequest: signedIn,
      schema: {
        tags: ['scoreboard'],
        summary: 'The scoreboard as of each period’s due date, each row with its previous rank',
        security: SECURED,
        querystring: periodRangeQuerySchema.extend(orgQueryShape),
        response: { 200: scoreboardHistorySchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      buildScoreboardHistory(ctx.db, await readLedgerOf(ctx, request), request.query, today(ctx)),
  );
}
