import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { pgPoolOptions, type Db } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';

/**
 * The statements the app sends, caught on their way (Kysely's query log) so that each can be
 * asked for its plan with `EXPLAIN (FORMAT JSON)` and the very parameters it ran with — the
 * repositories' own SQL, not a copy of it that could drift.
 */

export interface RecordingDb {
  db: Db;
  take(): CompiledQuery[];
}

export function recordingDb(url: string): RecordingDb {
  let seen: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(pgPoolOptions(url, 4)) }),
    log: (event) => {
      if (event.level === 'query') seen.push(event.query);
    },
  });
  return {
    db: { kysely, dialect: 'postgres', destroy: () => kysely.destroy() },
    take: () => {
      const out = seen;
      seen = [];
      return out;
    },
  };
}

/** One node of a plan that reads a table or an index. */
export interface Scan {
  node: string;
  relation: string | null;
  index: string | null;
  indexCond: string | null;
  filter: string | null;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

/** Statements with a plan worth reading: reads, and the reads inside updates and deletes. */
export function explainable(q: CompiledQuery): boolean {
  return /^\s*(select|with|update|delete)\b/i.test(q.sql);
}

export async function explain(db: Db, q: CompiledQuery): Promise<Scan[]> {
  const { rows } = await db.kysely.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>({
    ...q,
    sql: `explain (format json) ${q.sql}`,
  });
  const out: Scan[] = [];
  const walk = (n: PlanNode) => {
    if (/Scan$/.test(n['Node Type']) && (n['Relation Name'] || n['Index Name'])) {
      out.push({
        node: n['Node Type'],
        relation: n['Relation Name'] ?? null,
        index: n['Index Name'] ?? null,
        indexCond: n['Index Cond'] ?? n['Recheck Cond'] ?? null,
        filter: n.Filter ?? null,
      });
    }
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(rows[0]!['QUERY PLAN'][0]!.Plan);
  return out;
}

/** Index name → its table and first key column (null: an expression), from pg_index. */
export async function indexCatalog(db: Db): Promise<Map<string, { table: string; first: string | null }>> {
  const { rows } = await sql<{ index: string; table: string; first: string | null }>`
    select i.relname as index, t.relname as table, a.attname as first
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0] and x.indkey[0] <> 0
    where n.nspname = current_schema()`.execute(db.kysely);
  return new Map(rows.map((r) => [r.index, { table: r.table, first: r.first }]));
}

/** Estimated rows per table after ANALYZE. */
export async function tableSizes(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ table: string; rows: number }>`
    select c.relname as table, c.reltuples::float8 as rows
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'`.execute(db.kysely);
  return new Map(rows.map((r) => [r.table, Number(r.rows)]));
}
