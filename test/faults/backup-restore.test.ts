import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { MARKER_ENTRY } from '../../src/services/backup/backup-format.js';
import { TarWriter } from '../../src/services/backup/tar.js';
import { createDatabase } from '../../src/store/database.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { login, NOW, openHarness, type Harness } from '../api/harness.js';
import { answers, makeLedger } from './ledger-fixture.js';

/**
 * `reform-ledger backup` / `restore` on SQLite: a copy taken while the app is open and writing,
 * restored into an empty data folder, serves byte for byte the same answers (items, dashboard,
 * reports, bulletins with their .docx, evidence files). Damaged, truncated, foreign and newer
 * backups are refused with one clear line, leaving the database that was there untouched.
 */

interface Made {
  h: Harness;
  dataDir: string;
  env: Record<string, string>;
  urls: string[];
}

describe('backup and restore (SQLite)', () => {
  let made: Made | undefined;
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    await made?.h.close();
    made = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const setUp = async (): Promise<Made> => {
    const dataDir = tempDir('rl-backup-data-');
    const h = await openHarness('sqlite', { env: { DATA_DIR: dataDir } });
    const urls = await makeLedger(h);
    made = { h, dataDir, env: { DATABASE_URL: h.t.url!, DATA_DIR: dataDir }, urls };
    return made;
  };

  it(
    'a copy taken while the app writes, restored elsewhere, serves the same data',
    { timeout: 120_000 },
    async () => {
      const m = await setUp();
      const before = await answers(m.h.app, m.urls);
      expect(Object.values(before).every((a) => a.startsWith('200 '))).toBe(true);
      const out = join(tempDir('rl-backup-out-'), 'ledger.tar');

      // The app keeps writing (sign-ins write sessions and audit rows) while the backup runs.
      let writes = 0;
      let stop = false;
      const writer = (async () => {
        while (!stop) {
          await login(m.h, 'leader');
          writes++;
        }
      })();
      const backup = await runCliCaptured(['backup', '--out', out], m.env);
      stop = true;
      await writer;
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/^已备份到 .*佐证材料 2 个/);
      expect(writes).toBeGreaterThan(0);
      expect(readdirSync(join(out, '..'))).toEqual(['ledger.tar']);

      const check = await runCliCaptured(['backup', '--check', out], {});
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toMatch(/^备份文件完好/);

      const restoredDir = tempDir('rl-restore-');
      const restore = await runCliCaptured(['restore', out], { DATA_DIR: restoredDir });
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/^已从 .* 恢复：.*佐证材料 2 个$/m);
      const dbCheck = await runCliCaptured(['db', 'check'], { DATA_DIR: restoredDir });
      expect(dbCheck.code, dbCheck.stderr).toBe(0);

      const config = loadConfig({ DATA_DIR: restoredDir, LOG_LEVEL: 'silent' });
      const db = await createDatabase(config);
      const app = await buildApp({ db, config, now: () => NOW });
      try {
        expect(await answers(app, m.urls)).toEqual(before);
      } finally {
        await app.close();
        await db.destroy();
      }
    },
  );

  it(
    'refuses damaged, truncated, foreign and newer backups, and a database in use, touching nothing',
    { timeout: 120_000 },
    async () => {
      const m = await setUp();
      const out = join(tempDir('rl-backup-out-'), 'ledger.tar');
      expect((await runCliCaptured(['backup', '--out', out], m.env)).code).toBe(0);
      // An existing backup is never overwritten.
      const again = await runCliCaptured(['backup', '--out', out], m.env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('已存在');

      // Restoring over the database the app has open.
      const inUse = await runCliCaptured(['restore', out], m.env);
      expect(inUse.code).toBe(2);
      expect(inUse.stderr).toMatch(/正在被使用.*停止服务/);

      // A restored data folder to protect: every refusal below must leave it as it is.
      const target = tempDir('rl-restore-');
      expect((await runCliCaptured(['restore', out], { DATA_DIR: target })).code).toBe(0);
      const dbFile = join(target, 'reform-ledger.db');
      const untouched = () => ({
        db: createHash('sha256').update(readFileSync(dbFile)).digest('hex'),
        files: readdirSync(target).sort(),
      });
      const state = untouched();

      const bytes = readFileSync(out);
      const variants: [string, Buffer, RegExp][] = [];
      // One byte of the database changed (past the tar headers and the marker).
      const flipped = Buffer.from(bytes);
      flipped[4096] = flipped[4096]! ^ 0xff;
      variants.push(['flipped.tar', flipped, /已损坏或不完整.*database\.sqlite/]);
      variants.push(['truncated.tar', bytes.subarray(0, Math.floor(bytes.length / 2)), /已损坏或不完整/]);
      variants.push([
        'foreign.tar',
        Buffer.from('PK\u0003\u0004 not a backup at all'),
        /不是改革一本账的备份文件/,
      ]);
      variants.push(['empty.tar', Buffer.alloc(0), /不是改革一本账的备份文件/]);
      const folder = tempDir('rl-backup-bad-');
      for (const [name, content, message] of variants) {
        const file = join(folder, name);
        writeFileSync(file, content);
        for (const args of [
          ['restore', file],
          ['backup', '--check', file],
        ]) {
          const r = await runCliCaptured(args, { DATA_DIR: target });
          expect(r.code, `${name} ${args[0]}: ${r.stderr}`).toBe(2);
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          expect(r.stderr).toMatch(message);
        }
        expect(untouched()).toEqual(state);
      }

      // A tar that names a path outside its own layout.
      const evil = join(folder, 'evil.tar');
      const handle = await open(evil, 'w');
      const tar = new TarWriter(handle);
      await tar.addBytes(MARKER_ENTRY, readMarker(bytes), new Date());
      await tar.addBytes('../../reform-ledger.db', Buffer.from('x'), new Date());
      await tar.finish();
      await handle.close();
      const r = await runCliCaptured(['restore', evil], { DATA_DIR: target });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unexpected entry ../../reform-ledger.db');
      expect(untouched()).toEqual(state);

      // A backup of a database with a migration this program does not know.
      const config = loadConfig({ DATA_DIR: target });
      const db = await createDatabase(config);
      await sql`insert into kysely_migration (name, timestamp) values ('999-future', '2030-01-01')`.execute(
        db.kysely,
      );
      await db.destroy();
      const newer = join(folder, 'newer.tar');
      expect((await runCliCaptured(['backup', '--out', newer], { DATA_DIR: target })).code).toBe(1);
      const other = tempDir('rl-restore-newer-');
      const refused = await runCliCaptured(['restore', newer], { DATA_DIR: other });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/更新的版本.*999-future/);
      expect(existsSync(join(other, 'reform-ledger.db'))).toBe(false);
    },
  );
});

function readMarker(tarBytes: Buffer): Buffer {
  const size = parseInt(tarBytes.toString('ascii', 124, 135), 8);
  return tarBytes.subarray(512, 512 + size);
}
