import { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../../config.js';
import { t } from '../../i18n/index.js';
import { formatBytes } from '../../readers/human-size.js';
import { totalRows } from '../../services/backup/backup-format.js';
import { createBackup } from '../../services/backup/create-backup.service.js';
import { checkBackupFile } from '../../services/backup/read-backup.service.js';
import { restoreBackup } from '../../services/backup/restore-backup.service.js';
import { localEvidenceStore } from '../../services/evidence-store.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

interface BackupOptions {
  out?: string;
  check?: string;
  /** commander's --no-evidence */
  evidence: boolean;
}

/**
 * `reform-ledger backup --out FILE`, `reform-ledger backup --check FILE` and
 * `reform-ledger restore FILE`: SQLite's database and evidence files in one .tar
 * (services/backup/). PostgreSQL has its own tools (pg_dump, pg_restore): these commands say so.
 */
export function backupCommand(ctx: CliContext, run: Runner): Command {
  const tr = (key: string) => t(ctx.locale, key);
  return new Command('backup')
    .description(tr('cli.backup.description'))
    .option('--out <file>', tr('cli.backup.opt.out'))
    .option('--check <file>', tr('cli.backup.opt.check'))
    .option('--no-evidence', tr('cli.backup.opt.noEvidence'))
    .action(run((opts: BackupOptions) => (opts.check ? checkBackup(ctx, opts.check) : backup(ctx, opts))));
}

export function restoreCommand(ctx: CliContext, run: Runner): Command {
  return new Command('restore')
    .description(t(ctx.locale, 'cli.restore.description'))
    .argument('<file>', t(ctx.locale, 'cli.restore.arg.file'))
    .action(run((file: string) => restore(ctx, file)));
}

async function backup(ctx: CliContext, opts: BackupOptions): Promise<number> {
  if (!opts.out) {
    println(ctx.stderr, t(ctx.locale, 'cli.backup.need_out_or_check'));
    return EXIT.input;
  }
  const config = loadConfig(ctx.env);
  if (config.database.kind !== 'sqlite') {
    println(ctx.stderr, t(ctx.locale, 'cli.backup.postgres'));
    return EXIT.input;
  }
  const out = resolve(ctx.cwd, opts.out);
  const { manifest, problems } = await createBackup({
    dbFile: config.database.file,
    evidence: opts.evidence ? localEvidenceStore(config.dataDir) : null,
    out,
    now: new Date(),
  });
  const files = manifest.evidence.files;
  println(
    ctx.stdout,
    t(ctx.locale, 'cli.backup.written', {
      file: out,
      dbSize: formatBytes(manifest.database.bytes),
      migration: manifest.migration ?? '—',
      rows: totalRows(manifest.counts),
      files: files.length,
      evidenceSize: formatBytes(files.reduce((a, f) => a + f.bytes, 0)),
    }),
  );
  const missing = manifest.evidence.missing;
  if (missing.length > 0) {
    println(
      ctx.stderr,
      t(ctx.locale, 'cli.backup.missing_evidence', {
        count: missing.length,
        files: missing.slice(0, 10).map((m) => m.fileName),
      }),
    );
  }
  for (const p of problems) println(ctx.stderr, t(ctx.locale, p.key, p.params));
  return missing.length > 0 || problems.length > 0 ? EXIT.findings : EXIT.ok;
}

async function checkBackup(ctx: CliContext, file: string): Promise<number> {
  const path = resolve(ctx.cwd, file);
  const { marker, manifest, check } = await checkBackupFile(path);
  println(
    ctx.stdout,
    t(ctx.locale, 'cli.backup.checked', {
      file: path,
      createdAt: marker.createdAt,
      version: marker.appVersion,
      migration: manifest.migration ?? '—',
      rows: totalRows(manifest.counts),
      files: manifest.evidence.files.length,
    }),
  );
  for (const p of check.problems) println(ctx.stderr, t(ctx.locale, p.key, p.params));
  return check.problems.length > 0 ? EXIT.findings : EXIT.ok;
}

async function restore(ctx: CliContext, file: string): Promise<number> {
  const config = loadConfig(ctx.env);
  if (config.database.kind !== 'sqlite') {
    println(ctx.stderr, t(ctx.locale, 'cli.restore.postgres'));
    return EXIT.input;
  }
  const path = resolve(ctx.cwd, file);
  const { backup, previous } = await restoreBackup({
    file: path,
    dbFile: config.database.file,
    evidence: localEvidenceStore(config.dataDir),
    now: new Date(),
  });
  const params = {
    file: path,
    rows: totalRows(backup.manifest.counts),
    migration: backup.manifest.migration ?? '—',
    files: backup.evidence.length,
    previous: previous ?? '',
  };
  println(ctx.stdout, t(ctx.locale, previous ? 'cli.restore.done' : 'cli.restore.done_fresh', params));
  for (const p of backup.check.problems) println(ctx.stderr, t(ctx.locale, p.key, p.params));
  return EXIT.ok;
}
