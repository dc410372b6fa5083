import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL was about a tenth of the
 * CPU of a cached API read. This keeps the most recently used statements (by SQL text). Safe
 * because the driver runs one query at a time on its single connection (a mutex), and a
 * streamed query holds that connection until its iteration ends, so a statement is never in
 * use twice; SQLite re-prepares a cached statement itself when the schema changes.
 */
export function withStatementCache(db: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
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
