import { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { createDatabase } from '../../store/database.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

export function dbCommand(ctx: CliContext, run: Runner): Command {
  const db = new Command('db').description(t(ctx.locale, 'cli.db.description'));
  db.command('migrate')
    .description(t(ctx.locale, 'cli.db.migrate.description'))
    .action(
      run(async () => {
        const database = await createDatabase(loadConfig(ctx.env));
        try {
          const outcome = await migrateDatabase(database);
          println(
            ctx.stdout,
            t(ctx.locale, 'cli.db.migrated', { dialect: database.dialect, count: outcome.applied.length }),
          );
          return EXIT.ok;
        } finally {
          await database.destroy();
        }
      }),
    );
  return db;
}
