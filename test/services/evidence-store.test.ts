import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EvidenceIntegrityError,
  LocalEvidenceStore,
  localEvidenceStore,
  sha256Of,
} from '../../src/services/evidence-store.js';
import { pdf, png } from '../helpers/evidence-files.js';

/** Every file under the folder, relative, sorted. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();
}

describe('LocalEvidenceStore', () => {
  let dataDir: string;
  let store: LocalEvidenceStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-evidence-'));
    store = localEvidenceStore(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores the bytes under evidence/<ab>/<cd>/<sha256> and streams them back', async () => {
    const bytes = pdf('Nongmin chigu gaige');
    const sha = sha256Of(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.size(sha)).toBeNull();

    expect(await store.put(bytes)).toEqual({ sha256: sha, bytes: bytes.length });
    expect(filesUnder(dataDir)).toEqual([join('evidence', sha.slice(0, 2), sha.slice(2, 4), sha)]);
    expect(await store.has(sha)).toBe(true);
    expect(await store.size(sha)).toBe(bytes.length);
    expect(Buffer.compare(await buffer(await store.open(sha)), bytes)).toBe(0);
  });

  it('stores the same content once, however often it is put, even at the same time', async () => {
    const bytes = png(40, 30);
    const first = await store.put(bytes);
    const inode = statSync(store.pathOf(first.sha256)).ino;
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => store.put(Buffer.from(bytes))));
    expect(again.every((b) => b.sha256 === first.sha256)).toBe(true);
    // Not rewritten: the file is the one the first put renamed into place.
    expect(statSync(store.pathOf(first.sha256)).ino).toBe(inode);
    await store.put(pdf());
    expect(filesUnder(join(dataDir, 'evidence'))).toHaveLength(2);

    // Five first-time puts of new content racing each other: one complete file, no temp left.
    const fresh = pdf('five at once');
    await Promise.all([1, 2, 3, 4, 5].map(() => store.put(Buffer.from(fresh))));
    expect(filesUnder(join(dataDir, 'evidence'))).toHaveLength(3);
    expect(readFileSync(store.pathOf(sha256Of(fresh)))).toEqual(fresh);
  });

  it('never exposes a half-written file: a crashed write leaves only a temp file, which is ignored', async () => {
    const bytes = pdf('crash');
    const sha = sha256Of(bytes);
    const final = store.pathOf(sha);
    await mkdir(dirname(final), { recursive: true });
    // What a crash in the middle of a put leaves behind.
    writeFileSync(join(dirname(final), `.${sha}.a1b2c3d4e5f6.tmp`), bytes.subarray(0, 100));
    expect(await store.has(sha)).toBe(false);

    await store.put(bytes);
    expect(readFileSync(final)).toEqual(bytes);
    // The put's own temp file is gone; the crashed one stays (never read, never served).
    expect(readdirSync(dirname(final)).filter((n) => n.endsWith('.tmp'))).toEqual([
      `.${sha}.a1b2c3d4e5f6.tmp`,
    ]);
  });

  it('replaces a file under a final name that is not the whole content (written by hand, truncated)', async () => {
    const bytes = png(10, 10);
    const sha = sha256Of(bytes);
    await mkdir(dirname(store.pathOf(sha)), { recursive: true });
    writeFileSync(store.pathOf(sha), bytes.subarray(0, 20));
    await store.put(bytes);
    expect(readFileSync(store.pathOf(sha))).toEqual(bytes);
  });

  it('refuses bytes that do not hash to the expected SHA-256 and stores nothing', async () => {
    const bytes = pdf();
    const wrong = sha256Of(png());
    await expect(store.put(bytes, wrong)).rejects.toBeInstanceOf(EvidenceIntegrityError);
    await expect(store.put(bytes, wrong)).rejects.toThrow(`expected ${wrong}`);
    expect(await store.has(wrong)).toBe(false);
    expect(await store.has(sha256Of(bytes))).toBe(false);
    expect(await store.put(bytes, sha256Of(bytes))).toEqual({ sha256: sha256Of(bytes), bytes: bytes.length });
  });

  it('takes only SHA-256 names: no path leaves the store', async () => {
    await expect(store.has('../../etc/passwd')).rejects.toThrow('not a SHA-256');
    await expect(store.open(`${'a'.repeat(62)}/x`)).rejects.toThrow('not a SHA-256');
    await expect(store.open('A'.repeat(64))).rejects.toThrow('not a SHA-256');
  });

  it('fails to open a blob it does not hold', async () => {
    await expect(store.open(sha256Of(pdf('absent')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
