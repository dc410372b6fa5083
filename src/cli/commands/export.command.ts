import { localDate } from '../../services/local-date.js';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import { loadConfig, type Config } from '../../config.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/status/index.js';
import { createDatabase } from '../../store/database.js';
import { findOrgByName } from '../../store/orgs.repository.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { LedgerCache, loadLedger } from '../../services/ledger.service.js';
import { exportLedgerJson, exportLedgerXlsx } from '../../services/export-ledger.service.js';
import { SEED_ORG } from '../../services/seed-first-start.service.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

const FORMATS = ['xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions {
  format: string;
  out: string;
  asOf?: string;
  org: string;
  db?: string;
}

/**
 * `reform-ledger export --format xlsx|json --out FILE`: the current plan of an organisation as
 * the ledger workbook, or as the `parse` JSON with each item's status, as of a date.
 */
export function exportCommand(ctx: CliContext, run: Runner): Command {
  return new Command('export')
    .description(t(ctx.locale, 'cli.export.description'))
    .requiredOption('--format <format>', t(ctx.locale, 'cli.opt.exportFormat'))
    .requiredOption('--out <file>', t(ctx.locale, 'cli.opt.exportOut'))
    .option('--as-of <date>', t(ctx.locale, 'cli.opt.asOf'))
    .option('--org <name>', t(ctx.locale, 'cli.opt.exportOrg'), SEED_ORG)
    .option('--db <database>', t(ctx.locale, 'cli.opt.db'))
    .action(run((opts: ExportOptions) => exportLedger(ctx, opts)));
}

async function exportLedger(ctx: CliContext, opts: ExportOptions): Promise<number> {
  // Usage errors first: no point opening a database to say "use xlsx".
  const usage = !isFormat(opts.format)
    ? t(ctx.locale, 'cli.export.badFormat', { format: opts.format })
    : opts.asOf !== undefined && !isIsoDate(opts.asOf)
      ? t(ctx.locale, 'cli.export.badDate', { date: opts.asOf })
      : null;
  if (usage !== null || !isFormat(opts.format)) {
    println(ctx.stderr, t(ctx.locale, 'cli.error.usage', { message: usage ?? '' }));
    return EXIT.input;
  }
  const config = loadConfig({
    ...ctx.env,
    ...(opts.db !== undefined ? { DATABASE_URL: databaseUrl(ctx, opts.db) } : {}),
  });
  if (
    config.database.kind === 'sqlite' &&
    config.database.file !== ':memory:' &&
    !existsSync(config.database.file)
  ) {
    // Opening it would create an empty database and then report "no such organisation".
    throw new InputError(
      'error.file_not_found',
      { file: config.database.file },
      { file: config.database.file },
    );
  }
  const out = resolve(ctx.cwd, opts.out);
  const db = await createDatabase(config);
  try {
    await migrateDatabase(db);
    const org = await findOrgByName(db.kysely, opts.org);
    if (!org) throw new NotFoundError('error.org_not_found', { org: opts.org });
    const ledger = await loadLedger(db, new LedgerCache(), org.id);
    if (!ledger.plan) throw new NotFoundError('error.no_current_plan', { org: opts.org });
    const asOf = opts.asOf ?? todayIn(config);
    let bytes: Uint8Array;
    let items: number;
    if (opts.format === 'xlsx') {
      const file = await exportLedgerXlsx(db, ledger, {}, asOf, ctx.locale);
      bytes = file.bytes;
      items = file.items;
    } else {
      const json = await exportLedgerJson(db, ledger, asOf);
      bytes = new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
      items = json.plan.items.length;
    }
    await writeOut(out, bytes);
    println(
      ctx.stdout,
      t(ctx.locale, 'cli.export.wrote', { file: out, title: ledger.plan.title, items, asOf }),
    );
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

/** A URL as DATABASE_URL takes it, or a path to an SQLite file. */
function databaseUrl(ctx: CliContext, db: string): string {
  return /^(postgres(ql)?:\/\/|sqlite:|file:)/u.test(db) ? db : `sqlite:${resolve(ctx.cwd, db)}`;
}

/** Today where the office is (TIME_ZONE), as the server takes it. */
function todayIn(config: Config): string {
  return localDate(new Date(), config.timeZone);
}

async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    // A missing folder or a read-only file is the user's to fix: exit 2 with the reason.
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InputError('cli.error.write', { file: path, detail });
  }
}
