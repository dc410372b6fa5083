import { Command, Option } from 'commander';
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { t, formatPlace } from '../../i18n/index.js';
import { InputError, isAppError, ValidationError, type AppError } from '../../domain/errors.js';
import type { OrgType } from '../../domain/org-tree.js';
import { ORG_TYPES, orgNameSchema } from '../../shared/api/orgs.js';
import type { Db } from '../../store/database.js';
import { importPlan, type ImportResult } from '../../services/import-plan.service.js';
import { placeImportOrg } from '../../services/manage-orgs.service.js';
import { parseDocumentFile } from '../../services/parse-document.service.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { reportError } from '../report-error.js';
import { alignColumns, withDb } from './org.command.js';
import { documentsIn } from './import.command.js';
import { documentOptions, type DocumentOptions } from './parse.command.js';

interface FolderOptions extends DocumentOptions {
  parent: string;
  type: OrgType;
  orgPattern?: string;
  dryRun?: boolean;
}

interface Outcome {
  file: string;
  org: string;
  result: 'created' | 'imported' | 'unchanged' | 'dry_run' | 'failed';
  items: number | null;
  version: number | null;
  message?: string;
}

/**
 * `reform-ledger import-folder DIR --parent 台州市 [--type county] [--org-pattern REGEX]` (issue 9):
 * the counties' plans of a folder, one org per file — named by the file name without its
 * extension, or by the first group of --org-pattern matched against it — each created below
 * --parent when missing. One transaction per file: a file that fails leaves nothing behind and
 * does not stop the others. Prints a table of what happened to each file; exits 2 when any
 * failed, naming each failed file and why.
 */
export function importFolderCommand(ctx: CliContext, run: Runner): Command {
  const cmd = new Command('import-folder')
    .description(t(ctx.locale, 'cli.importFolder.description'))
    .argument('<dir>', t(ctx.locale, 'cli.importFolder.arg.dir'))
    .requiredOption('--parent <name>', t(ctx.locale, 'cli.opt.importParent'))
    .addOption(
      new Option('--type <type>', t(ctx.locale, 'cli.opt.importOrgType'))
        .choices([...ORG_TYPES])
        .default('county'),
    )
    .option('--org-pattern <regex>', t(ctx.locale, 'cli.opt.orgPattern'))
    .option('--dry-run', t(ctx.locale, 'cli.opt.dryRun'));
  return documentOptions(cmd, ctx).action(
    run((dir: string, opts: FolderOptions) => importFolder(ctx, dir, opts)),
  );
}

async function importFolder(ctx: CliContext, dir: string, opts: FolderOptions): Promise<number> {
  const target = resolve(ctx.cwd, dir);
  const info = await stat(target).catch(() => null);
  if (!info) throw new InputError('error.file_not_found', { file: dir }, { file: basename(dir) });
  if (!info.isDirectory()) throw new InputError('error.not_a_dir', { file: dir }, { file: basename(dir) });
  const pattern = compilePattern(opts.orgPattern);
  const files = await documentsIn(target);
  if (files.length === 0) throw new InputError('error.empty_dir', {}, { file: dir });

  return withDb(ctx, async (db) => {
    const outcomes: Outcome[] = [];
    const seen = new Map<string, string>();
    for (const file of files) {
      const name = basename(file);
      let org = '';
      try {
        org = orgNameOf(name, pattern);
        const first = seen.get(org);
        if (first !== undefined) throw new ValidationError('error.org_named_twice', { org, file: first });
        seen.set(org, name);
        outcomes.push(await importOne(db, file, org, opts));
      } catch (e) {
        if (!isAppError(e)) reportError(ctx, e);
        outcomes.push({
          file: name,
          org,
          result: 'failed',
          items: null,
          version: null,
          message: isAppError(e) ? describe(ctx, e) : e instanceof Error ? e.message : String(e),
        });
      }
    }
    printTable(ctx, outcomes);
    const failed = outcomes.filter((o) => o.result === 'failed');
    for (const f of failed) {
      println(ctx.stderr, t(ctx.locale, 'cli.import.failed', { file: f.file, message: f.message ?? '' }));
    }
    println(
      ctx.stdout,
      t(ctx.locale, 'cli.import.summary', {
        total: outcomes.length,
        ok: outcomes.length - failed.length,
        failed: failed.length,
      }),
    );
    return failed.length > 0 ? EXIT.input : EXIT.ok;
  });
}

async function importOne(db: Db, file: string, org: string, opts: FolderOptions): Promise<Outcome> {
  const { plan, file: meta } = await parseDocumentFile(file, opts);
  const newOrg = await placeImportOrg(db, { org, parent: opts.parent, type: opts.type });
  const r: ImportResult = await importPlan(db, {
    plan,
    org,
    file: meta,
    dryRun: opts.dryRun === true,
    actor: 'cli',
    ...(newOrg ? { newOrg } : {}),
  });
  const result =
    r.status === 'imported' && newOrg ? 'created' : r.status === 'imported' ? 'imported' : r.status;
  return { file: basename(file), org, result, items: plan.items.length, version: r.version };
}

function compilePattern(source: string | undefined): RegExp | null {
  if (source === undefined) return null;
  try {
    return new RegExp(source, 'u');
  } catch (e) {
    throw new ValidationError('error.bad_org_pattern', {
      pattern: source,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

/** The org a file is for: its name without the extension, or --org-pattern's first group. */
export function orgNameOf(fileName: string, pattern: RegExp | null): string {
  const stem = basename(fileName, extname(fileName)).normalize('NFC').trim();
  const raw = pattern ? (pattern.exec(stem)?.[1] ?? null) : stem;
  if (raw === null) throw new ValidationError('error.org_pattern_no_match', { file: fileName });
  const parsed = orgNameSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError('error.org_name_from_file', { file: fileName, name: raw });
  return parsed.data;
}

function describe(ctx: CliContext, e: AppError): string {
  const where = formatPlace(ctx.locale, { ...e.place, file: undefined });
  const what = t(ctx.locale, e.key, e.params);
  return where ? `${where} ${what}` : what;
}

function printTable(ctx: CliContext, outcomes: readonly Outcome[]): void {
  const rows = [
    t(ctx.locale, 'cli.importFolder.columns').split('|'),
    ...outcomes.map((o) => [
      o.file,
      o.org || '—',
      t(ctx.locale, `cli.importFolder.result.${o.result}`),
      o.items === null ? '—' : String(o.items),
      o.version === null ? '—' : String(o.version),
    ]),
  ];
  for (const line of alignColumns(rows)) println(ctx.stdout, line);
}
