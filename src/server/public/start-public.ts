import type { Config } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { createDatabase } from '../../store/database.js';
import { appliedMigrations, missingMigrations } from '../../store/migrate.js';
import type { ApiApp } from '../context.js';
import { buildPublicApp } from './public-app.js';
import type { PublicCache } from './public-cache.js';

/** `serve-public` without PUBLIC_PORT: the office's default port plus one. */
export const DEFAULT_PUBLIC_PORT = 3001;

export interface RunningPublicServer {
  app: ApiApp;
  url: string;
  /** The port it listens on (the one the OS chose when PUBLIC_PORT is 0). */
  port: number;
  cache: PublicCache;
  close(): Promise<void>;
}

/**
 * The public portal's own server: opens the database, checks that its schema is the one this
 * code reads (the office's server migrates; this one never writes), listens on PUBLIC_HOST
 * (default HOST) and PUBLIC_PORT.
 */
export async function startPublicServer(config: Config): Promise<RunningPublicServer> {
  const db = await createDatabase(config);
  try {
    const missing = missingMigrations(await appliedMigrations(db.kysely));
    if (missing.length > 0) {
      throw new ValidationError('error.public_not_migrated', { missing: missing.join(', ') });
    }
    const { app, cache } = await buildPublicApp({ db, config, logger: { level: config.logLevel } });
    const host = config.publicHost ?? config.host;
    await app.listen({ host, port: config.publicPort ?? DEFAULT_PUBLIC_PORT });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (config.publicPort ?? 0);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      app,
      url,
      port,
      cache,
      async close() {
        await app.close();
        await db.destroy();
      },
    };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
