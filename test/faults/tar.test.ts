import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryChunks, tarEntries, TarFormatError, TarWriter } from '../../src/services/backup/tar.js';
import { storageProblemOf } from '../../src/store/storage-errors.js';

describe('the backup tar format', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes archives the system tar reads, and reads them back entry by entry', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-tar-'));
    const file = join(dir, 'a.tar');
    // An entry whose bytes do not add up to the size its header announced is refused.
    const scratch = await open(join(dir, 'scratch.tar'), 'w');
    await expect(
      new TarWriter(scratch).addStream('short', 10, [Buffer.from('abc')], new Date()),
    ).rejects.toThrow(TarFormatError);
    await scratch.close();

    const big = Buffer.alloc(70_000, 7);
    const at = new Date('2022-06-30T00:00:00Z');
    const w = await open(file, 'w');
    const tar = new TarWriter(w);
    await tar.addBytes('manifest.json', Buffer.from('{"a":1}\n'), at);
    await tar.addBytes(`evidence/ab/cd/${'e'.repeat(64)}`, big, at);
    await tar.addBytes('empty', new Uint8Array(0), at);
    await tar.finish();
    await w.close();

    const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['manifest.json', `evidence/ab/cd/${'e'.repeat(64)}`, 'empty']);
    expect(execFileSync('tar', ['-xOf', file, 'manifest.json'], { encoding: 'utf8' })).toBe('{"a":1}\n');

    const r = await open(file, 'r');
    const seen: { name: string; size: number; bytes: number }[] = [];
    for await (const e of tarEntries(r)) {
      let bytes = 0;
      for await (const chunk of entryChunks(r, e, 4096)) bytes += chunk.length;
      seen.push({ name: e.name, size: e.size, bytes });
    }
    await r.close();
    expect(seen.map((s) => [s.name.slice(0, 14), s.size, s.bytes])).toEqual([
      ['manifest.json', 8, 8],
      ['evidence/ab/cd', 70_000, 70_000],
      ['empty', 0, 0],
    ]);

    // Truncated inside the big entry, and a damaged header: refused, never read past.
    execFileSync('truncate', ['-s', '40000', file]);
    const t = await open(file, 'r');
    const names: string[] = [];
    await expect(
      (async () => {
        for await (const e of tarEntries(t)) names.push(e.name);
      })(),
    ).rejects.toThrow(/ends inside it/);
    await t.close();
    expect(names).toEqual(['manifest.json']);
  });
});

describe('storage problems from driver and file-system errors', () => {
  it('names a full disk, a read-only folder and an unreachable database, and nothing else', () => {
    const e = (code: string, extra: object = {}) => Object.assign(new Error('x'), { code, ...extra });
    expect(storageProblemOf(e('SQLITE_FULL'))).toBe('full');
    expect(storageProblemOf(e('ENOSPC'))).toBe('full');
    expect(storageProblemOf(e('53100'))).toBe('full');
    expect(storageProblemOf(e('SQLITE_READONLY'))).toBe('read_only');
    expect(storageProblemOf(e('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(storageProblemOf(e('EROFS'))).toBe('read_only');
    expect(storageProblemOf(e('EACCES', { syscall: 'access' }))).toBe('read_only');
    // A file the user named that cannot be read is not the data folder's problem.
    expect(storageProblemOf(e('EACCES', { syscall: 'open' }))).toBeNull();
    expect(storageProblemOf(e('57P01'))).toBe('unavailable');
    expect(storageProblemOf(e('ECONNREFUSED'))).toBe('unavailable');
    expect(storageProblemOf(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    expect(storageProblemOf(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(storageProblemOf(Object.assign(new Error('wrapped'), { cause: e('ENOSPC') }))).toBe('full');
    expect(storageProblemOf(e('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageProblemOf(e('23505'))).toBeNull();
    expect(storageProblemOf(new TypeError('undefined is not a function'))).toBeNull();
  });
});
