import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { createDatabase } from '../../store/database.js';
import { evidenceBlobs, type EvidenceBlob } from '../../store/database-check.repository.js';
import { copyLiveDatabase } from '../../store/sqlite-files.js';
import { VERSION } from '../../version.js';
import { checkDatabase, type CheckProblem, type DatabaseCheck } from '../check-database.service.js';
import type { LocalEvidenceStore } from '../evidence-store.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  evidenceEntry,
  MANIFEST_ENTRY,
  MARKER_ENTRY,
  type BackupManifest,
  type BackupMarker,
} from './backup-format.js';
import { TarWriter } from './tar.js';

export interface CreateBackupInput {
  /** The SQLite database file (the server may be running on it). */
  dbFile: string;
  /** Where the evidence files are; null leaves them out (--no-evidence). */
  evidence: LocalEvidenceStore | null;
  /** The backup file to write; never overwritten. */
  out: string;
  now: Date;
}

export interface CreatedBackup {
  manifest: BackupManifest;
  /** What the copy's own check found (the backup is written all the same: it is most needed then). */
  problems: CheckProblem[];
}

/**
 * `reform-ledger backup --out FILE` on SQLite. The database is copied with SQLite's online
 * backup API (consistent while the server runs), checked, and written with every evidence file
 * it refers to — each read back and hashed — into one .tar (backup-format.ts). The file appears
 * under its name only once complete: it is written as FILE.partial-… and renamed at the end.
 */
export async function createBackup(input: CreateBackupInput): Promise<CreatedBackup> {
  const { out } = input;
  if (existsSync(out)) throw new ValidationError('error.backup_out_exists', { file: out });
  if (!existsSync(input.dbFile)) throw new NotFoundError('error.database_not_found', { file: input.dbFile });
  const staging = await mkdtemp(join(dirname(out), `.${basename(out)}.staging-`));
  const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const copy = join(staging, DATABASE_ENTRY);
    await copyLiveDatabase(input.dbFile, copy);
    const { check, blobs } = await inspectCopy(copy);
    const database = await hashFile(copy);

    const handle = await open(partial, 'wx');
    let manifest: BackupManifest;
    try {
      const tar = new TarWriter(handle);
      const marker: BackupMarker = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: VERSION,
        createdAt: input.now.toISOString(),
        dialect: 'sqlite',
      };
      await tar.addBytes(MARKER_ENTRY, json(marker), input.now);
      await tar.addStream(DATABASE_ENTRY, database.bytes, createReadStream(copy), input.now);
      const files: BackupManifest['evidence']['files'] = [];
      const missing: BackupManifest['evidence']['missing'] = [];
      for (const blob of input.evidence ? blobs : []) {
        const path = input.evidence!.pathOf(blob.sha256);
        // Read twice, hashed first: a damaged file is reported, never archived under its name.
        const actual = await hashFile(path).catch(() => null);
        if (!actual || actual.sha256 !== blob.sha256) {
          missing.push({ sha256: blob.sha256, fileName: blob.fileName });
          continue;
        }
        await tar.addStream(evidenceEntry(blob.sha256), actual.bytes, createReadStream(path), input.now);
        files.push({ sha256: blob.sha256, bytes: actual.bytes });
      }
      manifest = {
        database,
        migration: check.migration,
        migrations: check.migrations,
        counts: check.counts,
        evidence: { included: input.evidence !== null, files, missing },
      };
      await tar.addBytes(MANIFEST_ENTRY, json(manifest), input.now);
      await tar.finish();
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, out);
    return { manifest, problems: check.problems };
  } catch (e) {
    await unlink(partial).catch(() => {});
    throw e;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The copy's own check, and the evidence files it refers to (on a schema this program knows). */
async function inspectCopy(file: string): Promise<{ check: DatabaseCheck; blobs: EvidenceBlob[] }> {
  const db = await createDatabase({ database: { kind: 'sqlite', file } });
  try {
    const check = await checkDatabase(db);
    const blobs = check.missingMigrations.length === 0 ? await evidenceBlobs(db.kysely) : [];
    return { check, blobs };
  } finally {
    await db.destroy();
  }
}

function json(value: unknown): Uint8Array {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

export async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const info = await stat(path);
  if (info.size !== bytes) throw new Error(`${path} changed while it was read`);
  return { bytes, sha256: hash.digest('hex') };
}
