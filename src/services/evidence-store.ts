import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { testPausePoint } from './test-pause-point.js';

/**
 * Where the bytes of evidence files (佐证材料) live. Content-addressed by SHA-256: the database
 * row names the hash, the store holds each distinct content once, however many reports attach it.
 * A blob is never changed once written, so an S3-compatible store (key = hash) can implement
 * the same interface and servers can share it.
 */
export interface EvidenceStore {
  /**
   * Stores the bytes (once: storing the same content again is a no-op) and returns their hash.
   * `expectedSha256`, when given, must match, or nothing is stored.
   */
  put(bytes: Uint8Array, expectedSha256?: string): Promise<StoredBlob>;
  /** The bytes, streamed; fails when the blob is absent. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Size in bytes, or null when absent. */
  size(sha256: string): Promise<number | null>;
}

export interface StoredBlob {
  sha256: string;
  bytes: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown when bytes do not hash to what they were said to be: never stored, never served. */
export class EvidenceIntegrityError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`evidence content hashes to ${actual}, expected ${expected}`);
    this.name = 'EvidenceIntegrityError';
  }
}

/**
 * `<root>/<ab>/<cd>/<sha256>`: two levels of 256 folders keep any one folder small (a province's
 * worth of files is a few hundred thousand).
 *
 * A blob is written to a temporary file in its final folder, flushed to disk, read back and
 * hashed, and only then renamed to its final name. Rename within a folder is atomic, so a crash
 * (or a full disk) at any moment leaves either no file or the whole verified file under the
 * final name — never half of one. A crash can leave a `.tmp` file behind; it is never read.
 */
export class LocalEvidenceStore implements EvidenceStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array, expectedSha256?: string): Promise<StoredBlob> {
    const sha256 = sha256Of(bytes);
    if (expectedSha256 !== undefined && expectedSha256 !== sha256) {
      throw new EvidenceIntegrityError(expectedSha256, sha256);
    }
    const target = this.pathOf(sha256);
    // Same hash, same length: the content is already here (a file under its final name was
    // verified before it got that name). Reusing it marks it fresh first, so the sweep sees it
    // as in use until the row that will name it is committed (removeUnlessReused).
    if ((await this.size(sha256)) === bytes.length && (await this.markReused(target))) {
      return { sha256, bytes: bytes.length };
    }

    const folder = join(target, '..');
    await mkdir(folder, { recursive: true }).catch(async (e: unknown) => {
      // A recursive mkdir on a read-only volume reports ENOENT; the folder's own state says why
      // (EROFS: the API answers 503 "read-only", test/faults/disk-full.test.ts).
      await access(this.root, fsConstants.W_OK);
      throw e;
    });
    const temp = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const written = sha256Of(await readFile(temp));
      if (written !== sha256) throw new EvidenceIntegrityError(sha256, written);
      await testPausePoint('evidence.temp-written');
      // Two uploads of the same content may race here; both renames put identical bytes in place.
      await rename(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => {});
      throw e;
    }
    return { sha256, bytes: bytes.length };
  }

  /**
   * Sets the blob's modification time to now. False when it is gone (a sweep took it since the
   * size was read: the caller writes it anew) or cannot be marked (another owner: a rewrite
   * gives a fresh file instead). A read-only volume cannot be swept either, so reuse is safe.
   */
  private async markReused(target: string): Promise<boolean> {
    const now = new Date();
    try {
      await utimes(target, now, now);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EROFS';
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    // Opened here, not lazily by the stream, so a missing blob fails before a response starts.
    const handle = await open(path, 'r');
    return handle.createReadStream({ autoClose: true });
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== null;
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
}

/** A file found in the store by `listStoreFiles`. */
export interface StoreFile {
  /** `blob`: under its final name; `temp`: a put's temporary file; `swept`: a sweep's (below). */
  kind: 'blob' | 'temp' | 'swept';
  sha256: string;
  path: string;
  bytes: number;
  /**
   * When it was last written or marked reused (its modification time). For a `swept` file the
   * later of that and its status-change time, which the sweep's rename set: another sweep
   * running at the same time must leave it to the one that moved it.
   */
  changedAt: Date;
}

const BLOB_NAME = /^[0-9a-f]{64}$/;
const TEMP_NAME = /^\.([0-9a-f]{64})\.[0-9a-f]+\.tmp$/;
const SWEPT_NAME = /^\.([0-9a-f]{64})\.[0-9a-f]+\.swept$/;

/** Every blob and leftover file under `<root>/<ab>/<cd>/`; anything else there is ignored. */
export async function listStoreFiles(store: LocalEvidenceStore): Promise<StoreFile[]> {
  const out: StoreFile[] = [];
  for (const folder of await foldersOf(store.root)) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const blob = BLOB_NAME.test(name) ? name : null;
      const temp = TEMP_NAME.exec(name)?.[1];
      const swept = SWEPT_NAME.exec(name)?.[1];
      const sha256 = blob ?? temp ?? swept;
      // Only where the store would look for it: anything else is not the store's to remove.
      if (!sha256 || join(store.pathOf(sha256), '..') !== folder) continue;
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      out.push({
        kind: blob ? 'blob' : temp ? 'temp' : 'swept',
        sha256,
        path,
        bytes: info.size,
        changedAt: new Date(swept ? Math.max(info.mtimeMs, info.ctimeMs) : info.mtimeMs),
      });
    }
  }
  return out;
}

async function foldersOf(root: string): Promise<string[]> {
  const two = /^[0-9a-f]{2}$/;
  const out: string[] = [];
  for (const a of (await readdir(root).catch(() => [] as string[])).filter((n) => two.test(n))) {
    for (const b of (await readdir(join(root, a)).catch(() => [] as string[])).filter((n) => two.test(n))) {
      out.push(join(root, a, b));
    }
  }
  return out.sort();
}

/**
 * Removes a blob no row names, unless a put has reused it since `notReusedSince`. The blob is
 * first renamed away (atomic): from then on a put finds it absent and writes it anew. A put
 * that found it present before that had marked it reused (put → markReused), and the rename
 * keeps the modification time, so reading it after the rename is enough to tell — such a blob
 * is renamed back. A crash between the two renames leaves a `.swept` file, which the next sweep
 * puts back if a row names it, or removes.
 */
export async function removeUnlessReused(
  store: LocalEvidenceStore,
  sha256: string,
  notReusedSince: Date,
): Promise<'removed' | 'reused' | 'absent'> {
  const target = store.pathOf(sha256);
  const swept = join(target, '..', `.${sha256}.${randomBytes(6).toString('hex')}.swept`);
  try {
    await rename(target, swept);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw e;
  }
  // Only the modification time: the rename just changed the status-change time.
  if ((await stat(swept)).mtimeMs >= notReusedSince.getTime()) {
    await rename(swept, target);
    return 'reused';
  }
  await unlink(swept);
  return 'removed';
}

/** Puts back a `.swept` file left by an interrupted sweep (identical bytes if a put rewrote it). */
export async function restoreSwept(store: LocalEvidenceStore, file: StoreFile): Promise<void> {
  await rename(file.path, store.pathOf(file.sha256));
}

/** Removes a leftover temporary or `.swept` file; one already gone is fine. */
export async function removeLeftover(file: StoreFile): Promise<void> {
  await unlink(file.path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}

/** The default store: `<dataDir>/evidence`. */
export function localEvidenceStore(dataDir: string): LocalEvidenceStore {
  return new LocalEvidenceStore(join(dataDir, 'evidence'));
}
