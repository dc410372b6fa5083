import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../store/database.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { LedgerCache } from '../services/ledger.service.js';
import { localEvidenceStore, type EvidenceStore } from '../services/evidence-store.js';
import type { ApiApp, ServerContext } from './context.js';
import { localeFrom } from './http/locale.js';
import { answerFrameworkError } from './http/framework-errors.js';
import { createSerializerCompiler } from './http/serializer.js';
import { isAccessHook } from './auth/require-role.js';
import { registerErrorHandling } from './plugins/errors.plugin.js';
import { registerSecurity } from './plugins/security.plugin.js';
import { registerRateLimit } from './plugins/rate-limit.plugin.js';
import { registerStorableInput } from './plugins/storable-input.plugin.js';
import { DOCS_PREFIX, registerOpenApi } from './plugins/openapi.plugin.js';
import { registerWebApp } from './plugins/web-app.plugin.js';
import { healthRoutes } from './routes/health.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { overviewRoutes } from './routes/dashboard.routes.js';
import { itemsRoutes } from './routes/items.routes.js';
import { unitsRoutes } from './routes/units.routes.js';
import { importsRoutes } from './routes/imports.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { orgsRoutes } from './routes/orgs.routes.js';
import { rollupRoutes } from './routes/rollup.routes.js';
import { warmRollupsWhenListening } from './rollup-warming.js';
import { reportsRoutes } from './routes/reports.routes.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { scoreboardRoutes } from './routes/scoreboard.routes.js';
import { remindersRoutes } from './routes/reminders.routes.js';
import { notificationsRoutes } from './routes/notifications.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { bulletinsRoutes } from './routes/bulletins.routes.js';
import { publicationsRoutes } from './routes/publications.routes.js';
import { registerPublicPortal } from './public/public-site.plugin.js';
import { registerPublicRedirect } from './public/public-redirect.plugin.js';
import type { PublicProcess } from './public/public-process.js';
import './types.js';

export interface BuildAppOptions {
  db: Db;
  config: Config;
  /** The clock (tests fix it); defaults to the system clock. */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** The built web app; defaults to web/dist of this checkout. */
  webDir?: string;
  /** Check every response against its schema, exactly (tests); off in production for speed. */
  validateResponses?: boolean;
  /** Where evidence files are kept; defaults to <dataDir>/evidence. */
  evidenceStore?: EvidenceStore;
  /** Compute the roll-ups' figures in the background once listening (start.ts; tests: off). */
  warmRollups?: boolean;
  /**
   * The portal's own process (PUBLIC_PORT, public-process.ts): /public and /s redirect to the
   * port it really got, and each publish or withdraw is passed on to it.
   */
  portal?: Pick<PublicProcess, 'port' | 'invalidate'>;
}

/** web/dist, two folders up from this file both in src/server and in dist/server. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** JSON bodies: a corrected plan of a few hundred items fits; uploads have their own limit. */
const JSON_BODY_LIMIT = 5 * 1024 * 1024;

/** The HTTP app, not listening: start.ts listens, tests use app.inject. */
export async function buildApp(opts: BuildAppOptions): Promise<ApiApp> {
  const ctx: ServerContext = {
    db: opts.db,
    config: opts.portal ? { ...opts.config, publicPort: opts.portal.port } : opts.config,
    now: opts.now ?? (() => new Date()),
    ledgerCache: new LedgerCache(),
    evidenceStore: opts.evidenceStore ?? localEvidenceStore(opts.config.dataDir),
    ...(opts.portal ? { onPublicChange: (orgId: string) => opts.portal!.invalidate(orgId) } : {}),
  };
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler(opts.validateResponses ?? false));
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    request.locale = localeFrom(request.headers['accept-language']);
  });
  app.addHook('onRoute', requireAccessDeclared);
  // API answers are per user and change with the data: never cached by browsers or proxies.
  app.addHook('onSend', async (request, reply) => {
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith(DOCS_PREFIX) &&
      !reply.hasHeader('cache-control')
    ) {
      void reply.header('cache-control', 'no-store');
    }
  });

  registerErrorHandling(app, ctx);
  await registerSecurity(app, ctx);
  registerStorableInput(app);
  await app.register(cookie);
  await registerRateLimit(app);
  await app.register(multipart, {
    limits: { fileSize: opts.config.maxUploadBytes, files: 1, fields: 10, parts: 11 },
  });
  await registerOpenApi(app);

  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  overviewRoutes(app, ctx);
  itemsRoutes(app, ctx);
  unitsRoutes(app, ctx);
  importsRoutes(app, ctx);
  usersRoutes(app, ctx);
  orgRoutes(app, ctx);
  orgsRoutes(app, ctx);
  rollupRoutes(app, ctx);
  if (opts.warmRollups) warmRollupsWhenListening(app, ctx);
  reportsRoutes(app, ctx);
  evidenceRoutes(app, ctx);
  scoreboardRoutes(app, ctx);
  remindersRoutes(app, ctx);
  notificationsRoutes(app, ctx);
  auditRoutes(app, ctx);
  bulletinsRoutes(app, ctx);
  publicationsRoutes(app, ctx);
  if (ctx.config.publicPort === undefined) await registerPublicPortal(app, ctx);
  else registerPublicRedirect(app, ctx);

  await registerWebApp(app, opts.webDir ?? DEFAULT_WEB_DIR);
  return app;
}

/**
 * Every /api route declares who may call it (requireRole or anyone) as its onRequest hook; a
 * route without one would be open by accident, so the app refuses to start. Swagger UI's own
 * routes under /api/docs are public by contract.
 */
function requireAccessDeclared(route: RouteOptions): void {
  if (!route.url.startsWith('/api') || route.url.startsWith(DOCS_PREFIX)) return;
  const hooks = [route.onRequest ?? []].flat();
  if (!hooks.some(isAccessHook)) {
    throw new Error(`${String(route.method)} ${route.url} declares no access (requireRole or anyone)`);
  }
}

export type { ZodTypeProvider };
