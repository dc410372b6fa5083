/**
 * The real server for the soak (bench/soak.ts), in a process of its own as `reform-ledger serve`
 * would run it: a fresh database (migrated, first-start seeded with 三门县, the Sanmen plan and
 * the admin), evidence files under a temporary DATA_DIR, listening on a free port of 127.0.0.1.
 * It reports the port over IPC, answers `{ memory: true, gc }` with process.memoryUsage()
 * (after a full collection when `gc`; the process runs with --expose-gc), and stops when the
 * parent disconnects.
 *
 *   node --expose-gc --import tsx bench/soak-server.ts '{"database":{…},"adminPassword":"…","dataDir":"/tmp/…"}'
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type DatabaseConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { createDatabase } from '../src/store/database.js';
import { migrateDatabase } from '../src/services/migrate-database.service.js';
import { seedFirstStart } from '../src/services/seed-first-start.service.js';

export interface SoakServerInput {
  database: DatabaseConfig;
  adminPassword: string;
  dataDir: string;
}

export interface MemoryReply {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const input = JSON.parse(process.argv[2]!) as SoakServerInput;
const config = {
  ...loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: input.dataDir,
    // Every reporter signs in from 127.0.0.1 at the start: the per-address limit is for strangers.
    LOGIN_RATE_PER_MINUTE: '10000',
  }),
  database: input.database,
};
const db = await createDatabase(config);
await migrateDatabase(db);
await seedFirstStart(db, {
  seedFile: join(ROOT, 'data-seed', 'sanmen-2022.txt'),
  adminPassword: input.adminPassword,
  now: new Date(),
});
const app = await buildApp({ db, config, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });

process.on('message', (m: { memory?: boolean; gc?: boolean }) => {
  if (!m.memory) return;
  if (m.gc) (globalThis as { gc?: () => void }).gc?.();
  const u = process.memoryUsage();
  const reply: MemoryReply = {
    rss: u.rss,
    heapUsed: u.heapUsed,
    heapTotal: u.heapTotal,
    external: u.external,
  };
  process.send!(reply);
});
process.on('disconnect', () => {
  void app
    .close()
    .then(() => db.destroy())
    .finally(() => process.exit(0));
});
