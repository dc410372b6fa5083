import { idParamsSchema } from '../../shared/api/common.js';
import { asOfQuerySchema } from '../../shared/api/items.js';
import { orgQueryShape, orgQuerySchema } from '../../shared/api/orgs.js';
import {
  unitDetailSchema,
  unitGraphSchema,
  unitMergeBodySchema,
  unitPatchBodySchema,
  unitSchema,
  unitsSchema,
} from '../../shared/api/units.js';
import { listUnitsView, unitDetail, unitGraph } from '../../services/units-view.service.js';
import { mergeUnits, patchUnit } from '../../services/manage-units.service.js';
import { ANY_ROLE, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import {
  AUTH_ERRORS,
  asOfOr,
  errors,
  ledgerOf,
  readLedgerOf,
  SECURED,
  SECURED_WRITE,
  writeContextOf,
} from './route-support.js';

export function unitsRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const admin = requireRole(ctx, 'admin');

  app.get(
    '/api/units',
    {
      onRequest: signedIn,
      schema: {
        tags: ['units'],
        summary: 'The unit registry with item counts in the current plan',
        security: SECURED,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: unitsSchema, ...errors(400, 401) },
      },
    },
    async (request) => {
      const asOf = asOfOr(ctx, request.query.asOf);
      return { units: listUnitsView(await readLedgerOf(ctx, request), asOf), asOf };
    },
  );

  app.get(
    '/api/units/graph',
    {
      onRequest: signedIn,
      schema: {
        tags: ['units'],
        summary: 'Units linked by the items they share',
        security: SECURED,
        querystring: orgQuerySchema,
        response: { 200: unitGraphSchema, ...errors(401) },
      },
    },
    async (request) => unitGraph(await readLedgerOf(ctx, request)),
  );

  app.get(
    '/api/units/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['units'],
        summary: 'One unit: the items it leads and co-leads, its next deadlines',
        security: SECURED,
        params: idParamsSchema,
        querystring: asOfQuerySchema.extend(orgQueryShape),
        response: { 200: unitDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) =>
      unitDetail(await readLedgerOf(ctx, request), request.params.id, asOfOr(ctx, request.query.asOf)),
  );

  app.patch(
    '/api/units/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['units'],
        summary: 'Rename a unit (the old name stays an alias) or set its type',
        security: SECURED_WRITE,
        params: idParamsSchema,
        body: unitPatchBodySchema,
        response: { 200: unitSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      await patchUnit(ctx.db, writeContextOf(ctx, request), request.params.id, request.body);
      return unitView(ctx, request, request.params.id);
    },
  );

  app.post(
    '/api/units/:id/merge',
    {
      onRequest: admin,
      schema: {
        tags: ['units'],
        summary: 'Merge a unit into another: links, aliases and users move; its name becomes an alias',
        security: SECURED_WRITE,
        params: idParamsSchema,
        body: unitMergeBodySchema,
        response: { 200: unitSchema, ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => {
      const into = await mergeUnits(ctx.db, writeContextOf(ctx, request), request.params.id, request.body);
      return unitView(ctx, request, into);
    },
  );
}

async function unitView(ctx: ServerContext, request: Parameters<typeof ledgerOf>[1], id: string) {
  return unitDetail(await ledgerOf(ctx, request), id, asOfOr(ctx, undefined)).unit;
}
