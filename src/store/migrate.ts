import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrateOutcome {
  /** Names of the migrations this run applied, in order; empty when already up to date. */
  applied: string[];
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the latest migration; safe to run again and from several servers at once. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateOutcome> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: succeeded(results) };
}

/** Names of the migrations this schema has applied. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

/** The migrations this code knows that `recorded` lacks, in the order they run. */
export function missingMigrations(recorded: readonly string[]): string[] {
  const have = new Set(recorded);
  return Object.keys(migrations)
    .sort()
    .filter((name) => !have.has(name));
}

function succeeded(results: MigrationResult[] | undefined): string[] {
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
