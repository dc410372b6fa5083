import {
  auditEntitiesSchema,
  auditFiltersSchema,
  auditPageSchema,
  auditQuerySchema,
} from '../../shared/api/audit.js';
import { browseAudit, listAuditEntities } from '../../services/browse-audit.service.js';
import { exportAudit } from '../../services/export-audit.service.js';
import { authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { today } from '../context.js';
import { AUTH_ERRORS, errors, SECURED } from './route-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The audit log, read-only: there is no route that writes, edits or deletes it — rows come only
 * from appendAudit inside the write they record (and the database refuses UPDATE and DELETE on
 * audit_log, migration 003). Admin only: it shows every user's actions.
 */
export function auditRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');

  app.get(
    '/api/audit',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first: filters (entity, actor, action, time, text) and pages',
        security: SECURED,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => browseAudit(ctx.db, authOf(request).user.orgId, request.query, ctx.config.timeZone),
  );

  app.get(
    '/api/audit/entities',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: 'The entity kinds that occur in the log (options of the entity filter)',
        security: SECURED,
        response: { 200: auditEntitiesSchema, ...errors(...AUTH_ERRORS) },
      },
    },
    async (request) => listAuditEntities(ctx.db, authOf(request).user.orgId),
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: 'The filtered log as .xlsx (all pages, at most 20 000 rows); formula-like cells neutralised',
        security: SECURED,
        querystring: auditFiltersSchema,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const body = await exportAudit(
        ctx.db,
        authOf(request).user.orgId,
        request.query,
        ctx.config.timeZone,
        request.locale,
      );
      const day = today(ctx);
      const name = `${request.locale === 'zh-CN' ? '审计日志' : 'audit-log'}-${day}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="audit-log-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    },
  );
}
