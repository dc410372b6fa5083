import { Command, Option } from 'commander';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import cliProgress from 'cli-progress';
import { t, formatPlace } from '../../i18n/index.js';
import { isAppError } from '../../domain/errors.js';
import { InputError } from '../../domain/errors.js';
import { loadConfig } from '../../config.js';
import { createDatabase, type Db } from '../../store/database.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { importPlan, type ImportResult } from '../../services/import-plan.service.js';
import { parseDocumentFile } from '../../services/parse-document.service.js';
// The CLI imports into the same organisation the server seeds, so both see one ledger by default.
import { SEED_ORG } from '../../services/seed-first-start.service.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { reportError } from '../report-error.js';
import { documentOptions, type DocumentOptions } from './parse.command.js';
import { placeImportOrg } from '../../services/manage-orgs.service.js';
import { ORG_TYPES } from '../../shared/api/orgs.js';
import type { OrgType } from '../../domain/org-tree.js';

const DOCUMENT = /\.(docx|xlsx|csv|txt)$/iu;

interface ImportOptions extends DocumentOptions {
  org: string;
  dryRun?: boolean;
  /** Issue 9: the org above a new org (by name), and the new org's type. */
  parent?: string;
  type?: OrgType;
  /** Set here, not by a flag: where a missing org is created (placeImportOrg). */
  newOrg?: { type: OrgType; parentId: string | null };
}

export function importCommand(ctx: CliContext, run: Runner): Command {
  const cmd = new Command('import')
    .description(t(ctx.locale, 'cli.import.description'))
    .argument('<path>', t(ctx.locale, 'cli.arg.fileOrDir'))
    .option('--org <name>', t(ctx.locale, 'cli.opt.org'), SEED_ORG)
    .option('--parent <name>', t(ctx.locale, 'cli.opt.importParent'))
    .addOption(new Option('--type <type>', t(ctx.locale, 'cli.opt.importOrgType')).choices([...ORG_TYPES]))
    .option('--dry-run', t(ctx.locale, 'cli.opt.dryRun'));
  return documentOptions(cmd, ctx).action(
    run((path: string, opts: ImportOptions) => importPath(ctx, path, opts)),
  );
}

async function importPath(ctx: CliContext, path: string, opts: ImportOptions): Promise<number> {
  const target = resolve(ctx.cwd, path);
  const info = await stat(target).catch(() => null);
  if (!info) throw new InputError('error.file_not_found', { file: path }, { file: basename(path) });
  const files = info.isDirectory() ? await documentsIn(target) : [target];
  if (files.length === 0) throw new InputError('error.empty_dir', {}, { file: path });

  const db = await createDatabase(loadConfig(ctx.env));
  try {
    await migrateDatabase(db);
    const newOrg = await placeImportOrg(db, { org: opts.org, parent: opts.parent, type: opts.type });
    if (newOrg) opts = { ...opts, newOrg };
    if (!info.isDirectory()) {
      printResult(ctx, basename(target), await importOne(db, target, opts), opts.org);
      return EXIT.ok;
    }
    return await importMany(ctx, db, files, opts);
  } finally {
    await db.destroy();
  }
}

async function importOne(db: Db, file: string, opts: ImportOptions): Promise<ImportResult> {
  const { plan, file: meta } = await parseDocumentFile(file, opts);
  return importPlan(db, {
    plan,
    org: opts.org,
    file: meta,
    dryRun: opts.dryRun === true,
    actor: 'cli',
    ...(opts.newOrg ? { newOrg: opts.newOrg } : {}),
  });
}

/** A folder: each document in its own transaction, so one bad file does not stop the rest. */
async function importMany(ctx: CliContext, db: Db, files: string[], opts: ImportOptions): Promise<number> {
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.stderr,
      format: `${t(ctx.locale, 'cli.import.progress')} [{bar}] {value}/{total} {file}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const lines: string[] = [];
  let failed = 0;
  bar.start(files.length, 0, { file: '' });
  for (const file of files) {
    bar.update({ file: basename(file) });
    try {
      for (const line of resultLines(ctx, basename(file), await importOne(db, file, opts), opts.org))
        lines.push(line);
    } catch (e) {
      failed++;
      const message = isAppError(e) ? describe(ctx, e) : e instanceof Error ? e.message : String(e);
      lines.push(t(ctx.locale, 'cli.import.failed', { file: basename(file), message }));
      if (!isAppError(e)) reportError(ctx, e);
    }
    bar.increment();
  }
  bar.stop();
  for (const l of lines) println(ctx.stdout, l);
  println(
    ctx.stdout,
    t(ctx.locale, 'cli.import.summary', { total: files.length, ok: files.length - failed, failed }),
  );
  return failed > 0 ? EXIT.input : EXIT.ok;
}

function describe(
  ctx: CliContext,
  e: { key: string; params: Record<string, string | number>; place: object },
): string {
  const where = formatPlace(ctx.locale, { ...e.place, file: undefined });
  const what = t(ctx.locale, e.key, e.params);
  return where ? `${where} ${what}` : what;
}

/** The documents of a folder in name order (also `import-folder`'s list). */
export async function documentsIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  // Office leaves "~$name.docx" lock files next to open documents; they are not documents.
  return names
    .filter((n) => DOCUMENT.test(n) && !n.startsWith('~$') && !n.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((n) => join(dir, n));
}

function printResult(ctx: CliContext, file: string, r: ImportResult, org: string): void {
  for (const l of resultLines(ctx, file, r, org)) println(ctx.stdout, l);
}

function resultLines(ctx: CliContext, file: string, r: ImportResult, org: string): string[] {
  const d = r.diff;
  const counts = {
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    unchanged: d.unchanged,
  };
  if (r.status === 'unchanged') return [t(ctx.locale, 'cli.import.unchanged', { file, version: r.version })];
  const head =
    r.status === 'dry_run'
      ? t(ctx.locale, 'cli.import.dry', { file, version: r.version, ...counts })
      : r.previousVersion === null
        ? t(ctx.locale, 'cli.import.first', { file, org, items: d.added.length })
        : t(ctx.locale, 'cli.import.done', { file, org, version: r.version, ...counts });
  const lines = [head];
  if (r.previousVersion === null) return lines;
  for (const i of d.added)
    lines.push(t(ctx.locale, 'cli.import.added', { number: i.number ?? '', title: i.title }));
  for (const i of d.removed)
    lines.push(t(ctx.locale, 'cli.import.removed', { number: i.number ?? '', title: i.title }));
  for (const c of d.changed) {
    const fields = c.fields.map((f) => t(ctx.locale, `field.${f}`));
    lines.push(
      t(ctx.locale, 'cli.import.changed', { number: c.after.number ?? '', title: c.after.title, fields }),
    );
  }
  return lines;
}
