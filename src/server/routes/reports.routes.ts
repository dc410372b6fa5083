import type { FastifyRequest } from 'fastify';
import { asOfQuerySchema } from '../../shared/api/items.js';
import {
  contributionBodySchema,
  itemKeyParamsSchema,
  itemPeriodParamsSchema,
  itemReportsSchema,
  reportParamsSchema,
  reportSchema,
  reportsPageSchema,
  reportsQuerySchema,
  returnBodySchema,
  revisionBodySchema,
  saveReportBodySchema,
  todoSchema,
} from '../../shared/api/reports.js';
import { orgQueryShape, orgQuerySchema } from '../../shared/api/orgs.js';
import { contributeReport } from '../../services/contribute-report.service.js';
import { getReport, getReportByItem } from '../../services/get-report.service.js';
import { itemReports } from '../../services/item-reports.service.js';
import { listReportsPage } from '../../services/list-reports.service.js';
import { reportTodo } from '../../services/report-todo.service.js';
import type { ReportCaller } from '../../services/report-support.js';
import { reviewReport } from '../../services/review-report.service.js';
import { saveReport } from '../../services/save-report.service.js';
import { submitReport } from '../../services/submit-report.service.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import {
  AUTH_ERRORS,
  asOfOr,
  errors,
  ledgerOf,
  readLedgerOf,
  readOrgOf,
  SECURED,
  SECURED_WRITE,
  writeContextOf,
} from './route-support.js';

/**
 * Progress reports (进展报送). Who may do what is decided per report by
 * domain/reporting/report-access.ts; the hooks here only keep out who never may (viewers write
 * nothing). A report the caller may not read answers 404, as if it did not exist.
 */
export function reportsRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const writer = requireRole(ctx, 'admin', 'reporter');
  const office = requireRole(ctx, 'admin');
  const caller = (request: FastifyRequest) => callerOf(ctx, request);
  // Reads may name an org below (?org=, issue 9): there the caller is a viewer of that org.
  const reader = async (request: FastifyRequest): Promise<ReportCaller> => {
    const scope = await readOrgOf(ctx, request);
    const own = callerOf(ctx, request);
    return scope.access === 'own'
      ? own
      : { ...own, orgId: scope.orgId, role: scope.role, unitId: scope.unitId };
  };

  app.get(
    '/api/reports/todo',
    {
      onRequest: writer,
      schema: {
        tags: ['reports'],
        summary: "我的待办: this period's reports the caller's unit owes, and returned reports",
        security: SECURED,
        querystring: asOfQuerySchema,
        response: { 200: todoSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) =>
      reportTodo(ctx.db, await ledgerOf(ctx, request), caller(request), asOfOr(ctx, request.query.asOf)),
  );

  app.get(
    '/api/reports',
    {
      onRequest: signedIn,
      schema: {
        tags: ['reports'],
        summary: 'Reports the caller may read, newest period first: the review queue is status=submitted',
        security: SECURED,
        querystring: reportsQuerySchema.extend(orgQueryShape),
        response: { 200: reportsPageSchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      listReportsPage(ctx.db, await readLedgerOf(ctx, request), await reader(request), request.query),
  );

  app.get(
    '/api/reports/by-item/:itemKey/:period',
    {
      onRequest: signedIn,
      schema: {
        tags: ['reports'],
        summary: "An item's report for a period (404 when there is none the caller may read)",
        security: SECURED,
        params: itemPeriodParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: reportSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      getReportByItem(
        ctx.db,
        await readLedgerOf(ctx, request),
        await reader(request),
        request.params.itemKey,
        request.params.period,
      ),
  );

  app.put(
    '/api/reports/by-item/:itemKey/:period',
    {
      onRequest: writer,
      schema: {
        tags: ['reports'],
        summary: 'Write the report: create it (revision null, 201) or update a draft or returned one',
        security: SECURED_WRITE,
        params: itemPeriodParamsSchema,
        body: saveReportBodySchema,
        response: { 200: reportSchema, 201: reportSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      const { created, report } = await saveReport(
        ctx.db,
        await ledgerOf(ctx, request),
        caller(request),
        request.params.itemKey,
        request.params.period,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(report);
    },
  );

  app.get(
    '/api/reports/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['reports'],
        summary: 'One report with contributions, evidence, history and what the caller may do',
        security: SECURED,
        params: reportParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: reportSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      getReport(ctx.db, await readLedgerOf(ctx, request), await reader(request), request.params.id),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      onRequest: writer,
      schema: {
        tags: ['reports'],
        summary: 'Submit a draft or returned report to the office',
        security: SECURED_WRITE,
        params: reportParamsSchema,
        body: revisionBodySchema,
        response: { 200: reportSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      submitReport(
        ctx.db,
        await ledgerOf(ctx, request),
        caller(request),
        request.params.id,
        request.body.revision,
      ),
  );

  app.post(
    '/api/reports/:id/return',
    {
      onRequest: office,
      schema: {
        tags: ['reports'],
        summary: 'Return a submitted report to the lead unit with a comment',
        security: SECURED_WRITE,
        params: reportParamsSchema,
        body: returnBodySchema,
        response: { 200: reportSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      reviewReport(
        ctx.db,
        await ledgerOf(ctx, request),
        caller(request),
        request.params.id,
        request.body.revision,
        {
          action: 'return',
          comment: request.body.comment,
        },
      ),
  );

  app.post(
    '/api/reports/:id/approve',
    {
      onRequest: office,
      schema: {
        tags: ['reports'],
        summary: 'Approve a submitted report: it then counts in the status engine',
        security: SECURED_WRITE,
        params: reportParamsSchema,
        body: revisionBodySchema,
        response: { 200: reportSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      reviewReport(
        ctx.db,
        await ledgerOf(ctx, request),
        caller(request),
        request.params.id,
        request.body.revision,
        {
          action: 'approve',
        },
      ),
  );

  app.put(
    '/api/reports/:id/contribution',
    {
      onRequest: writer,
      schema: {
        tags: ['reports'],
        summary: "A co-unit's own narrative on the report (its own revision; null to start it)",
        security: SECURED_WRITE,
        params: reportParamsSchema,
        body: contributionBodySchema,
        response: { 200: reportSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      contributeReport(
        ctx.db,
        await ledgerOf(ctx, request),
        caller(request),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/api/items/by-key/:itemKey/reports',
    {
      onRequest: signedIn,
      schema: {
        tags: ['reports'],
        summary: "An item's reports (newest first) and approved target actuals for the chart",
        security: SECURED,
        params: itemKeyParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: itemReportsSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      itemReports(ctx.db, await readLedgerOf(ctx, request), await reader(request), request.params.itemKey),
  );
}

function callerOf(ctx: ServerContext, request: FastifyRequest): ReportCaller {
  const { user } = authOf(request);
  return {
    ...writeContextOf(ctx, request),
    role: user.role,
    unitId: user.unitId,
    today: today(ctx),
    timeZone: ctx.config.timeZone,
  };
}
