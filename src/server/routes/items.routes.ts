import {
  asOfQuerySchema,
  itemDetailSchema,
  itemFiltersSchema,
  itemNumberParamsSchema,
  itemsPageSchema,
  itemsQuerySchema,
} from '../../shared/api/items.js';
import { orgQueryShape } from '../../shared/api/orgs.js';
import { listItems } from '../../services/list-items.service.js';
import { itemDetail } from '../../services/item-detail.service.js';
import { exportItems } from '../../services/export-items.service.js';
import { exportLedgerXlsx } from '../../services/export-ledger.service.js';
import { t } from '../../i18n/index.js';
import { ANY_ROLE, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { asOfOr, errors, readLedgerOf, SECURED } from './route-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function itemsRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);

  app.get(
    '/api/items',
    {
      onRequest: signedIn,
      schema: {
        tags: ['items'],
        summary: 'Items of the current plan: filters, text search, sort, pages',
        security: SECURED,
        querystring: itemsQuerySchema.extend(orgQueryShape),
        response: { 200: itemsPageSchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      listItems(ctx.db, await readLedgerOf(ctx, request), request.query, asOfOr(ctx, request.query.asOf)),
  );

  app.get(
    '/api/items/export.xlsx',
    {
      onRequest: signedIn,
      schema: {
        tags: ['items'],
        summary: 'The filtered list as .xlsx (all pages); formula-like cells neutralised',
        security: SECURED,
        querystring: itemFiltersSchema.extend(orgQueryShape),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const asOf = asOfOr(ctx, request.query.asOf);
      const body = await exportItems(
        ctx.db,
        await readLedgerOf(ctx, request),
        request.query,
        asOf,
        request.locale,
      );
      const name = `${request.locale === 'zh-CN' ? '改革事项' : 'items'}-${asOf}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="items-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    },
  );

  app.get(
    '/api/ledger.xlsx',
    {
      onRequest: signedIn,
      schema: {
        tags: ['items'],
        summary:
          "The ledger workbook (台账): the plan's own columns plus status, next deadline, latest report, target actuals; the list's filters, plan order",
        security: SECURED,
        querystring: itemFiltersSchema.extend(orgQueryShape),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const asOf = asOfOr(ctx, request.query.asOf);
      const file = await exportLedgerXlsx(
        ctx.db,
        await readLedgerOf(ctx, request),
        request.query,
        asOf,
        request.locale,
      );
      const name = `${t(request.locale, 'ledger.file')}-${asOf}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="ledger-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/api/items/:number',
    {
      onRequest: signedIn,
      schema: {
        tags: ['items'],
        summary: 'One item with statuses, unit ids, findings and history',
        security: SECURED,
        params: itemNumberParamsSchema,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: itemDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      itemDetail(
        ctx.db,
        await readLedgerOf(ctx, request),
        request.params.number,
        asOfOr(ctx, request.query.asOf),
      ),
  );
}
