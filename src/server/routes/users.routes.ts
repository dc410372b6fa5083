import { z } from 'zod';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  userCreateBodySchema,
  userPatchBodySchema,
  userSchema,
  usersSchema,
} from '../../shared/api/users.js';
import { createUser, listOrgUsers, patchUser, removeUser } from '../../services/manage-users.service.js';
import { authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED, SECURED_WRITE, writeContextOf } from './route-support.js';

/** User management: admins of the org only. */
export function usersRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');

  app.get(
    '/api/users',
    {
      onRequest: admin,
      schema: {
        tags: ['users'],
        summary: 'Users of the organisation',
        security: SECURED,
        response: { 200: usersSchema, ...errors(...AUTH_ERRORS) },
      },
    },
    async (request) => ({ users: await listOrgUsers(ctx.db, authOf(request).user.orgId) }),
  );

  app.post(
    '/api/users',
    {
      onRequest: admin,
      schema: {
        tags: ['users'],
        summary: 'Create a user (a reporter needs unitId)',
        security: SECURED_WRITE,
        body: userCreateBodySchema,
        response: { 201: userSchema, ...errors(400, ...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(ctx.db, writeContextOf(ctx, request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['users'],
        summary: 'Change a user: name, role, unit, disabled, password (ends their sessions)',
        security: SECURED_WRITE,
        params: idParamsSchema,
        body: userPatchBodySchema,
        response: { 200: userSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => patchUser(ctx.db, writeContextOf(ctx, request), request.params.id, request.body),
  );

  app.delete(
    '/api/users/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['users'],
        summary: 'Delete a user',
        security: SECURED_WRITE,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeUser(ctx.db, writeContextOf(ctx, request), request.params.id);
      return reply.code(204).send();
    },
  );
}
