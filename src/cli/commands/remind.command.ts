import { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { createDatabase } from '../../store/database.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { runReminderPass } from '../../services/reminders/run-reminders.service.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

/**
 * `reform-ledger remind [--now ISO]`: one reminder pass (schedule what is due, send it, retry
 * what is due for a retry) against the configured database, then exit — for cron, or to catch
 * up by hand. Safe to run while servers run their own passes.
 */
export function remindCommand(ctx: CliContext, run: Runner): Command {
  return new Command('remind')
    .description(t(ctx.locale, 'cli.remind.description'))
    .option('--now <instant>', t(ctx.locale, 'cli.remind.opt.now'))
    .action(
      run(async (opts: { now?: string }) => {
        const now = instant(opts.now);
        const config = loadConfig(ctx.env);
        const db = await createDatabase(config);
        try {
          await migrateDatabase(db);
          const outcome = await runReminderPass({
            db,
            now: () => now ?? new Date(),
            timeZone: config.timeZone,
            webhookAllowLoopback: config.webhookAllowLoopback,
          });
          println(ctx.stdout, t(ctx.locale, 'cli.remind.done', { ...outcome }));
          return EXIT.ok;
        } finally {
          await db.destroy();
        }
      }),
    );
}

function instant(text: string | undefined): Date | null {
  if (text === undefined) return null;
  // A date alone would be midnight UTC, 08:00 in China: ask for an instant, with its offset.
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const d = new Date(text);
  if (!ok || Number.isNaN(d.getTime())) {
    throw new ValidationError('error.invalid_instant', { value: text }, { field: 'now' });
  }
  return d;
}
