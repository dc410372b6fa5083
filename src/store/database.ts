import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
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

/**
 * Time limits of the PostgreSQL pool, so that no request waits forever (docs/scaling.md). The
 * server-side ones are sent at connection start; a parameter of the same name in DATABASE_URL
 * (`?statement_timeout=60000`, `?application_name=…`) wins over these defaults.
 */
export const PG_TIMEOUTS = {
  /** Connecting, and waiting for a free pooled connection when all are busy. */
  connectMs: 5_000,
  /** The server cancels a statement running longer (SQLSTATE 57014). */
  statementMs: 30_000,
  /** The server ends a session left idle inside a transaction, releasing its locks. */
  idleInTransactionMs: 60_000,
  /** The client gives up on a server that stopped answering (no reply, no reset) at all. */
  queryMs: 35_000,
  /** An idle pooled connection is closed after this long. */
  idleMs: 30_000,
} as const;

/** What pg_stat_activity shows for this app's connections. */
export const PG_APPLICATION_NAME = 'reform-ledger';

export function pgPoolOptions(url: string, max: number): pg.PoolConfig {
  return {
    connectionString: url,
    max,
    connectionTimeoutMillis: PG_TIMEOUTS.connectMs,
    idleTimeoutMillis: PG_TIMEOUTS.idleMs,
    statement_timeout: PG_TIMEOUTS.statementMs,
    idle_in_transaction_session_timeout: PG_TIMEOUTS.idleInTransactionMs,
    query_timeout: PG_TIMEOUTS.queryMs,
    // A connection whose server vanished (failover, cable) is found dead by TCP keep-alive
    // instead of being handed to the next request.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: PG_APPLICATION_NAME,
  };
}

/**
 * A connection that drops (server restart, failover, network) emits 'error'; with no listener
 * Node would end the process. An idle client's error reaches the pool, which discards the client.
 * A client checked out for a transaction has no pool listener: a cut between two of its
 * statements (57P01 on a restart) would be uncaught — its next statement fails instead (a 503)
 * and the pool drops it on release (it is no longer queryable). Found by test/faults.
 */
export function tolerateDisconnects(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

export async function createDatabase(config: Pick<Config, 'database'>): Promise<Db> {
  const c = config.database;
  if (c.kind === 'sqlite') {
    if (c.file !== ':memory:') {
      mkdirSync(dirname(c.file), { recursive: true });
      // SQLite needs to write beside the database (its -wal and -shm files) even to read it: a
      // read-only folder is said as such here, not as SQLite's "unable to open database file".
      accessSync(dirname(c.file), fsConstants.W_OK);
    }
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
  const pool = new pg.Pool(pgPoolOptions(c.url, c.poolMax));
  tolerateDisconnects(pool);
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
