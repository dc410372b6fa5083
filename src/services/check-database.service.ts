import type { Db } from '../store/database.js';
import {
  applicationProblems,
  engineProblems,
  evidenceBlobs,
  recordedMigrations,
  tableCounts,
  type CheckProblem,
} from '../store/database-check.repository.js';
import { migrations } from '../store/migrations/index.js';
import { missingMigrations } from '../store/migrate.js';
import type { EvidenceStore } from './evidence-store.js';

export type { CheckProblem };

export interface DatabaseCheck {
  dialect: Db['dialect'];
  /** The last migration recorded in the database, or null on an empty one. */
  migration: string | null;
  /** Every migration recorded in the database, in order. */
  migrations: string[];
  /** Known to this program but not applied / applied but unknown to this program. */
  missingMigrations: string[];
  unknownMigrations: string[];
  counts: Record<string, number>;
  problems: CheckProblem[];
  ok: boolean;
}

/**
 * `reform-ledger db check`: is this database one the application can serve as it is? The same
 * verdict on SQLite and PostgreSQL — after a crash, a restore (pg_restore, `reform-ledger
 * restore`), or any time. With an evidence store, every evidence file the database refers to
 * must be there with its size.
 */
export async function checkDatabase(db: Db, opts: { evidence?: EvidenceStore } = {}): Promise<DatabaseCheck> {
  const recorded = await recordedMigrations(db);
  const known = Object.keys(migrations).sort();
  const missing = missingMigrations(recorded);
  const unknownMigrations = recorded.filter((m) => !known.includes(m));
  const problems: CheckProblem[] = [];
  if (missing.length > 0) {
    problems.push({ key: 'check.migrations_behind', params: { missing: missing.join(', ') } });
  }
  if (unknownMigrations.length > 0) {
    problems.push({ key: 'check.migrations_unknown', params: { unknown: unknownMigrations.join(', ') } });
  }
  problems.push(...(await engineProblems(db)));
  // The application's invariants need its tables: only on a schema this program fully knows.
  if (missing.length === 0 && unknownMigrations.length === 0) {
    problems.push(...(await applicationProblems(db.kysely)));
    if (opts.evidence) {
      for (const blob of await evidenceBlobs(db.kysely)) {
        if ((await opts.evidence.size(blob.sha256)) !== blob.bytes) {
          problems.push({ key: 'check.evidence_missing', params: { id: blob.id, file: blob.fileName } });
        }
      }
    }
  }
  return {
    dialect: db.dialect,
    migration: recorded.at(-1) ?? null,
    migrations: recorded,
    missingMigrations: missing,
    unknownMigrations,
    counts: await tableCounts(db),
    problems,
    ok: problems.length === 0,
  };
}
