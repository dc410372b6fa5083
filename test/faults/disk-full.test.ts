import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { t } from '../../src/i18n/index.js';
import { buildApp } from '../../src/server/app.js';
import type { ApiApp } from '../../src/server/context.js';
import { SEED_FILE, startServer } from '../../src/server/start.js';
import { checkDatabase } from '../../src/services/check-database.service.js';
import { localEvidenceStore } from '../../src/services/evidence-store.js';
import { seedFirstStart } from '../../src/services/seed-first-start.service.js';
import { createDatabase, type Db } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { pdf } from '../helpers/evidence-files.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { injectUpload } from './inject-upload.js';
import { canMountTmpfs, mountSmallDisk, type SmallDisk } from './small-disk.js';

/**
 * "Disk full or read-only data folder on SQLite: a clear error, no corruption." The data folder
 * sits on a tmpfs of the test's own (small-disk.ts), filled to the last byte or remounted
 * read-only; where mounting is not allowed the full disk is imitated with PRAGMA max_page_count
 * and the tests that need a real read-only mount are skipped. Nothing of the machine's disks is
 * touched.
 */

const PASSWORD = 'diskfull-Admin-2022';
const CAN_MOUNT = canMountTmpfs();
const FULL = t('zh-CN', 'error.storage_full');
const READ_ONLY = t('zh-CN', 'error.storage_read_only');

interface Setup {
  disk: SmallDisk | null;
  evidenceDisk: SmallDisk | null;
  dataDir: string;
  db: Db;
  app: ApiApp;
  headers: Record<string, string>;
  /** A plan file outside the small disk, for the CLI. */
  planFile: string;
}

