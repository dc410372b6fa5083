import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { findCjkFont, fontFamily } from './cjk-font.js';
import { subsetFont } from './font-subset.js';

/**
 * The font resvg draws a set of charts with: the system's CJK font cut down to the characters
 * of their labels (font-subset.ts says why), written to a file of this process's own — resvg
 * takes fonts as files only — and named as every generic family the charts may ask for, so that
 * resvg finds it without its slower fallback search. Without a CJK font, the system's fonts draw
 * what they can, and the caller warns.
 */

export type FontOptions = NonNullable<ResvgRenderOptions['font']>;

/** Subsets kept on disk at once: a few bulletins' worth of label sets. */
const MAX_FILES = 16;
let dir: string | null = null;
const files = new Map<string, string>();

export function chartFont(svgs: readonly string[], folders?: readonly string[]): FontOptions | null {
  const cjk = findCjkFont(folders);
  if (!cjk) return null;
  const family = fontFamily(cjk);
  const subset = subsetFont(cjk, labelChars(svgs));
  return {
    loadSystemFonts: false,
    fontFiles: [subset ? fileOf(subset) : cjk],
    ...(family
      ? { defaultFontFamily: family, sansSerifFamily: family, serifFamily: family, monospaceFamily: family }
      : {}),
  };
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character of the SVGs' text, entities decoded. */
export function labelChars(svgs: readonly string[]): Set<string> {
  const chars = new Set<string>();
  for (const svg of svgs) {
    for (const m of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
      const text = m[1]!.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (ENTITY[e] ?? whole),
      );
      for (const c of text) chars.add(c);
    }
  }
  return chars;
}

function fileOf(bytes: Uint8Array): string {
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const known = files.get(key);
  if (known) return known;
  if (dir === null) {
    dir = mkdtempSync(join(tmpdir(), 'reform-ledger-fonts-'));
    const made = dir;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  const path = join(dir, `${key}.ttf`);
  writeFileSync(path, bytes);
  files.set(key, path);
  if (files.size > MAX_FILES) {
    const [oldest, old] = files.entries().next().value!;
    files.delete(oldest);
    rmSync(old, { force: true });
  }
  return path;
}
