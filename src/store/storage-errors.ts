/**
 * What went wrong with the storage underneath, from a driver's or the file system's error —
 * without importing the drivers' error classes: better-sqlite3 gives SQLite's extended result
 * code (`SQLITE_FULL`), pg the SQLSTATE (`53100`), node:fs the errno name (`ENOSPC`).
 *
 * - `full`: the disk (or the quota, or PostgreSQL's disk) has no room left;
 * - `read_only`: the data folder or the database cannot be written (read-only mount, a
 *   PostgreSQL standby or read-only transaction);
 * - `unavailable`: the database cannot be reached or did not answer in time (connection refused
 *   or cut, server restarting, pool or statement time-out, SQLite locked past its busy time-out).
 *
 * All three are the service's condition, not the request's fault: the API answers 503 with a
 * message naming the problem, the CLI one line and a non-zero exit code.
 */

export type StorageProblem = 'full' | 'read_only' | 'unavailable';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100']);

// EACCES and EPERM are left out on purpose: they also come from reading a file the user named,
// where "the data folder is read-only" would send them looking in the wrong place.
const READ_ONLY = new Set(['EROFS', '25006']);

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down)
  '57P01',
  '57P02',
  '57P03',
  // query_canceled: the statement time-out fired
  '57014',
  // too_many_connections
  '53300',
  // connection_exception and its subclasses
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

/** pg's and pg-pool's own errors carry no code, only these messages. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/;

export function storageProblemOf(e: unknown): StorageProblem | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = String((e as { code?: unknown }).code ?? '');
  // SQLITE_READONLY_DBMOVED, SQLITE_READONLY_DIRECTORY …: every extended code of READONLY.
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return 'read_only';
  if (FULL.has(code)) return 'full';
  if (READ_ONLY.has(code)) return 'read_only';
  // createDatabase checks the data folder with access(W_OK) before SQLite opens it.
  if ((code === 'EACCES' || code === 'EPERM') && (e as { syscall?: unknown }).syscall === 'access') {
    return 'read_only';
  }
  if (UNAVAILABLE.has(code)) return 'unavailable';
  if (UNAVAILABLE_MESSAGES.test(String((e as { message?: unknown }).message ?? ''))) return 'unavailable';
  const cause = (e as { cause?: unknown }).cause;
  return cause !== undefined && cause !== e ? storageProblemOf(cause) : null;
}

/** The catalogue key that says the problem in words (server and CLI alike). */
export function storageProblemKey(problem: StorageProblem): string {
  switch (problem) {
    case 'full':
      return 'error.storage_full';
    case 'read_only':
      return 'error.storage_read_only';
    case 'unavailable':
      return 'error.db_unavailable';
  }
}
