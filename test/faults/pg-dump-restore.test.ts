import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { createDatabase } from '../../src/store/database.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { PG_ADMIN_URL } from '../helpers/test-database.js';
import { NOW, openHarness, type Harness } from '../api/harness.js';
import { answers, makeLedger } from './ledger-fixture.js';
import { postgresBinaries } from './throwaway-postgres.js';

/**
 * PostgreSQL backups are PostgreSQL's own tools (docs/reliability.md): `pg_dump -Fc`, then
 * `pg_restore --single-transaction` into a fresh database, then `reform-ledger db check`. This
 * runs exactly those commands and compares what the restored database serves with the original.
 */

describe('pg_dump / pg_restore and db check (PostgreSQL)', () => {
  let h: Harness | undefined;
  const databases: string[] = [];
  let dir: string;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    for (const name of databases.splice(0)) await admin(`drop database if exists ${name} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'a restored copy passes db check and serves the same data; a damaged dump restores nothing',
    { timeout: 120_000 },
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'rl-pgdump-'));
      h = await openHarness('postgres', { env: { DATA_DIR: dir } });
      const urls = await makeLedger(h);
      const before = await answers(h.app, urls);
      expect(Object.values(before).every((a) => a.startsWith('200 '))).toBe(true);
      const bin = postgresBinaries();
      const dump = join(dir, 'ledger.dump');
      execFileSync(join(bin, 'pg_dump'), ['--dbname', h.t.url!, '-Fc', '--no-owner', '-f', dump], {
        stdio: 'pipe',
      });

      const source = await runCliCaptured(['db', 'check', '--json'], {
        DATABASE_URL: h.t.url!,
        DATA_DIR: dir,
      });
      expect(source.code, source.stderr).toBe(0);

      const restored = await freshDatabase(databases);
      execFileSync(
        join(bin, 'pg_restore'),
        ['--dbname', restored, '--no-owner', '--single-transaction', '--exit-on-error', dump],
        { stdio: 'pipe' },
      );
      const check = await runCliCaptured(['db', 'check', '--json'], {
        DATABASE_URL: restored,
        DATA_DIR: dir,
      });
      expect(check.code, check.stderr).toBe(0);
      const [a, b] = [source, check].map(
        (r) => JSON.parse(r.stdout) as { counts: Record<string, number>; migration: string },
      );
      expect(b!.counts).toEqual(a!.counts);
      expect(b!.migration).toBe(a!.migration);
      expect(b!.counts.evidence).toBe(2);

      // The evidence files stay in DATA_DIR/evidence: the restored database finds them there.
      const config = loadConfig({ DATABASE_URL: restored, DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const db = await createDatabase(config);
      const app = await buildApp({ db, config, now: () => NOW });
      try {
        expect(await answers(app, urls)).toEqual(before);
      } finally {
        await app.close();
        await db.destroy();
      }

      // Half a dump, restored in one transaction: refused, and the database stays empty.
      const half = join(dir, 'half.dump');
      const bytes = readFileSync(dump);
      writeFileSync(half, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const empty = await freshDatabase(databases);
      expect(() =>
        execFileSync(
          join(bin, 'pg_restore'),
          ['--dbname', empty, '--no-owner', '--single-transaction', '--exit-on-error', half],
          {
            stdio: 'pipe',
          },
        ),
      ).toThrow();
      const client = new pg.Client({ connectionString: empty });
      await client.connect();
      const tables = await client.query(
        `select count(*)::int as n from pg_tables where schemaname = 'public'`,
      );
      await client.end();
      expect(tables.rows[0].n).toBe(0);
      const emptyCheck = await runCliCaptured(['db', 'check'], { DATABASE_URL: empty, DATA_DIR: dir });
      expect(emptyCheck.code).toBe(1);
      expect(emptyCheck.stderr).toContain('缺少迁移');
    },
  );
});

async function freshDatabase(created: string[]): Promise<string> {
  const name = `rl_restore_${randomBytes(5).toString('hex')}`;
  await admin(`create database ${name}`);
  created.push(name);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
