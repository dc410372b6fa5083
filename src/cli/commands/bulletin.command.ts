import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { loadConfig } from '../../config.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { t } from '../../i18n/index.js';
import { generateBulletin } from '../../services/generate-bulletin.service.js';
import { LedgerCache, loadLedger } from '../../services/ledger.service.js';
import { localDate } from '../../services/local-date.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { publishBulletin, renderBulletin } from '../../services/publish-bulletin.service.js';
import { SEED_ORG } from '../../services/seed-first-start.service.js';
import { readDocx } from '../../store/bulletins.repository.js';
import { createDatabase } from '../../store/database.js';
import { findOrgByName } from '../../store/orgs.repository.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

interface BulletinOptions {
  period: string;
  out: string;
  org: string;
  opening?: string;
  redHead?: boolean;
  issuer?: string;
  refresh?: boolean;
  publish?: boolean;
  db?: string;
}

/**
 * `reform-ledger bulletin --period 2022-06 --out 通报.docx`: the period's bulletin, through the
 * same services as the web page — its draft is made (or the existing one taken, so the same
 * period gives the same bulletin), the opening and layout applied, and with --publish it is
 * published and kept. Writes the .docx either way.
 */
export function bulletinCommand(ctx: CliContext, run: Runner): Command {
  const tr = (key: string) => t(ctx.locale, key);
  return new Command('bulletin')
    .description(tr('cli.bulletin.description'))
    .requiredOption('--period <period>', tr('cli.opt.period'))
    .requiredOption('--out <file>', tr('cli.opt.bulletinOut'))
    .option('--org <name>', tr('cli.opt.bulletinOrg'), SEED_ORG)
    .option('--opening <text>', tr('cli.opt.opening'))
    .option('--red-head', tr('cli.opt.redHead'))
    .option('--issuer <text>', tr('cli.opt.issuer'))
    .option('--refresh', tr('cli.opt.refresh'))
    .option('--publish', tr('cli.opt.publish'))
    .option('--db <database>', tr('cli.opt.db'))
    .action(run((opts: BulletinOptions) => writeBulletin(ctx, opts)));
}

async function writeBulletin(ctx: CliContext, opts: BulletinOptions): Promise<number> {
  if (extname(opts.out).toLowerCase() !== '.docx') {
    const message = t(ctx.locale, 'cli.bulletin.badOut', { file: opts.out });
    println(ctx.stderr, t(ctx.locale, 'cli.error.usage', { message }));
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
  const db = await createDatabase(config);
  try {
    await migrateDatabase(db);
    const org = await findOrgByName(db.kysely, opts.org);
    if (!org) throw new NotFoundError('error.org_not_found', { org: opts.org });
    const ledger = await loadLedger(db, new LedgerCache(), org.id, config.timeZone);
    const now = new Date();
    const write = { orgId: org.id, actor: 'cli', at: now.toISOString() };
    const today = localDate(now, config.timeZone);
    let bulletin = await generateBulletin(
      db,
      ledger,
      write,
      {
        period: opts.period,
        ...(opts.opening !== undefined ? { opening: opts.opening } : {}),
        ...(opts.redHead ? { redHead: true } : {}),
        ...(opts.issuer !== undefined ? { issuer: opts.issuer } : {}),
        ...(opts.refresh ? { refresh: true } : {}),
      },
      { today, at: write.at, actor: 'cli' },
      ctx.locale,
    );
    let bytes: Uint8Array;
    let warnings: string[] = [];
    if (opts.publish) {
      ({ bulletin, warnings } = await publishBulletin(db, write, bulletin.id, today));
      bytes = (await readDocx(db.kysely, org.id, bulletin.id))!;
    } else {
      ({ bytes, warnings } = await renderBulletin(bulletin, today));
    }
    const out = resolve(ctx.cwd, opts.out);
    try {
      await writeFile(out, bytes);
    } catch (e) {
      // A missing folder or a read-only file is the user's to fix: exit 2 with the reason.
      throw new InputError('cli.error.write', {
        file: out,
        detail: (e as NodeJS.ErrnoException).code ?? String(e),
      });
    }
    for (const w of warnings) println(ctx.stderr, w);
    println(
      ctx.stdout,
      t(ctx.locale, opts.publish ? 'cli.bulletin.published' : 'cli.bulletin.wrote', {
        file: out,
        title: bulletin.content.title,
        asOf: bulletin.content.asOf,
        seq: bulletin.seq ?? '',
      }),
    );
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

/** A URL as DATABASE_URL takes it, or a path to an SQLite file. */
function databaseUrl(ctx: CliContext, db: string): string {
  return /^(postgres(ql)?:\/\/|sqlite:|file:)/u.test(db) ? db : `sqlite:${resolve(ctx.cwd, db)}`;
}
