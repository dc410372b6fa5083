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

export function findRepeats(text: string): Repeat[] {
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
