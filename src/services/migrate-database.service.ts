import type { Db } from '../store/database.js';
import { migrateToLatest, type MigrateOutcome } from '../store/migrate.js';

/** `reform-ledger db migrate`: brings the schema up to date; running it again does nothing. */
export async function migrateDatabase(db: Db): Promise<MigrateOutcome> {
  return migrateToLatest(db.kysely);
}
