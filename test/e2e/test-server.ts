/**
 * The real server in this process, listening on a free port of 127.0.0.1, on a fresh SQLite
 * database in a temp DATA_DIR, seeded the way a first start seeds it: the org 三门县, the Sanmen
 * plan (data-seed/) and the admin account.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Env } from '../../src/config.js';
import { createDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { seedFirstStart } from '../../src/services/seed-first-start.service.js';
import { buildApp } from '../../src/server/app.js';
import { ROOT, WEB_DIST } from './build-web.js';

export const ADMIN = { username: 'admin', password: 'e2e-Admin-2022' } as const;

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `now`: the server's clock (the reporting test runs in June 2022); the real one by default.
 * `env`: more configuration (the reminders test lets webhooks reach its receiver on 127.0.0.1).
 */
export async function startTestServer(opts: { now?: () => Date; env?: Env } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rl-e2e-'));
  const config = loadConfig({
    ...opts.env,
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
  });
  const db = await createDatabase(config);
  await migrateToLatest(db.kysely);
  await seedFirstStart(db, {
    seedFile: join(ROOT, 'data-seed', 'sanmen-2022.txt'),
    adminPassword: ADMIN.password,
    now: opts.now?.() ?? new Date(),
  });
  const app = await buildApp({ db, config, webDir: WEB_DIST, now: opts.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