describe('SQLite on a full disk or a read-only data folder', () => {
  let s: Setup;

  beforeAll(async () => {
    const disk = mountSmallDisk(24);
    const dataDir = disk ? join(disk.path, 'data') : mkdtempSync(join(tmpdir(), 'rl-disk-'));
    // Evidence on a disk of its own inside the data folder, so that it can be made read-only alone.
    const evidenceDisk = disk ? disk.mountInside('data/evidence', 4) : null;
    const db = await createDatabase({
      database: { kind: 'sqlite', file: join(dataDir, 'reform-ledger.db') },
    });
    await migrateToLatest(db.kysely);
    await seedFirstStart(db, { seedFile: SEED_FILE, adminPassword: PASSWORD, now: new Date() });
    const app = await buildApp({ db, config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) });
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: PASSWORD },
    });
    const header = login.headers['set-cookie'];
    const cookie = String(Array.isArray(header) ? header[0] : header).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const planDir = mkdtempSync(join(tmpdir(), 'rl-disk-plan-'));
    const planFile = join(planDir, 'plan.txt');
    // The seed with one more item: a new version, so the CLI import has something to write.
    writeFileSync(planFile, readFileSync(SEED_FILE, 'utf8').replace('三门县共同富裕', '三门县共同富裕示范'));
    s = { disk, evidenceDisk, dataDir, db, app, headers, planFile };
    if (!disk) console.warn('disk-full tests: mounting a tmpfs is not allowed here; imitating a full disk');
  }, 120_000);

  afterAll(async () => {
    await s?.app.close();
    await s?.db.destroy();
    s?.disk?.unmount();
    if (s && !s.disk) rmSync(s.dataDir, { recursive: true, force: true });
    if (s) rmSync(join(s.planFile, '..'), { recursive: true, force: true });
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    s.app.inject({
      method,
      url,
      headers: s.headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const upload = (url: string, fileName: string, bytes: Uint8Array) =>
    injectUpload(s.app, s.headers, url, fileName, bytes);
  const expectStorage = (r: { statusCode: number; body: string }, code: string, message: string) => {
    expect(r.statusCode, r.body).toBe(503);
    expect(JSON.parse(r.body)).toEqual({ error: { code, message } });
  };
  const expectSound = async () => {
    const check = await checkDatabase(s.db, { evidence: localEvidenceStore(s.dataDir) });
    expect(check.problems).toEqual([]);
  };
  const draftReport = async (period: string) => {
    const list = await inject('GET', '/api/items?pageSize=5');
    const first = list.json<{ items: { number: number }[] }>().items[0]!;
    const item = (await inject('GET', `/api/items/${first.number}`)).json<{
      itemKey: string;
      milestones: unknown[];
      targets: unknown[];
      achievements: unknown[];
    }>();
    const r = await inject('PUT', `/api/reports/by-item/${item.itemKey}/${period}`, {
      milestones: item.milestones.map(() => null),
      targets: item.targets.map(() => null),
      achievements: item.achievements.map(() => null),
      narrative: '进展',
      revision: null,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string; revision: number }>();
  };

  it('full: writes answer 503 naming it, reads go on, the CLI exits 4 with one line; no corruption; room again: writes work', async () => {
    const report = await draftReport('2022-05');
    const seed = readFileSync(SEED_FILE);
    if (s.disk) {
      s.disk.fill();
      s.evidenceDisk!.fill();
    } else {
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(s.db.kysely);
      await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(s.db.kysely);
    }

    expectStorage(await upload('/api/imports', 'sanmen.txt', seed), 'storage_full', FULL);
    if (s.disk) {
      expectStorage(await inject('PATCH', '/api/org', { warningDays: 21 }), 'storage_full', FULL);
      expectStorage(
        await upload(`/api/reports/${report.id}/evidence`, 'a.pdf', pdf('full')),
        'storage_full',
        FULL,
      );
    }
    expect((await inject('GET', '/api/items?pageSize=5')).statusCode).toBe(200);
    expect((await inject('GET', '/api/dashboard')).statusCode).toBe(200);

    // max_page_count binds only the connection it is set on: the CLI's own needs the real disk.
    if (s.disk) {
      const cli = await runCliCaptured(['import', s.planFile], { DATA_DIR: s.dataDir });
      expect(cli.code).toBe(4);
      expect(cli.stderr.trim().split('\n')).toHaveLength(1);
      expect(cli.stderr).toMatch(/^磁盘空间已满.*database or disk is full/);
    }
    await expectSound();

    if (s.disk) {
      s.disk.free();
      s.evidenceDisk!.free();
    } else {
      await sql`pragma max_page_count = 1073741823`.execute(s.db.kysely);
    }
    expect((await upload('/api/imports', 'sanmen.txt', seed)).statusCode).toBe(200);
    expect((await inject('PATCH', '/api/org', { warningDays: 21 })).statusCode).toBe(200);
    expect((await upload(`/api/reports/${report.id}/evidence`, 'a.pdf', pdf('full'))).statusCode).toBe(201);
    const again = await runCliCaptured(['import', s.planFile], { DATA_DIR: s.dataDir });
    expect(again.code, again.stderr).toBe(0);
    await expectSound();
  });

  it.skipIf(!CAN_MOUNT)(
    'a read-only evidence folder: uploads answer 503 naming it; writable again: they work',
    async () => {
      const report = await draftReport('2022-04');
      if (!s.evidenceDisk) throw new Error('no disk');
      s.evidenceDisk.readOnly();
      try {
        expectStorage(
          await upload(`/api/reports/${report.id}/evidence`, 'b.pdf', pdf('read-only')),
          'storage_read_only',
          READ_ONLY,
        );
        // The database itself is writable: other writes go on.
        expect((await inject('PATCH', '/api/org', { warningDays: 22 })).statusCode).toBe(200);
      } finally {
        s.evidenceDisk.writable();
      }
      expect((await upload(`/api/reports/${report.id}/evidence`, 'b.pdf', pdf('read-only'))).statusCode).toBe(
        201,
      );
      await expectSound();
    },
  );

  it('a database that refuses writes (SQLITE_READONLY): 503 naming it, reads go on', async () => {
    // What SQLite answers when its file or folder turns read-only under a running server; the
    // kernel refuses to remount a disk read-only while files on it are open for writing, so the
    // connection is put in query_only mode, which fails writes with the same code.
    await sql`pragma query_only = on`.execute(s.db.kysely);
    try {
      expectStorage(await inject('PATCH', '/api/org', { warningDays: 23 }), 'storage_read_only', READ_ONLY);
      expect((await inject('GET', '/api/items?pageSize=5')).statusCode).toBe(200);
    } finally {
      await sql`pragma query_only = off`.execute(s.db.kysely);
    }
    expect((await inject('PATCH', '/api/org', { warningDays: 23 })).statusCode).toBe(200);
  });

  it.skipIf(!CAN_MOUNT)(
    'a data folder read-only at start: the server and the CLI refuse with one line naming the folder',
    async () => {
      if (!s.disk) throw new Error('no disk');
      // Nothing may be open for writing on the disk to remount it read-only: the app stops first.
      await s.app.close();
      await s.db.destroy();
      s.disk.readOnly();
      try {
        const cli = await runCliCaptured(['import', s.planFile], { DATA_DIR: s.dataDir });
        expect(cli.code).toBe(4);
        expect(cli.stderr.trim().split('\n')).toHaveLength(1);
        expect(cli.stderr).toContain('只读');
        expect(cli.stderr).toContain(s.dataDir);
        await expect(
          startServer({
            config: loadConfig({ DATA_DIR: s.dataDir, PORT: '0', LOG_LEVEL: 'silent' }),
            print: () => {},
            locale: 'zh-CN',
          }),
        ).rejects.toMatchObject({ code: 'EROFS' });
      } finally {
        s.disk.writable();
      }
      s.db = await createDatabase({
        database: { kind: 'sqlite', file: join(s.dataDir, 'reform-ledger.db') },
      });
      s.app = await buildApp({ db: s.db, config: loadConfig({ DATA_DIR: s.dataDir, LOG_LEVEL: 'silent' }) });
      await expectSound();
      const check = await runCliCaptured(['db', 'check'], { DATA_DIR: s.dataDir });
      expect(check.code, check.stderr).toBe(0);
    },
  );
});
