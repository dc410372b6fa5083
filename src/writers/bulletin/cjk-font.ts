import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A font with Chinese glyphs for the charts drawn on the server (resvg has no font fallback of
 * its own: without one, every Chinese label is missing). Looked up in the usual font folders of
 * Linux, macOS and Windows (walked once per process); the first face of a known CJK family wins,
 * in the order of PREFERRED (sans-serif faces first: the charts ask for sans-serif).
 */

const FOLDERS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local/share/fonts'),
  '/System/Library/Fonts',
  '/Library/Fonts',
  'C:\\Windows\\Fonts',
];

/** File names of CJK faces, best first. */
const PREFERRED: RegExp[] = [
  /^wqy-microhei\.tt[cf]$/i,
  /^NotoSansCJK.*-Regular\.tt[cf]$/i,
  /^NotoSans(SC|CJKsc)-Regular\.otf$/i,
  /^SourceHanSans.*Regular.*\.(otf|ttc)$/i,
  /^wqy-zenhei\.tt[cf]$/i,
  /^(msyh|simhei|simsun|simfang)\.tt[cf]$/i,
  /^(PingFang|Hiragino Sans GB|STHeiti).*\.tt[cf]$/i,
  /^DroidSansFallback(Full)?\.ttf$/i,
  /^NotoSerifCJK.*-Regular\.tt[cf]$/i,
  /^(uming|ukai)\.tt[cf]$/i,
];

/** Folders deep enough for Debian's /usr/share/fonts/opentype/noto/…; no deeper (a bad link loops). */
const MAX_DEPTH = 4;

const fontFiles = new Map<readonly string[], string[]>();

/** Every font file in the folders; the system folders are walked once per process. */
function filesIn(folders: readonly string[]): string[] {
  const known = fontFiles.get(folders);
  if (known) return known;
  const files: string[] = [];
  for (const folder of folders) collect(folder, 0, files);
  if (folders === FOLDERS) fontFiles.set(folders, files);
  return files;
}

function best(files: readonly string[], preferred: readonly RegExp[]): string | null {
  let found: string | null = null;
  let foundRank = Infinity;
  for (const file of files) {
    const name = file.split(/[\\/]/).pop()!;
    const rank = preferred.findIndex((re) => re.test(name));
    if (rank !== -1 && rank < foundRank) {
      found = file;
      foundRank = rank;
    }
  }
  return found;
}

/** The path of a CJK font file, or null when the machine has none. */
export function findCjkFont(folders: readonly string[] = FOLDERS): string | null {
  return best(filesIn(folders), PREFERRED);
}

function collect(dir: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH || !existsSync(dir)) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) collect(path, depth + 1, out);
      else if (/\.(tt[cf]|otf)$/i.test(name)) out.push(path);
    } catch {
      // A dangling link or a file we may not read: not a font we can use.
    }
  }
}

/**
 * The family name of a font file (its `name` table, name ID 1; the first face of a collection).
 * resvg resolves generic families (the charts ask for sans-serif) by name: told the CJK font's
 * own name it finds it at once, where a name it lacks sends every label through its fallback
 * search — ten times slower with a large CJK font. Null when the file cannot be read as a font.
 */
export function fontFamily(path: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const read = (at: number, length: number): Buffer => {
      const b = Buffer.alloc(length);
      const n = readSync(fd!, b, 0, length, at);
      if (n < length) throw new RangeError('short read');
      return b;
    };
    let face = 0;
    if (read(0, 4).toString('latin1') === 'ttcf') face = read(12, 4).readUInt32BE(0);
    const tables = read(face + 4, 2).readUInt16BE(0);
    const dir = read(face + 12, tables * 16);
    let name: { at: number; length: number } | null = null;
    for (let i = 0; i < tables; i++) {
      if (dir.toString('latin1', i * 16, i * 16 + 4) === 'name') {
        name = { at: dir.readUInt32BE(i * 16 + 8), length: dir.readUInt32BE(i * 16 + 12) };
      }
    }
    if (!name) return null;
    const table = read(name.at, name.length);
    const count = table.readUInt16BE(2);
    const strings = table.readUInt16BE(4);
    let best: { rank: number; text: string } | null = null;
    for (let i = 0; i < count; i++) {
      const r = 6 + i * 12;
      const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) =>
        table.readUInt16BE(r + o),
      );
      if (nameId !== 1) continue;
      const bytes = table.subarray(strings + offset!, strings + offset! + length!);
      // Windows names are UTF-16BE; English (0x409) is how resvg's font database is asked.
      const rank = platform === 3 ? (language === 0x409 ? 0 : 1) : platform === 1 ? 2 : 3;
      const text =
        platform === 3 || platform === 0
          ? Buffer.from(bytes).swap16().toString('utf16le')
          : bytes.toString('latin1');
      if (text.trim() && (best === null || rank < best.rank)) best = { rank, text: text.trim() };
    }
    return best?.text ?? null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
