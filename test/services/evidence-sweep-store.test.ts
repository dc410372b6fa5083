import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listStoreFiles,
  localEvidenceStore,
  removeUnlessReused,
  sha256Of,
  type LocalEvidenceStore,
} from '../../src/services/evidence-store.js';
import { pdf, png } from '../helpers/evidence-files.js';

/**
 * The evidence store's half of the sweep (`reform-ledger evidence gc`): what it lists, and the
 * handshake with a put that reuses a blob while the sweep removes it.
 */

const HOURS_AGO = (h: number) => new Date(Date.now() - h * 3600_000);

describe('evidence store sweep', () => {
  let dataDir: string;
  let store: LocalEvidenceStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-evidence-sweep-'));
    store = localEvidenceStore(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const backdate = (path: string, h: number) => utimesSync(path, HOURS_AGO(h), HOURS_AGO(h));

  it('marks a blob fresh when a put reuses it, without rewriting it', async () => {
    const bytes = pdf('reused');
    const { sha256 } = await store.put(bytes);
    const path = store.pathOf(sha256);
    backdate(path, 5);
    const inode = statSync(path).ino;
    const before = Date.now();

    await store.put(Buffer.from(bytes));
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lists blobs, temp files and swept files where the store keeps them, and nothing else', async () => {
    const blob = await store.put(png(3, 3));
    const other = sha256Of(pdf('temp'));
    const folder = dirname(store.pathOf(other));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `.${other}.a1b2c3d4e5f6.tmp`), 'half');
    writeFileSync(join(folder, `.${other}.0f0f0f0f0f0f.swept`), 'whole');
    writeFileSync(join(folder, 'README.txt'), 'not ours');
    // A blob name in a folder the store would never look in.
    writeFileSync(join(folder, blob.sha256), 'misplaced');
    backdate(store.pathOf(blob.sha256), 3);

    const files = await listStoreFiles(store);
    expect(files.map((f) => [f.kind, f.sha256, f.bytes]).sort()).toEqual(
      [
        ['blob', blob.sha256, blob.bytes],
        ['swept', other, 5],
        ['temp', other, 4],
      ].sort(),
    );
    const listed = files.find((f) => f.kind === 'blob')!;
    expect(Math.abs(listed.changedAt.getTime() - HOURS_AGO(3).getTime())).toBeLessThan(60_000);
  });

  it('removes a blob nobody reused since the cutoff, and leaves no file behind', async () => {
    const { sha256 } = await store.put(pdf('garbage'));
    backdate(store.pathOf(sha256), 2);
    expect(await removeUnlessReused(store, sha256, HOURS_AGO(1))).toBe('removed');
    expect(existsSync(store.pathOf(sha256))).toBe(false);
    expect(await listStoreFiles(store)).toEqual([]);
    expect(await removeUnlessReused(store, sha256, HOURS_AGO(1))).toBe('absent');
  });

  it('keeps a blob that a put reused after the sweep listed it as old (the row is on its way)', async () => {
    const bytes = pdf('raced');
    const { sha256 } = await store.put(bytes);
    backdate(store.pathOf(sha256), 2);
    const cutoff = HOURS_AGO(1);
    const [listed] = await listStoreFiles(store);
    expect(listed!.changedAt.getTime()).toBeLessThan(cutoff.getTime());

    // An upload of the same content, between the sweep's listing and its removal.
    await store.put(Buffer.from(bytes));
    expect(await removeUnlessReused(store, sha256, cutoff)).toBe('reused');
    expect(readFileSync(store.pathOf(sha256))).toEqual(bytes);
    expect((await listStoreFiles(store)).map((f) => f.kind)).toEqual(['blob']);
  });
});
