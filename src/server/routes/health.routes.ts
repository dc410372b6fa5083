import { t } from '../../i18n/index.js';
import { databaseAnswers } from '../../services/database-health.service.js';
import { healthSchema, readinessSchema, type Readiness } from '../../shared/api/health.js';
import { VERSION } from '../../version.js';
import { anyone } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';

/** How long the readiness check waits for the database before calling it down. */
const READY_TIMEOUT_MS = 2_000;

/**
 * GET /api/health: the process answers (liveness). Touches no database: a database outage must
 * not get the process restarted, and it is also the bench's floor.
 * GET /api/health/ready: the database answers too (readiness); 503 while it does not.
 */
export function healthRoutes(app: ApiApp, ctx: ServerContext): void {
  app.get(
    '/api/health',
    {
      onRequest: anyone(),
      schema: { tags: ['system'], summary: 'Liveness and version', response: { 200: healthSchema } },
    },
    async () => ({ ok: true as const, version: VERSION }),
  );

  app.get(
    '/api/health/ready',
    {
      onRequest: anyone(),
      schema: {
        tags: ['system'],
        summary: 'Readiness: does the database answer? 503 while it does not',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const up = await databaseAnswers(ctx.db, READY_TIMEOUT_MS);
      const body: Readiness = {
        ok: up,
        version: VERSION,
        database: {
          state: up ? 'up' : 'down',
          dialect: ctx.db.dialect,
          message: t(request.locale, up ? 'health.db_up' : 'health.db_down'),
        },
      };
      return reply.code(up ? 200 : 503).send(body);
    },
  );
}
