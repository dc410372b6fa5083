import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConflictError } from '../../domain/errors.js';
import { sqliteInUse } from '../../store/sqlite-files.js';
import type { LocalEvidenceStore } from '../evidence-store.js';
import { readBackup, type VerifiedBackup } from './read-backup.service.js';

export interface RestoreInput {
  file: string;
  /** The SQLite database file to replace (or create). */
  dbFile: string;
  evidence: LocalEvidenceStore;
  now: Date;
}

export interface RestoreOutcome {
  backup: VerifiedBackup;
  /** Where the database that was replaced is kept; null when there was none. */
  previous: string | null;
}

/**
 * `reform-ledger restore FILE` on SQLite. Everything is unpacked and checked first, beside its
 * final place (readBackup); nothing already there is touched until the whole backup has passed.
 * Then the evidence files are moved in (content-addressed: files already there stay, none is
 * overwritten), the current database is kept under a `.before-restore-…` name (a hard link), and
 * the restored one takes its place in one rename. A crash at any moment leaves either the old
 * database or the restored one under the name, never a mix, and at worst unused files beside it.
 */
export async function restoreBackup(input: RestoreInput): Promise<RestoreOutcome> {
  const { dbFile } = input;
  await mkdir(dirname(dbFile), { recursive: true });
  await mkdir(input.evidence.root, { recursive: true });
  if (sqliteInUse(dbFile)) throw new ConflictError('error.restore_in_use', { file: dbFile });

  const dbStage = await mkdtemp(join(dirname(dbFile), `.${basename(dbFile)}.restore-`));
  const evidenceStage = await mkdtemp(join(input.evidence.root, '.restore-'));
  try {
    const stagedDb = join(dbStage, basename(dbFile));
    const backup = await readBackup(input.file, { dbFile: stagedDb, evidenceDir: evidenceStage });

    // Checked again: a server started while the backup was being unpacked.
    if (sqliteInUse(dbFile)) throw new ConflictError('error.restore_in_use', { file: dbFile });
    for (const sha256 of backup.evidence) await moveBlob(input.evidence, evidenceStage, sha256);

    let previous: string | null = null;
    if (existsSync(dbFile)) {
      previous = `${dbFile}.before-restore-${input.now.toISOString().replace(/[:.]/g, '-')}`;
      await link(dbFile, previous).catch(() => copyFile(dbFile, previous!));
    }
    // A write-ahead log left by the replaced database (one SQLite could not open) goes with it:
    // replayed into the restored file it would corrupt it. Its index is rebuilt from the log.
    if (existsSync(`${dbFile}-wal`)) {
      await rename(`${dbFile}-wal`, previous ? `${previous}-wal` : `${dbFile}.wal-before-restore`);
    }
    await unlink(`${dbFile}-shm`).catch(() => {});
    await rename(stagedDb, dbFile);
    await syncFolder(dirname(dbFile));
    return { backup, previous };
  } finally {
    await rm(dbStage, { recursive: true, force: true });
    await rm(evidenceStage, { recursive: true, force: true });
  }
}

async function moveBlob(store: LocalEvidenceStore, stage: string, sha256: string): Promise<void> {
  const from = join(stage, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const to = store.pathOf(sha256);
  const size = (await stat(from)).size;
  // The same content already there (it was never deleted, or an earlier restore put it back).
  if ((await store.size(sha256)) === size) return;
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename is done either way.
  } finally {
    await handle.close();
  }
}
