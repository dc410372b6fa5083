import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small disk of the test's own: a tmpfs mounted on a temp folder, that the test fills to the
 * last byte (ENOSPC, SQLITE_FULL) and remounts read-only (EROFS), as a real full or read-only
 * volume behaves — the only way to refuse a write to root, who ignores file permissions. Mounting
 * needs CAP_SYS_ADMIN (root on this machine and in CI); `mountSmallDisk` returns null where it is
 * not allowed, and the caller falls back to SQLite's own limits (PRAGMA max_page_count,
 * query_only).
 */

export interface SmallDisk {
  path: string;
  /** Writes a filler file until the disk refuses a byte more. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  /** A tmpfs of its own over `sub` (a folder of the disk), so that it alone can be made read-only. */
  mountInside(sub: string, megabytes: number): SmallDisk;
  /** The kernel refuses this (EBUSY) while any file on it is open for writing. */
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

export function mountSmallDisk(megabytes: number): SmallDisk | null {
  const path = mkdtempSync(join(tmpdir(), 'rl-disk-'));
  try {
    mountTmpfs(path, megabytes);
  } catch {
    rmSync(path, { recursive: true, force: true });
    return null;
  }
  return diskAt(path, true);
}

function mountTmpfs(path: string, megabytes: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path], { stdio: 'pipe' });
}

function diskAt(path: string, ownsFolder: boolean): SmallDisk {
  const filler = join(path, '.filler');
  const inner: SmallDisk[] = [];
  return {
    path,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        // The last partial page, byte by byte.
        try {
          for (;;) writeSync(fd, chunk, 0, 512);
        } catch {
          // full
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    mountInside(sub, mb) {
      const p = join(path, sub);
      mkdirSync(p, { recursive: true });
      mountTmpfs(p, mb);
      const d = diskAt(p, false);
      inner.push(d);
      return d;
    },
    readOnly() {
      execFileSync('mount', ['-o', 'remount,ro', path], { stdio: 'pipe' });
    },
    writable() {
      execFileSync('mount', ['-o', 'remount,rw', path], { stdio: 'pipe' });
    },
    unmount() {
      for (const d of inner.reverse()) d.unmount();
      try {
        execFileSync('umount', [path], { stdio: 'pipe' });
      } catch {
        // Still busy (a test failed with files open): detach it, the kernel frees it when closed.
        execFileSync('umount', ['-l', path], { stdio: 'pipe' });
      }
      if (ownsFolder) rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Whether this process may mount a tmpfs (asked once, when the test file is collected). */
export function canMountTmpfs(): boolean {
  const disk = mountSmallDisk(1);
  disk?.unmount();
  return disk !== null;
}
