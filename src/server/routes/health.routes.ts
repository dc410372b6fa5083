import { healthSchema } from '../../shared/api/health.js';
import { VERSION } from '../../version.js';
import { anyone } from '../auth/require-role.js';
import type { ApiApp } from '../context.js';

/** GET /api/health: the process answers. Touches no database: it is also the bench's floor. */
export function healthRoutes(app: ApiApp): void {
  app.get(
    '/api/health',
    {
      onRequest: anyone(),
      schema: { tags: ['system'], summary: 'Liveness and version', response: { 200: healthSchema } },
    },
    async () => ({ ok: true as const, version: VERSION }),
  );
}
