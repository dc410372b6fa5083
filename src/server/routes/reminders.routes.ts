import {
  reminderLogQuerySchema,
  reminderLogSchema,
  reminderSettingsBodySchema,
  reminderSettingsSchema,
  reminderTestBodySchema,
  reminderTestResultSchema,
} from '../../shared/api/reminders.js';
import { reminderLog } from '../../services/reminders/reminder-log.service.js';
import {
  getReminderSettingsView,
  putReminderSettings,
} from '../../services/reminders/reminder-settings.service.js';
import { testReminderChannel } from '../../services/reminders/test-reminder-channel.service.js';
import { authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED, SECURED_WRITE, writeContextOf } from './route-support.js';

/** 催办 settings, channel tests and the send log: the office's (admin) only. */
export function remindersRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');

  app.get(
    '/api/org/reminders',
    {
      onRequest: admin,
      schema: {
        tags: ['reminders'],
        summary: 'Reminder rules and channels (secrets masked)',
        security: SECURED,
        response: { 200: reminderSettingsSchema, ...errors(...AUTH_ERRORS) },
      },
    },
    async (request) => getReminderSettingsView(ctx.db, authOf(request).user.orgId),
  );

  app.put(
    '/api/org/reminders',
    {
      onRequest: admin,
      schema: {
        tags: ['reminders'],
        summary: 'Replace the reminder rules and channels (a masked secret sent back is kept)',
        security: SECURED_WRITE,
        body: reminderSettingsBodySchema,
        response: { 200: reminderSettingsSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) =>
      putReminderSettings(ctx.db, writeContextOf(ctx, request), request.body, {
        allowLoopback: ctx.config.webhookAllowLoopback,
      }),
  );

  app.post(
    '/api/org/reminders/test',
    {
      onRequest: admin,
      schema: {
        tags: ['reminders'],
        summary: 'Send a test message through one channel now (with the given, unsaved settings)',
        security: SECURED_WRITE,
        body: reminderTestBodySchema,
        response: { 200: reminderTestResultSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) =>
      testReminderChannel(
        ctx.db,
        writeContextOf(ctx, request),
        request.body,
        request.locale,
        ctx.config.webhookAllowLoopback,
      ),
  );

  app.get(
    '/api/reminders/log',
    {
      onRequest: admin,
      schema: {
        tags: ['reminders'],
        summary: 'The send log: every reminder with its status and attempts, newest first',
        security: SECURED,
        querystring: reminderLogQuerySchema,
        response: { 200: reminderLogSchema, ...errors(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => reminderLog(ctx.db, authOf(request).user.orgId, request.query, request.locale),
  );
}
