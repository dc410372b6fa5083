import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';

/**
 * Every index of a table as the engine's own catalog lists it — pg_indexes / pg_constraint on
 * PostgreSQL, sqlite_master / pragma_index_info / pragma_table_info on SQLite — with its first
 * key column. An expression (lower(x), a JSON path) as first key reads as null: it does not
 * start with org_id.
 */

export interface IndexEntry {
  table: string;
  name: string;
  /** The first key column, or null when the index leads with an expression. */
  first: string | null;
  /** primary key, unique constraint / unique index, or plain index. */
  kind: 'primary' | 'unique' | 'index';
  definition: string;
}

export async function indexesOf(db: Db, table: string): Promise<IndexEntry[]> {
  return db.dialect === 'postgres' ? pgIndexes(db, table) : sqliteIndexes(db, table);
}

/** The primary key's columns in key order (empty: the table has none). */
export async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  if (db.dialect === 'postgres') {
    const r = await sql<{ column: string }>`
      select a.attname as column
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      cross join lateral unnest(c.conkey) with ordinality as k(attnum, pos)
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where c.contype = 'p' and n.nspname = current_schema() and t.relname = ${table}
      order by k.pos`.execute(db.kysely);
    return r.rows.map((x) => x.column);
  }
  const r = await sql<{ name: string; pk: number }>`
    select name, pk from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db.kysely);
  return r.rows.map((x) => x.name);
}

async function pgIndexes(db: Db, table: string): Promise<IndexEntry[]> {
  const r = await sql<{ name: string; definition: string; primary: boolean; unique: boolean }>`
    select i.indexname as name, i.indexdef as definition, x.indisprimary as primary, x.indisunique as unique
    from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = i.schemaname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = ${table}
    order by i.indexname`.execute(db.kysely);
  return r.rows.map((row) => ({
    table,
    name: row.name,
    first: firstKeyOfDefinition(row.definition),
    kind: row.primary ? 'primary' : row.unique ? 'unique' : 'index',
    definition: row.definition,
  }));
}

/**
 * `CREATE [UNIQUE] INDEX name ON schema.table USING method (key, …) [INCLUDE …] [WHERE …]` →
 * the first key when it is a plain column (optionally quoted, with an operator class or an
 * ordering after it); null for an expression.
 */
export function firstKeyOfDefinition(definition: string): string | null {
  const m = /\bUSING\s+\w+\s+\((.*)$/is.exec(definition);
  if (!m) return null;
  const first = splitTopLevel(m[1]!)[0]!.trim();
  const col =
    /^("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(\s+[a-z_][a-z0-9_.]*)*(\s+(ASC|DESC))?(\s+NULLS\s+(FIRST|LAST))?$/i.exec(
      first,
    );
  if (!col) return null;
  const name = col[1]!;
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/** The key list up to the parenthesis that closes it, split on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') {
      if (depth === 0) break;
      depth--;
    }
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

async function sqliteIndexes(db: Db, table: string): Promise<IndexEntry[]> {
  // sqlite_master lists named indexes and the automatic ones behind PRIMARY KEY / UNIQUE
  // constraints (sql null); pragma_index_list says which is which.
  const listed = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'index' and tbl_name = ${table} order by name`.execute(
    db.kysely,
  );
  const origin = await sql<{ name: string; origin: string; unique: number }>`
    select name, origin, "unique" from pragma_index_list(${table})`.execute(db.kysely);
  const byName = new Map(origin.rows.map((o) => [o.name, o]));
  const out: IndexEntry[] = [];
  for (const row of listed.rows) {
    // cid -2 marks an expression: its name is null.
    const cols = await sql<{ name: string | null }>`
      select name from pragma_index_info(${row.name}) order by seqno`.execute(db.kysely);
    const o = byName.get(row.name);
    out.push({
      table,
      name: row.name,
      first: cols.rows[0]?.name ?? null,
      kind: o?.origin === 'pk' ? 'primary' : Number(o?.unique ?? 0) === 1 ? 'unique' : 'index',
      definition: row.sql ?? `(${o?.origin ?? '?'}) ${cols.rows.map((c) => c.name ?? '<expr>').join(', ')}`,
    });
  }
  return out;
}
