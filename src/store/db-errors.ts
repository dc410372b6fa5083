/**
 * Recognising driver errors without importing the drivers' error classes: both expose a `code`
 * (PostgreSQL's SQLSTATE, better-sqlite3's extended result code).
 */

const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && UNIQUE_CODES.has(String((e as { code?: unknown }).code));
}
