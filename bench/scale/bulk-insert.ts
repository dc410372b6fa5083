import { sql } from 'kysely';
import type { Db, Executor } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';

/**
 * Fast inserts of generated rows, for the province data set only (the app writes through its
 * repositories). PostgreSQL: one `INSERT … SELECT FROM unnest($1::text[], …)` per batch — one
 * bound parameter per column whatever the row count, so thousands of rows cost one parse and
 * one round trip. SQLite: multi-row VALUES with the same text for every full batch, so the
 * statement cache prepares it once.
 */

export type ColumnType = 'text' | 'int' | 'float';

/** Columns of a table in the order rows give them. */
export type Columns = readonly (readonly [name: string, type: ColumnType])[];

export type Row = readonly (string | number | null)[];

const PG_TYPES: Record<ColumnType, string> = { text: 'text[]', int: 'int8[]', float: 'float8[]' };
/** Rows per statement. PostgreSQL: bounded by memory only; SQLite: by its 32766 variables. */
const PG_BATCH = 4000;
const SQLITE_VARIABLES = 32_000;

export async function bulkInsert(
  exec: Executor,
  dialect: Db['dialect'],
  table: keyof Database,
  columns: Columns,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(columns.map(([n]) => sql.ref(n)));
  if (dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += PG_BATCH) {
      const part = rows.slice(start, start + PG_BATCH);
      const arrays = columns.map(
        ([, type], c) => sql`${part.map((r) => r[c] ?? null)}::${sql.raw(PG_TYPES[type])}`,
      );
      await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})`.execute(
        exec,
      );
    }
    return;
  }
  const perBatch = Math.max(1, Math.floor(SQLITE_VARIABLES / columns.length));
  const tuple = sql.raw(`(${columns.map(() => '?').join(', ')})`);
  for (let start = 0; start < rows.length; start += perBatch) {
    const part = rows.slice(start, start + perBatch);
    const values = sql.join(part.map(() => tuple));
    // The placeholders are raw text; the values ride along as the statement's parameters.
    const query = sql`insert into ${sql.table(table)} (${names}) values ${values}`.compile(exec);
    await exec.executeQuery({ ...query, parameters: part.flat() });
  }
}
