/** Who writes, for which org, and when: every repository write records these in the audit log. */
export interface WriteContext {
  orgId: string;
  actor: string;
  /** ISO-8601 timestamp; one per use case, so all rows of an import share it. */
  at: string;
}

/** Rows per INSERT statement: well under SQLite's 32766 and PostgreSQL's 65535 bound parameters. */
export const INSERT_CHUNK_ROWS = 200;

export function chunks<T>(rows: readonly T[], size = INSERT_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/** PostgreSQL returns count(*) (bigint) as a string; SQLite as a number. */
export function toCount(v: string | number | bigint | null | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}
