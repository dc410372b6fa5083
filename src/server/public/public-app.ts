import Fastify, { type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { LedgerCache } from '../../services/ledger.service.js';
import { localEvidenceStore } from '../../services/evidence-store.js';
import type { Db } from '../../store/database.js';
import type { ApiApp, ServerContext } from '../context.js';
import { answerFrameworkError } from '../http/framework-errors.js';
import { registerSecurity } from '../plugins/security.plugin.js';
import { registerRateLimit } from '../plugins/rate-limit.plugin.js';
import { bareView } from './public-origin.js';
import { errorRendered, sendPage } from './public-http.js';
import { publicCacheOf, type PublicCache } from './public-cache.js';
import { registerPublicPortal } from './public-site.plugin.js';

export interface PublicAppOptions {
  db: Db;
  config: Config;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The public portal alone (PUBLIC_PORT, issue 5): the same pages as the office's server serves
 * at /public, in a server that has nothing else — no /api, no session, no web app, no uploads —
 * so it can face the internet (or a DMZ) and a crowd there costs the office nothing. It only
 * reads: orgs, publications, short links and published bulletins.
 */
export async function buildPublicApp(opts: PublicAppOptions): Promise<{ app: ApiApp; cache: PublicCache }> {
  const ctx: ServerContext = {
    db: opts.db,
    config: opts.config,
    now: opts.now ?? (() => new Date()),
    // Never used by the public pages; here because the context's type has them.
    ledgerCache: new LedgerCache(),
    evidenceStore: localEvidenceStore(opts.config.dataDir),
  };
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.config.publicTrustProxy,
    bodyLimit: 1024,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  await registerSecurity(app, ctx);
  await registerRateLimit(app);
  await registerPublicPortal(app, ctx);
  // The portal's own address leads to its directory (or the one county's page).
  app.get('/', { schema: { hide: true } }, (request, reply) => {
    const i = request.url.indexOf('?');
    return reply.redirect(`/public/${i < 0 ? '' : request.url.slice(i)}`, 302);
  });
  // For a load balancer or a supervisor: the process answers. Not a page, never cached.
  app.get('/health', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('ok'),
  );
  app.setNotFoundHandler((request, reply) =>
    sendPage(request, reply, errorRendered(bareView(opts.config, request), 'notFound', 404)),
  );
  return { app, cache: publicCacheOf(ctx) };
}
