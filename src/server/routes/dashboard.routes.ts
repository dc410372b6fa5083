import { z } from 'zod';
import { dashboardSchema } from '../../shared/api/dashboard.js';
import { asOfQuerySchema } from '../../shared/api/items.js';
import { orgQueryShape, orgQuerySchema } from '../../shared/api/orgs.js';
import { timelineSchema } from '../../shared/api/timeline.js';
import { findingsSchema } from '../../shared/api/findings.js';
import { buildDashboard } from '../../services/dashboard.service.js';
import { buildTimeline } from '../../services/timeline.service.js';
import { listFindings } from '../../services/findings.service.js';
import {
  exportQualityReport,
  type QualityReportFormat,
} from '../../services/export-quality-report.service.js';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ANY_ROLE, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { asOfOr, errors, readLedgerOf, SECURED } from './route-support.js';

/** Overviews of the current plan: dashboard, timeline, findings and their report. Every signed-in role reads them. */
export function overviewRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);

  app.get(
    '/api/dashboard',
    {
      onRequest: signedIn,
      schema: {
        tags: ['plan'],
        summary: 'Counts by status, milestones per quarter, key items, unit workload as of a date',
        security: SECURED,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: dashboardSchema, ...errors(400, 401) },
      },
    },
    async (request) => buildDashboard(await readLedgerOf(ctx, request), asOfOr(ctx, request.query.asOf)),
  );

  app.get(
    '/api/timeline',
    {
      onRequest: signedIn,
      schema: {
        tags: ['plan'],
        summary: 'Every item’s milestones by quarter, with statuses as of a date',
        security: SECURED,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: timelineSchema, ...errors(400, 401) },
      },
    },
    async (request) => buildTimeline(await readLedgerOf(ctx, request), asOfOr(ctx, request.query.asOf)),
  );

  app.get(
    '/api/findings',
    {
      onRequest: signedIn,
      schema: {
        tags: ['plan'],
        summary: 'Plan-quality findings of the current version',
        security: SECURED,
        querystring: orgQuerySchema,
        response: { 200: findingsSchema, ...errors(401) },
      },
    },
    async (request) => listFindings(ctx.db, await readLedgerOf(ctx, request)),
  );

  for (const [format, type] of Object.entries(REPORT_TYPES) as [QualityReportFormat, string][]) {
    app.get(
      `/api/findings/report.${format}`,
      {
        onRequest: signedIn,
        schema: {
          tags: ['plan'],
          summary: `The plan-quality report (规范性检查报告) of the current version as .${format}, in the caller's language`,
          security: SECURED,
          querystring: orgQuerySchema,
          produces: [type],
          response: { 200: z.unknown().describe("The report's bytes"), ...errors(401, 404) },
        },
      },
      async (request, reply) => {
        const file = await exportQualityReport(
          ctx.db,
          await readLedgerOf(ctx, request),
          format,
          request.locale,
        );
        return reply
          .type(type)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes));
      },
    );
  }
}

const REPORT_TYPES: Record<QualityReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
