import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { createDatabase } from '../../store/database.js';
import { checkDatabase, type DatabaseCheck } from '../check-database.service.js';
import {
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  EVIDENCE_ENTRY,
  MANIFEST_ENTRY,
  MARKER_ENTRY,
  manifestSchema,
  markerSchema,
  type BackupManifest,
  type BackupMarker,
} from './backup-format.js';
import { entryChunks, tarEntries, TarFormatError, type TarEntry } from './tar.js';

/** Where a backup's files are unpacked to be checked (a restore: beside their final places). */
export interface Staging {
  /** The database file to write. */
  dbFile: string;
  /** The folder evidence files are written to, as `<ab>/<cd>/<sha256>`. */
  evidenceDir: string;
}

export interface VerifiedBackup {
  marker: BackupMarker;
  manifest: BackupManifest;
  /** The unpacked database's own check (integrity, foreign keys, invariants, counts). */
  check: DatabaseCheck;
  /** SHA-256 of the evidence files unpacked into staging.evidenceDir. */
  evidence: string[];
}

/** Larger than any marker or manifest this program writes: a foreign file is not read into memory. */
const MAX_JSON_ENTRY = 64 * 1024 * 1024;

/**
 * Unpacks a backup file into `staging` and checks every part of it: that it is a backup of this
 * program (else `error.backup_foreign`), that every entry is whole and hashes to what the
 * manifest says, that the manifest lists exactly what is there, that the database passes its own
 * check with the manifest's row counts, and that no migration is newer than this program knows
 * (`error.backup_newer`). Anything else is `error.backup_damaged` with what was wrong.
 */
export async function readBackup(file: string, staging: Staging): Promise<VerifiedBackup> {
  if (!existsSync(file)) throw new NotFoundError('error.backup_not_found', { file });
  const handle = await open(file, 'r');
  const damaged = (detail: string) => new InputError('error.backup_damaged', { file, detail });
  let marker: BackupMarker | undefined;
  let manifest: BackupManifest | undefined;
  let database: { bytes: number; sha256: string } | undefined;
  const evidence = new Map<string, number>();
  try {
    const entries = tarEntries(handle);
    try {
      const first = await entries.next();
      if (first.done || first.value.name !== MARKER_ENTRY || first.value.size > MAX_JSON_ENTRY)
        throw foreign(file);
      const parsed = markerSchema.safeParse(await readJson(handle, first.value));
      if (!parsed.success) throw foreign(file);
      marker = parsed.data;
    } catch (e) {
      // The first header does not even parse: some other kind of file.
      if (e instanceof TarFormatError || e instanceof SyntaxError) throw foreign(file);
      throw e;
    }
    if (marker.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new InputError('error.backup_newer', { file, migration: `format ${marker.formatVersion}` });
    }
    if (marker.dialect !== 'sqlite')
      throw new InputError('error.backup_sqlite_only', { dialect: marker.dialect });

    for await (const entry of entries) {
      if (manifest) throw damaged(`${entry.name} after ${MANIFEST_ENTRY}`);
      if (entry.name === DATABASE_ENTRY && !database) {
        database = await unpack(handle, entry, staging.dbFile);
        continue;
      }
      const m = EVIDENCE_ENTRY.exec(entry.name);
      if (m) {
        if (evidence.has(m[3]!)) throw damaged(`${entry.name} twice`);
        const target = join(staging.evidenceDir, m[1]!, m[2]!, m[3]!);
        await mkdir(join(target, '..'), { recursive: true });
        const got = await unpack(handle, entry, target);
        if (got.sha256 !== m[3]) throw damaged(`${entry.name} does not hash to its name`);
        evidence.set(m[3]!, got.bytes);
        continue;
      }
      if (entry.name === MANIFEST_ENTRY && entry.size <= MAX_JSON_ENTRY) {
        const parsed = manifestSchema.safeParse(await readJson(handle, entry).catch(() => null));
        if (!parsed.success) throw damaged(`${MANIFEST_ENTRY} is not readable`);
        manifest = parsed.data;
        continue;
      }
      // The name comes from the file: no control characters reach the terminal.
      throw damaged(`unexpected entry ${printable(entry.name)}`);
    }
  } catch (e) {
    if (e instanceof TarFormatError) throw damaged(e.message);
    throw e;
  } finally {
    await handle.close();
  }

  if (!manifest) throw damaged(`no ${MANIFEST_ENTRY}: the file is incomplete`);
  if (!database) throw damaged(`no ${DATABASE_ENTRY}`);
  if (database.sha256 !== manifest.database.sha256 || database.bytes !== manifest.database.bytes) {
    throw damaged(`${DATABASE_ENTRY} does not match the manifest's SHA-256`);
  }
  const listed = new Set(manifest.evidence.files.map((f) => f.sha256));
  for (const f of manifest.evidence.files) {
    if (evidence.get(f.sha256) !== f.bytes) throw damaged(`evidence file ${f.sha256} is missing`);
  }
  for (const sha of evidence.keys()) {
    if (!listed.has(sha)) throw damaged(`evidence file ${sha} is not in the manifest`);
  }

  const db = await createDatabase({ database: { kind: 'sqlite', file: staging.dbFile } });
  let check: DatabaseCheck;
  try {
    check = await checkDatabase(db);
  } finally {
    await db.destroy();
  }
  if (check.unknownMigrations.length > 0) {
    throw new InputError('error.backup_newer', { file, migration: check.unknownMigrations.at(-1)! });
  }
  const engine = check.problems.find((p) => p.key === 'check.integrity' || p.key === 'check.foreign_key');
  if (engine) throw damaged(`${engine.key} ${JSON.stringify(engine.params)}`);
  for (const [table, n] of Object.entries(manifest.counts)) {
    if (check.counts[table] !== n)
      throw damaged(`${table}: ${check.counts[table] ?? 0} rows, the manifest says ${n}`);
  }
  return { marker, manifest, check, evidence: [...evidence.keys()] };
}

function printable(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '?' : ch)).join('');
}

function foreign(file: string): InputError {
  return new InputError('error.backup_foreign', { file });
}

async function readJson(handle: FileHandle, entry: TarEntry): Promise<unknown> {
  const parts: Uint8Array[] = [];
  for await (const chunk of entryChunks(handle, entry)) parts.push(chunk);
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

/** Copies an entry to `target` (created, never overwritten), flushed; its size and hash. */
async function unpack(
  handle: FileHandle,
  entry: TarEntry,
  target: string,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const out = await open(target, 'wx');
  try {
    for await (const chunk of entryChunks(handle, entry)) {
      hash.update(chunk);
      await out.write(chunk);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { bytes: entry.size, sha256: hash.digest('hex') };
}

/** `reform-ledger backup --check FILE`: readBackup into a temporary folder, removed afterwards. */
export async function checkBackupFile(file: string): Promise<VerifiedBackup> {
  const dir = await mkdtemp(join(tmpdir(), 'reform-ledger-check-'));
  try {
    return await readBackup(file, { dbFile: join(dir, DATABASE_ENTRY), evidenceDir: join(dir, 'evidence') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
