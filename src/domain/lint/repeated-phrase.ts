import type { Item, PlanField } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';

/**
 * DUPLICATE_TEXT variant `repeat`: the same words typed twice in a row, as in
 * "对接落实低担保费低担保费低门槛的专项产品".
 *
 * The rule: a unit of at least 4 characters, with at least one Chinese character, no
 * punctuation, immediately followed by itself, and not itself a repetition ("哈哈哈哈").
 * Two- and three-character units are left alone on purpose: Chinese doubles them for real
 * ("研究研究", "一件事一件事地抓"), while a doubled four-character phrase has no such use.
 * Words repeated with something in between ("一体化课程、一体化教材") are lists, not repeats.
 */
export const MIN_REPEAT_CHARS = 4;
const MAX_REPEAT_CHARS = 40;
const WORD = /^[\p{L}\p{N}]+$/u;
const HAN = /\p{Script=Han}/u;

export interface Repeat {
  text: string;
  /** Index (in characters) where the first copy starts. */
  at: number;
}

function isPeriodic(unit: string[]): boolean {
  for (let p = 1; p <= unit.length / 2; p++) {
    if (unit.length % p === 0 && unit.every((c, i) => c === unit[i % p])) return true;
  }
  return false;
}

// No `u` flag: with it, a surrogate pair is one code point and would not match.
const SURROGATE = /[\uD800-\uDFFF]/;

/** Buckets of character codes for finding the next occurrence of a character (see findRepeats). */
const BUCKETS = 256;

/**
 * The repeats in a text, earliest first; the same as `findRepeatsByCharacters`, which the
 * tests hold this one to. Most texts are BMP-only, where a character is one UTF-16 code unit:
 * those are searched on code units, with the next occurrence of each character found through
 * a chain per bucket of codes (the same character or a few others, told apart on the way)
 * instead of an array of one-character strings and a string-keyed map per text, which made
 * this a tenth of the parse's time. Anything else goes to the plain version.
 */
export function findRepeats(text: string): Repeat[] {
  if (SURROGATE.test(text)) return findRepeatsByCharacters(text);
  const n = text.length;
  // A unit of MIN_REPEAT_CHARS typed twice is the shortest repeat there is.
  if (n < 2 * MIN_REPEAT_CHARS) return [];
  // nextInBucket[j]: 1 + the next position whose code falls in the bucket of j's (0: none).
  // Plain arrays: a typed array per text costs more than the search (its store is allocated
  // outside the heap).
  const head = new Array<number>(BUCKETS).fill(0);
  const nextInBucket = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    const b = text.charCodeAt(j) & (BUCKETS - 1);
    nextInBucket[j] = head[b]!;
    head[b] = j + 1;
  }
  const lengths: number[] = [];
  const found: Repeat[] = [];
  let i = 0;
  while (i < n) {
    let next = i + 1;
    const first = text.charCodeAt(i);
    const reach = Math.min(MAX_REPEAT_CHARS, Math.floor((n - i) / 2));
    let count = 0;
    for (let j = nextInBucket[i]! - 1; j !== -1 && j - i <= reach; j = nextInBucket[j]! - 1) {
      if (j - i >= MIN_REPEAT_CHARS && text.charCodeAt(j) === first) lengths[count++] = j - i;
    }
    // Longest first, as in findRepeatsByCharacters.
    while (count > 0) {
      const len = lengths[--count]!;
      let same = true;
      for (let k = 1; k < len && same; k++) same = text.charCodeAt(i + k) === text.charCodeAt(i + len + k);
      if (!same) continue;
      const word = text.slice(i, i + len);
      if (!WORD.test(word) || !HAN.test(word) || isPeriodic(Array.from(word))) continue;
      found.push({ text: word, at: i });
      next = i + 2 * len;
      while (next + len <= n && text.startsWith(word, next)) next += len;
      break;
    }
    i = next;
  }
  return found;
}

/** `findRepeats` on an array of characters (code points): simple, and right for any text. */
export function findRepeatsByCharacters(text: string): Repeat[] {
  const chars = Array.from(text);
  // A copy of length L starting at i begins with chars[i] again at i + L: only positions where
  // the same character recurs within reach are worth comparing (most characters never do).
  const nextSame = new Array<number>(chars.length).fill(-1);
  const seen = new Map<string, number>();
  for (let j = chars.length - 1; j >= 0; j--) {
    nextSame[j] = seen.get(chars[j]!) ?? -1;
    seen.set(chars[j]!, j);
  }
  const found: Repeat[] = [];
  let i = 0;
  while (i < chars.length) {
    let next = i + 1;
    const lengths: number[] = [];
    const reach = Math.min(MAX_REPEAT_CHARS, Math.floor((chars.length - i) / 2));
    for (let j = nextSame[i]!; j !== -1 && j - i <= reach; j = nextSame[j]!) {
      if (j - i >= MIN_REPEAT_CHARS) lengths.push(j - i);
    }
    for (const len of lengths.reverse()) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = chars[i + k] === chars[i + len + k];
      if (!same) continue;
      const unit = chars.slice(i, i + len);
      const word = unit.join('');
      // "ABCDABCD" doubled is periodic at 8 but a valid repeat at 4: keep looking shorter.
      if (!WORD.test(word) || !HAN.test(word) || isPeriodic(unit)) continue;
      found.push({ text: word, at: i });
      // Further copies ("智慧心园" typed four times) belong to the same slip.
      next = i + 2 * len;
      while (next + len <= chars.length && unit.every((c, k) => chars[next + k] === c)) next += len;
      break;
    }
    i = next;
  }
  return found;
}

/** A window around the repeat, so the excerpt shows it even deep inside a long entry. Only
 *  the window is copied: a long cell full of slips must not be copied whole for each one. */
function around(chars: readonly string[], at: number): string {
  const from = Math.max(0, at - 12);
  const to = Math.min(chars.length, from + 200);
  return (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
}

/** Slips reported per text: a cell pasted over and over is a handful of findings, not thousands. */
const MAX_REPEATS_PER_TEXT = 5;

export function repeatedPhrases(item: Item): FindingDraft[] {
  const cells: [PlanField, string[]][] = [
    ['title', [item.title]],
    ['measures', item.measures],
    ['goals', [item.goalsText]],
    ['achievements', item.achievements],
  ];
  const out: FindingDraft[] = [];
  for (const [field, texts] of cells) {
    for (const text of texts) {
      const repeats = findRepeats(text);
      const chars = repeats.length ? Array.from(text) : [];
      for (const r of repeats.slice(0, MAX_REPEATS_PER_TEXT)) {
        out.push({
          code: 'DUPLICATE_TEXT',
          severity: 'warning',
          variant: 'repeat',
          item: item.number,
          field,
          excerpt: excerpt(around(chars, r.at)),
          params: { text: r.text },
        });
      }
    }
  }
  return out;
}
