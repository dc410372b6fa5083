/**
 * The API server for bench/api.bench.ts, in a process of its own so that autocannon (in the
 * parent) does not share its event loop. On a fresh database: migrate, first-start seeding
 * (三门县, the Sanmen plan, admin), listen on a free port of 127.0.0.1, report the port over IPC,
 * and stop when the parent disconnects. With `publicProcess` the public portal runs in a process
 * of its own (as `serve` does with PUBLIC_PORT) and its port is reported as well.
 *
 *   node --import tsx bench/api-server.ts '{"database":{"kind":"sqlite","file":"/tmp/x.db"},"adminPassword":"…"}'
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type DatabaseConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { startPublicProcess } from '../src/server/public/public-process.js';
import { createDatabase } from '../src/store/database.js';
import { migrateDatabase } from '../src/services/migrate-database.service.js';
import { seedFirstStart } from '../src/services/seed-first-start.service.js';

export interface ApiServerInput {
  database: DatabaseConfig;
  adminPassword: string;
  /** Extra configuration (e.g. a login rate fit for 200 users signing in from one address). */
  env?: Record<string, string>;
  /** The public portal in a process of its own, as PUBLIC_PORT does (its port is reported too). */
  publicProcess?: boolean;
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const input = JSON.parse(process.argv[2]!) as ApiServerInput;
const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...input.env }), database: input.database };
const db = await createDatabase(config);
await migrateDatabase(db);
await seedFirstStart(db, {
  seedFile: join(ROOT, 'data-seed', 'sanmen-2022.txt'),
  adminPassword: input.adminPassword,
  now: new Date(),
});
const portal = input.publicProcess
  ? await startPublicProcess({ ...config, host: '127.0.0.1', publicPort: 0 })
  : null;
const app = await buildApp({
  db,
  config,
  logger: false,
  ...(portal ? { portal } : {}),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0, publicPort: portal?.port });
process.on('disconnect', () => {
  void (portal?.stop() ?? Promise.resolve())
    .then(() => app.close())
    .then(() => db.destroy())
    .finally(() => process.exit(0));
});
