import { sql } from 'kysely';
import type { Executor, DialectName } from './database.js';
import { likePattern } from './search-text.js';
import { DEFAULT_WARNING_DAYS } from '../domain/status/status.js';

/** Read-side queries of the HTTP API that the write-side repositories do not already answer. */

export interface CurrentVersionRef {
  versionId: string;
  planId: string;
  version: number;
  title: string;
  year: number | null;
  importedAt: string;
}

export interface LedgerKey {
  plan: CurrentVersionRef | null;
  warningDays: number;
  revision: number;
}

/**
 * The org's current plan — the current version of the plan imported most recently (an org keeps
 * one plan per title; the API shows one ledger, the newest) — and its settings, in one query:
 * what a read request must learn before it can use a cached ledger, so it runs on every request.
 */
export async function ledgerKey(exec: Executor, orgId: string): Promise<LedgerKey> {
  // Raw SQL on purpose: this runs on every request, and building it with the query builder
  // cost several times what SQLite takes to answer it.
  const { rows } = await sql<{
    id: string | null;
    plan_id: string | null;
    version: number | null;
    title: string | null;
    year: number | null;
    imported_at: string | null;
    warning_days: number | null;
    revision: number | null;
  }>`select pv.id, pv.plan_id, pv.version, pv.title, pv.year, pv.imported_at, s.warning_days, s.revision
    from orgs o
    left join org_settings s on s.org_id = o.id
    left join plan_versions pv on pv.org_id = o.id and pv.is_current = 1
    where o.id = ${orgId}
    order by pv.imported_at desc, pv.id
    limit 1`.execute(exec);
  const row = rows[0];
  const plan =
    row && row.id !== null
      ? {
          versionId: row.id,
          planId: row.plan_id!,
          version: Number(row.version),
          title: row.title!,
          year: row.year === null ? null : Number(row.year),
          importedAt: row.imported_at!,
        }
      : null;
  return {
    plan,
    warningDays: row?.warning_days == null ? DEFAULT_WARNING_DAYS : Number(row.warning_days),
    revision: row?.revision == null ? 0 : Number(row.revision),
  };
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
