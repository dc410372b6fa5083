import { idParamsSchema } from '../../shared/api/common.js';
import {
  notificationsQuerySchema,
  notificationsSchema,
  unreadCountSchema,
} from '../../shared/api/reminders.js';
import {
  myNotifications,
  readAllNotifications,
  readNotification,
} from '../../services/notifications.service.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED, SECURED_WRITE } from './route-support.js';

/** The bell: each signed-in user's own in-app notifications. */
export function notificationsRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const me = (request: Parameters<typeof authOf>[0]) => {
    const { user } = authOf(request);
    return { orgId: user.orgId, userId: user.id };
  };

  app.get(
    '/api/notifications',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'My newest notifications (unread=true: unread only) and my unread count',
        security: SECURED,
        querystring: notificationsQuerySchema,
        response: { 200: notificationsSchema, ...errors(400, 401) },
      },
    },
    async (request) =>
      myNotifications(ctx.db, me(request), { unreadOnly: request.query.unread === true }, request.locale),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read (404 for anyone else’s)',
        security: SECURED_WRITE,
        params: idParamsSchema,
        response: { 200: unreadCountSchema, ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => readNotification(ctx.db, me(request), request.params.id, ctx.now().toISOString()),
  );

  app.post(
    '/api/notifications/read-all',
    {
      onRequest: signedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        security: SECURED_WRITE,
        response: { 200: unreadCountSchema, ...errors(...AUTH_ERRORS) },
      },
    },
    async (request) => readAllNotifications(ctx.db, me(request), ctx.now().toISOString()),
  );
}
