import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/services/check-database.service.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { ENGINES, openTestDatabase } from '../helpers/test-database.js';

/** `db check` on a schema behind the code: it names every missing migration, in order. */
describe.each(ENGINES)('db check of the migration level on %s', (engine) => {
  it('names what an empty database lacks, and nothing once migrated', async () => {
    const t = await openTestDatabase(engine, { migrate: false });
    try {
      const empty = await checkDatabase(t.db);
      expect(empty.missingMigrations).toEqual(Object.keys(migrations).sort());
      expect(empty.missingMigrations[0]).toBe('001-initial');
      expect(empty.problems).toContainEqual({
        key: 'check.migrations_behind',
        params: { missing: empty.missingMigrations.join(', ') },
      });
      await migrateToLatest(t.db.kysely);
      const current = await checkDatabase(t.db);
      expect(current.missingMigrations).toEqual([]);
      expect(current.problems.map((p) => p.key)).not.toContain('check.migrations_behind');
    } finally {
      await t.cleanup();
    }
  });
});
