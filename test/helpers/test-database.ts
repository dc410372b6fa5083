import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Db, type DialectName } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { ALL_TABLES } from '../../src/store/schema.js';

/**
 * A fresh, empty database per test on either engine: a temp SQLite file, or a new PostgreSQL
 * database created through an admin connection and dropped afterwards. PostgreSQL is not
 * optional: if it is unreachable the suite fails with a message saying so, rather than passing
 * with half its tests skipped.
 */

export const ENGINES: readonly DialectName[] = ['sqlite', 'postgres'];

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Db;
  /** The database as DATABASE_URL names it, for child processes and the CLI. */
  url?: string;
  cleanup(): Promise<void>;
}

export async function openTestDatabase(
  engine: DialectName,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const t = engine === 'sqlite' ? await openSqlite() : await openPostgres();
  if (opts.migrate !== false) await migrateToLatest(t.db.kysely);
  return t;
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-test-'));
  const config = loadConfig({ DATA_DIR: dir });
  const db = await createDatabase(config);
  return {
    db,
    url: config.database.kind === 'sqlite' ? `sqlite:${config.database.file}` : undefined,
    async cleanup() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<TestDatabase> {
  const name = `rl_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await createDatabase(loadConfig({ DATABASE_URL: url.toString(), DB_POOL_MAX: '4' }));
  return {
    db,
    url: url.toString(),
    async cleanup() {
      await db.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(e as Error).message}). ` +
        'The storage suite runs on SQLite AND PostgreSQL: start PostgreSQL (CI does) or point TEST_PG_URL at one.',
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Row count of every table: comparing two snapshots shows whether anything was written. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ALL_TABLES) {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
      db.kysely,
    );
    out[table] = Number(r.rows[0]!.n);
  }
  return out;
}
