import {
  orgCreateBodySchema,
  orgGrantBodySchema,
  orgIdParamsSchema,
  orgNodeSchema,
  orgTreeSchema,
  orgUserMoveBodySchema,
  orgUserParamsSchema,
  orgUserSchema,
  orgUsersSchema,
} from '../../shared/api/orgs.js';
import { createOrg, moveUser, orgTree, orgUsers, setGrant } from '../../services/manage-orgs.service.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED, SECURED_WRITE, writeContextOf } from './route-support.js';

/**
 * The org tree (issue 9): everyone sees their own org and, with the read-below grant, the orgs
 * below; admins create orgs below theirs, move users between the orgs they manage and set the
 * grant. Orgs and users outside the admin's subtree answer 404 (docs/organisations.md).
 */
export function orgsRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');

  app.get(
    '/api/orgs',
    {
      onRequest: requireRole(ctx, ...ANY_ROLE),
      schema: {
        tags: ['orgs'],
        summary: 'The caller’s org and, when they may read below it, every org below (tree order)',
        security: SECURED,
        response: { 200: orgTreeSchema, ...errors(401) },
      },
    },
    async (request) => orgTree(ctx.db, authOf(request).user),
  );

  app.post(
    '/api/orgs',
    {
      onRequest: admin,
      schema: {
        tags: ['orgs'],
        summary: 'Create an org below the caller’s org (or below one of its descendants: parentId)',
        security: SECURED_WRITE,
        body: orgCreateBodySchema,
        response: { 201: orgNodeSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrg(ctx.db, writeContextOf(ctx, request), request.body)),
  );

  app.get(
    '/api/orgs/:id/users',
    {
      onRequest: admin,
      schema: {
        tags: ['orgs'],
        summary: 'Users of an org the admin manages, with their read-below grant',
        security: SECURED,
        params: orgIdParamsSchema,
        response: { 200: orgUsersSchema, ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => orgUsers(ctx.db, authOf(request).user, request.params.id),
  );

  app.post(
    '/api/orgs/users/:userId/move',
    {
      onRequest: admin,
      schema: {
        tags: ['orgs'],
        summary: 'Move a user to another org the admin manages (their sessions end)',
        security: SECURED_WRITE,
        params: orgUserParamsSchema,
        body: orgUserMoveBodySchema,
        response: { 200: orgUserSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => moveUser(ctx.db, writeContextOf(ctx, request), request.params.userId, request.body),
  );

  app.put(
    '/api/orgs/users/:userId/read-below',
    {
      onRequest: admin,
      schema: {
        tags: ['orgs'],
        summary: 'Grant or withdraw a user’s read access to the orgs below theirs',
        security: SECURED_WRITE,
        params: orgUserParamsSchema,
        body: orgGrantBodySchema,
        response: { 200: orgUserSchema, ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) =>
      setGrant(ctx.db, writeContextOf(ctx, request), request.params.userId, request.body.readBelow),
  );
}
