import { warmRollups } from '../services/rollup-warm.service.js';
import { today, type ApiApp, type ServerContext } from './context.js';

/**
 * Once the server listens, the roll-ups' figures are computed in the background (see
 * services/rollup-warm.service.ts), so the first visitor after a restart does not pay for a whole
 * province. Closing the app stops it between two orgs and waits for it, before the database is
 * closed. Only a started server does this (start.ts); tests build apps without it.
 */
export function warmRollupsWhenListening(app: ApiApp, ctx: ServerContext): void {
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  app.addHook('onListen', async () => {
    if (running) return;
    const started = performance.now();
    const rctx = { db: ctx.db, ledgerCache: ctx.ledgerCache, timeZone: ctx.config.timeZone };
    // Not awaited: listening must not wait for it.
    running = warmRollups(rctx, today(ctx), abort.signal).then(
      (orgs) => app.log.info({ orgs, ms: Math.round(performance.now() - started) }, 'roll-ups warmed'),
      (err: unknown) => app.log.warn({ err }, 'roll-up warm-up failed'),
    );
  });
  app.addHook('onClose', async () => {
    abort.abort();
    await running;
  });
}
