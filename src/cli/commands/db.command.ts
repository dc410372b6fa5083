import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { NotFoundError } from '../../domain/errors.js';
import { checkDatabase } from '../../services/check-database.service.js';
import { localEvidenceStore } from '../../services/evidence-store.js';
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
  db.command('check')
    .description(t(ctx.locale, 'cli.db.check.description'))
    .option('--json', t(ctx.locale, 'cli.opt.json'))
    .action(run((opts: { json?: boolean }) => checkCommand(ctx, opts.json === true)));
  return db;
}

/** `reform-ledger db check`: exit 0 when the database is sound, 1 when it has problems. */
async function checkCommand(ctx: CliContext, json: boolean): Promise<number> {
  const config = loadConfig(ctx.env);
  // Opening a SQLite file that is not there would create an empty database and call it sound.
  if (
    config.database.kind === 'sqlite' &&
    config.database.file !== ':memory:' &&
    !existsSync(config.database.file)
  ) {
    throw new NotFoundError('error.database_not_found', { file: config.database.file });
  }
  const database = await createDatabase(config);
  try {
    const check = await checkDatabase(database, { evidence: localEvidenceStore(config.dataDir) });
    if (json) {
      const problems = check.problems.map((p) => ({ ...p, message: t(ctx.locale, p.key, p.params) }));
      println(ctx.stdout, JSON.stringify({ ...check, problems }, null, 2));
    } else {
      const rows = Object.values(check.counts).reduce((a, b) => a + b, 0);
      const head = check.ok
        ? t(ctx.locale, 'cli.db.check.ok', {
            dialect: check.dialect,
            migration: check.migration ?? '—',
            rows,
          })
        : t(ctx.locale, 'cli.db.check.problems', { dialect: check.dialect, count: check.problems.length });
      println(check.ok ? ctx.stdout : ctx.stderr, head);
      for (const p of check.problems) println(ctx.stderr, `  ${t(ctx.locale, p.key, p.params)}`);
      for (const [table, n] of Object.entries(check.counts)) {
        println(ctx.stdout, t(ctx.locale, 'cli.db.check.table', { table, rows: n }));
      }
    }
    return check.ok ? EXIT.ok : EXIT.findings;
  } finally {
    await database.destroy();
  }
}
