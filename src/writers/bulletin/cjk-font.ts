import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A font with Chinese glyphs for the charts drawn on the server (resvg has no font fallback of
 * its own: without one, every Chinese label is missing). Looked up once per process in the usual
 * font folders of Linux, macOS and Windows; the first face of a known CJK family wins, in the
 * order of PREFERRED (sans-serif faces first: the charts are set in sans-serif).
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

let found: string | null | undefined;

/** The path of a CJK font file, or null when the machine has none. */
export function findCjkFont(folders: readonly string[] = FOLDERS): string | null {
  if (found !== undefined && folders === FOLDERS) return found;
  const files: string[] = [];
  for (const folder of folders) collect(folder, 0, files);
  let best: string | null = null;
  let bestRank = Infinity;
  for (const file of files) {
    const name = file.split(/[\\/]/).pop()!;
    const rank = PREFERRED.findIndex((re) => re.test(name));
    if (rank !== -1 && rank < bestRank) {
      best = file;
      bestRank = rank;
    }
  }
  if (folders === FOLDERS) found = best;
  return best;
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
