import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL was about a tenth of the
 * CPU of a cached API read. This keeps the most recently used statements (by SQL text). Safe
 * because the driver runs one query at a time on its single connection (a mutex), and a
 * streamed query holds that connection until its iteration ends, so a statement is never in
 * use twice; SQLite re-prepares a cached statement itself when the schema changes.
 */
export function withStatementCache(db: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const rollback = tolerantRollback(db);
  return {
    close: () => db.close(),
    prepare(sql: string) {
      if (sql === 'rollback') return rollback;
      let stmt = cache.get(sql);
      if (stmt) {
        // Re-insert: Map order makes the first key the least recently used.
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
      }
      cache.set(sql, stmt);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
 * SQLITE_NOMEM, SQLITE_BUSY in some cases); Kysely's ROLLBACK then fails with "cannot rollback -
 * no transaction is active" and that error replaces the real one — a full disk became a 500
 * instead of a 503 naming it (found by test/faults/disk-full.test.ts). Rolling back what is
 * already rolled back does nothing here.
 */
function tolerantRollback(db: BetterSqlite3.Database): SqliteStatement {
  const stmt = db.prepare('rollback');
  return {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => (db.inTransaction ? stmt.run() : { changes: 0, lastInsertRowid: 0 }),
  };
}
