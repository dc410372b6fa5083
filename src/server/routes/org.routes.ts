import { orgPatchBodySchema, orgSchema } from '../../shared/api/org.js';
import { orgQuerySchema } from '../../shared/api/orgs.js';
import { getOrgView, patchOrg } from '../../services/org-settings.service.js';
import { ANY_ROLE, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, readOrgOf, SECURED, SECURED_WRITE, writeContextOf } from './route-support.js';

export function orgRoutes(app: ApiApp, ctx: ServerContext): void {
  app.get(
    '/api/org',
    {
      onRequest: requireRole(ctx, ...ANY_ROLE),
      schema: {
        tags: ['org'],
        summary: 'The organisation: name and warning window',
        security: SECURED,
        querystring: orgQuerySchema,
        response: { 200: orgSchema, ...errors(401) },
      },
    },
    async (request) => getOrgView(ctx.db, (await readOrgOf(ctx, request)).orgId),
  );

  app.patch(
    '/api/org',
    {
      onRequest: requireRole(ctx, 'admin'),
      schema: {
        tags: ['org'],
        summary: 'Rename the organisation or change its warning window (days)',
        security: SECURED_WRITE,
        body: orgPatchBodySchema,
        response: { 200: orgSchema, ...errors(400, ...AUTH_ERRORS, 409) },
      },
    },
    async (request) => patchOrg(ctx.db, writeContextOf(ctx, request), request.body),
  );
}
