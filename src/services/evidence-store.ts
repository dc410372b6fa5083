import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
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
    // verified before it got that name).
    if ((await this.size(sha256)) === bytes.length) return { sha256, bytes: bytes.length };

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

/** The default store: `<dataDir>/evidence`. */
export function localEvidenceStore(dataDir: string): LocalEvidenceStore {
  return new LocalEvidenceStore(join(dataDir, 'evidence'));
}
