import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { loadConfig } from '../../config.js';
import { NotFoundError } from '../../domain/errors.js';
import { totalBytes } from '../../domain/reporting/evidence-sweep.js';
import { t } from '../../i18n/index.js';
import { formatBytes } from '../../readers/human-size.js';
import { collectEvidenceGarbage } from '../../services/evidence-gc.service.js';
import { localEvidenceStore, type StoreFile } from '../../services/evidence-store.js';
import { createDatabase } from '../../store/database.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

interface GcOptions {
  apply?: boolean;
  minAgeMinutes: number;
}

export const DEFAULT_GC_MIN_AGE_MINUTES = 60;

/**
 * `reform-ledger evidence gc [--apply] [--min-age-minutes N]`: the evidence files no row names
 * any more. Lists them by default; removes them with --apply. The audit log belongs to an org
 * and an unreferenced blob to none, so each removal is printed here instead: keep the output
 * (cron mails it, or redirect it to a log).
 */
export function evidenceCommand(ctx: CliContext, run: Runner): Command {
  const tr = (key: string) => t(ctx.locale, key);
  const evidence = new Command('evidence').description(tr('cli.evidence.description'));
  evidence
    .command('gc')
    .description(tr('cli.evidence.gc.description'))
    .option('--apply', tr('cli.evidence.gc.opt.apply'))
    .option(
      '--min-age-minutes <n>',
      tr('cli.evidence.gc.opt.minAge'),
      (v: string) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError(tr('cli.evidence.gc.bad_min_age'));
        return Number(v);
      },
      DEFAULT_GC_MIN_AGE_MINUTES,
    )
    .action(run((opts: GcOptions) => gc(ctx, opts)));
  return evidence;
}

async function gc(ctx: CliContext, opts: GcOptions): Promise<number> {
  const config = loadConfig(ctx.env);
  // Opening a SQLite file that is not there would create an empty database (refused below, but
  // the message here says what is wrong).
  if (config.database.kind === 'sqlite' && config.database.file !== ':memory:') {
    if (!existsSync(config.database.file)) {
      throw new NotFoundError('error.database_not_found', { file: config.database.file });
    }
  }
  const store = localEvidenceStore(config.dataDir);
  const db = await createDatabase(config);
  try {
    const { plan, removed, reused, restored } = await collectEvidenceGarbage({
      db,
      store,
      now: new Date(),
      minAgeMinutes: opts.minAgeMinutes,
      apply: opts.apply === true,
    });
    const say = (key: string, params: Record<string, string | number> = {}) =>
      println(ctx.stdout, t(ctx.locale, key, params));
    const line = (f: StoreFile) => ({
      sha256: f.sha256,
      size: formatBytes(f.bytes),
      changedAt: f.changedAt.toISOString(),
      kind: t(ctx.locale, `cli.evidence.gc.kind.${f.kind}`),
    });
    const blobs =
      plan.referenced.length + plan.remove.concat(plan.young).filter((f) => f.kind === 'blob').length;
    say('cli.evidence.gc.scanned', { dir: store.root, blobs, referenced: plan.referenced.length });

    if (!opts.apply) {
      if (plan.remove.length === 0 && plan.restore.length === 0) say('cli.evidence.gc.nothing');
      if (plan.remove.length > 0) {
        say('cli.evidence.gc.would_remove', {
          count: plan.remove.length,
          size: formatBytes(totalBytes(plan.remove)),
        });
        for (const f of plan.remove) say('cli.evidence.gc.file', line(f));
      }
      for (const f of plan.restore) say('cli.evidence.gc.would_restore', line(f));
    } else {
      for (const f of restored) say('cli.evidence.gc.restored', line(f));
      // One line per removal, as it happens: the record of what the sweep did.
      for (const f of removed) say('cli.evidence.gc.removed', line(f));
      for (const f of reused) say('cli.evidence.gc.reused', line(f));
      say('cli.evidence.gc.removed_total', { count: removed.length, size: formatBytes(totalBytes(removed)) });
    }
    if (plan.young.length > 0) {
      say('cli.evidence.gc.young', {
        count: plan.young.length,
        size: formatBytes(totalBytes(plan.young)),
        minutes: opts.minAgeMinutes,
      });
    }
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}
