/**
 * The public portal's process, started by the office's server when PUBLIC_PORT is set
 * (public-process.ts). It waits for its configuration over IPC (not argv: a database URL may
 * hold a password, and argv is visible to every user of the machine), listens, says so, and
 * then takes "forget this org" messages when the office publishes or withdraws. It ends when
 * told to, or when the office's process goes away (the IPC channel closes).
 */
import type { Config } from '../../config.js';
import { isAppError } from '../../domain/errors.js';
import { t, type Locale } from '../../i18n/index.js';
import type { ChildMessage, ParentMessage } from './public-process.js';
import { startPublicServer, type RunningPublicServer } from './start-public.js';

let server: RunningPublicServer | null = null;
let closing = false;

const send = (m: ChildMessage) => process.send?.(m);

async function shutDown(code: number): Promise<never> {
  if (!closing) {
    closing = true;
    await server?.close().catch(() => {});
  }
  process.exit(code);
}

async function start(config: Config, locale: Locale): Promise<void> {
  try {
    server = await startPublicServer(config);
    send({ type: 'listening', url: server.url, port: server.port });
  } catch (e) {
    const message = isAppError(e) ? t(locale, e.key, e.params) : e instanceof Error ? e.message : String(e);
    send({ type: 'failed', message });
    await shutDown(1);
  }
}

process.on('message', (m: ParentMessage) => {
  if (m.type === 'start') void start(m.config, m.locale);
  else if (m.type === 'invalidate') {
    server?.cache.forget(m.orgId);
    send({ type: 'forgotten', seq: m.seq });
  } else if (m.type === 'stop') void shutDown(0);
});
process.on('disconnect', () => void shutDown(0));
// The office's process handles Ctrl-C for both: it stops this one in order.
process.on('SIGINT', () => {});
