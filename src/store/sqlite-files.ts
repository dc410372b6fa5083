import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/**
 * SQLite database files as files: the online copy a backup takes, and whether another
 * connection has a database open. Used by `backup` and `restore`, never by the server.
 */

/** How long the copy waits for a writer's lock before giving up (as the server does). */
const BUSY_TIMEOUT_MS = 5000;
/** The most pages better-sqlite3 lets one backup step copy. */
const ALL_PAGES = 0x7fffffff;

/**
 * A consistent copy of a live database through SQLite's online backup API: the server may go on
 * reading and writing meanwhile; what arrives is one committed state, never a mix. Throws
 * SQLITE_CANTOPEN when there is no database.
 */
export async function copyLiveDatabase(source: string, destination: string): Promise<void> {
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // All pages in one step: a step reads one snapshot (WAL lets the server write meanwhile),
    // whereas a copy in many small steps restarts whenever the server commits between two of
    // them, and a busy server could keep it from ever finishing.
    await db.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Is the database open in another connection (a running server, a CLI command)? In WAL mode the
 * last connection to close checkpoints and deletes the -wal file; if it is still there after
 * this connection's checkpoint and close, somebody else holds the database open. A database
 * SQLite cannot open at all (damaged: the reason for a restore) is not in use.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new SqliteDatabase(file, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
  return existsSync(`${file}-wal`);
}
