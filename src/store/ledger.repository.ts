import { sql } from 'kysely';
import type { Executor, DialectName } from './database.js';
import { likePattern } from './search-text.js';

/** Read-side queries of the HTTP API that the write-side repositories do not already answer. */

export interface CurrentVersionRef {
  versionId: string;
  planId: string;
  version: number;
  title: string;
  year: number | null;
  importedAt: string;
}

/**
 * The org's current plan: the current version of the plan imported most recently. An org keeps
 * one plan per title; the API shows one ledger, the newest (older plans stay in the database).
 */
export async function latestCurrentVersion(exec: Executor, orgId: string): Promise<CurrentVersionRef | null> {
  const row = await exec
    .selectFrom('plan_versions')
    .select(['id', 'plan_id', 'version', 'title', 'year', 'imported_at'])
    .where('org_id', '=', orgId)
    .where('is_current', '=', 1)
    .orderBy('imported_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        versionId: row.id,
        planId: row.plan_id,
        version: Number(row.version),
        title: row.title,
        year: row.year === null ? null : Number(row.year),
        importedAt: row.imported_at,
      }
    : null;
}

/**
 * Ids of the version's items whose search text contains `term`. LIKE is case-insensitive for
 * ASCII on SQLite; PostgreSQL needs ILIKE (served by the trigram index for 3+ characters).
 */
export async function searchItemIds(
  exec: Executor,
  dialect: DialectName,
  orgId: string,
  versionId: string,
  term: string,
): Promise<Set<string>> {
  const pattern = likePattern(term);
  const op = dialect === 'postgres' ? sql`ilike` : sql`like`;
  const rows = await exec
    .selectFrom('items')
    .select('id')
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId)
    .where(sql<boolean>`search_text ${op} ${pattern} escape '\\'`)
    .execute();
  return new Set(rows.map((r) => r.id));
}
