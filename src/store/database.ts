import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export type DialectName = 'sqlite' | 'postgres';

/** What `Kysely<Database>` and a transaction have in common: repositories take this. */
export type Executor = Kysely<Database>;

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  destroy(): Promise<void>;
}

/** How long a SQLite writer waits for another process's lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export async function createDatabase(config: Pick<Config, 'database'>): Promise<Db> {
  const c = config.database;
  if (c.kind === 'sqlite') {
    if (c.file !== ':memory:') mkdirSync(dirname(c.file), { recursive: true });
    const native = new SqliteDatabase(c.file);
    // WAL lets readers (the web app) run while an import writes; foreign keys are off by default
    // in SQLite and must be switched on per connection.
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    native.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(native) }),
    });
    return { kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  }
  const pool = new pg.Pool({ connectionString: c.url, max: c.poolMax });
  // An idle client whose connection drops (server restart, failover) emits 'error' on the pool;
  // with no listener Node would crash the process. The pool discards that client and the next
  // query opens a fresh connection, so there is nothing else to do here.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Fail here, with the connection error, rather than at the first query of some request.
    await kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (e) {
    await kysely.destroy();
    throw e;
  }
  return { kysely, dialect: 'postgres', destroy: () => kysely.destroy() };
}
