import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';
import { charCount, comparable, goalSentences, halfWidth, stripLeadingMarker } from './text-normalize.js';
import { bigrams, dice } from './similarity.js';
import { similarTextPairs } from './similar-text-pairs.js';

/**
 * DUPLICATE_TEXT: text copied from one item into another (or twice into one list), found by
 * similarity rather than equality, since copies get a word changed here and there.
 *
 * Thresholds:
 * - DUPLICATE_THRESHOLD 0.85 bigram Dice. Copies score 0.9–1.0 (a changed 县/市 or 10/20 costs
 *   a few bigrams); two items that only share official phrasing score far lower.
 * - MIN_COMPARABLE_CHARS 12, counted after normalisation: shorter entries are slogans and
 *   boilerplate ("深化改革", "2022年12月底前，完成" → "完成") that unrelated items share.
 * - Goal sentences are compared across items only: inside one item they legitimately repeat
 *   with a new date or figure ("参保率达60%" in June, "达90%" in December).
 * - Inside one list (`within`), two entries with the same opening clause of
 *   MIN_OPENING_CHARS or more are also reported, whatever their score. That catches
 *   "实施乡镇中心校战略，进一步优化中小学校网布局" / "实施乡镇中心校战略，调整中小学校网布局规划"
 *   (Dice 0.72: one measure drafted twice) without lowering the bar for parallel measures
 *   such as "建设县级农产品质量安全检测中心" / "…追溯中心" (0.79), which are distinct.
 * - A text names at most MAX_COPIES_NAMED earlier items (the earliest), and a list entry at most
 *   that many earlier entries of its list: a row pasted 1000 times is 1000 findings, not the
 *   half million of every pair (which once took seconds and exhausted the heap at 2000).
 */
export const DUPLICATE_THRESHOLD = 0.85;
export const MAX_COPIES_NAMED = 5;
/** Earlier members of a group of copies looked at for one text: the earliest ones. */
const MAX_SCAN = 50;
export const MIN_COMPARABLE_CHARS = 12;
export const MIN_OPENING_CHARS = 8;

type TextField = 'measures' | 'goals' | 'achievements';

interface Entry {
  at: number; // item index
  field: TextField;
  n: number; // 1-based position in its field
  text: string;
  /** Normalised text: entries equal here are copies, grouped before the similarity search. */
  norm: string;
}

function entriesOf(items: readonly Item[]): Entry[] {
  const entries: Entry[] = [];
  items.forEach((item, at) => {
    const lists: [TextField, string[]][] = [
      ['measures', item.measures],
      ['goals', goalSentences(item.goalsText)],
      ['achievements', item.achievements],
    ];
    for (const [field, texts] of lists) {
      texts.forEach((text, i) => {
        const norm = comparable(text);
        if (charCount(norm) >= MIN_COMPARABLE_CHARS) {
          entries.push({ at, field, n: i + 1, text, norm });
        }
      });
    }
  });
  return entries;
}

const percent = (similarity: number) => Math.round(similarity * 100);

function opening(text: string): string {
  const clause = stripLeadingMarker(halfWidth(text).trim()).split(/[，,；;。：:！!？?]/u)[0] ?? '';
  return comparable(clause);
}

function withinDraft(
  item: Item,
  field: TextField,
  first: number,
  second: number,
  similarity: number,
): FindingDraft {
  const text = field === 'measures' ? item.measures[second - 1]! : item.achievements[second - 1]!;
  return {
    code: 'DUPLICATE_TEXT',
    severity: 'warning',
    variant: 'within',
    item: item.number,
    field,
    excerpt: excerpt(text),
    params: { first, second, similarity: percent(similarity) },
  };
}

/**
 * Pairs of similar entries, earlier first. Copies (equal normalised text) form one group that
 * enters the similarity search once; each entry is then paired with the earliest members of
 * its own group and of the groups similar to it, so the work and the pairs grow with the
 * number of entries, not with the square of the number of copies.
 */
function* similarEntries(entries: readonly Entry[]): Generator<[Entry, Entry, number]> {
  const byText = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const group = byText.get(e.norm);
    if (group) group.push(i);
    else byText.set(e.norm, [i]);
  });
  const groups = [...byText.values()];
  const neighbours: [number, number][][] = groups.map((g, i) => (g.length > 1 ? [[i, 1]] : []));
  const reps = groups.map((g) => entries[g[0]!]!.norm);
  for (const { a, b, similarity } of similarTextPairs(reps, DUPLICATE_THRESHOLD)) {
    neighbours[a]!.push([b, similarity]);
    neighbours[b]!.push([a, similarity]);
  }
  for (const [g, members] of groups.entries()) {
    for (const y of members) {
      for (const [h, similarity] of neighbours[g]!) {
        const earlier = groups[h]!;
        for (let k = 0; k < earlier.length && k < MAX_SCAN && earlier[k]! < y; k++) {
          yield [entries[earlier[k]!]!, entries[y]!, similarity];
        }
      }
    }
  }
}

export function duplicateText(items: readonly Item[]): FindingDraft[] {
  const entries = entriesOf(items);
  const across = new Map<string, { later: Entry; earlier: Entry; similarity: number }>();
  const named = new Map<string, number>();
  const within = new Set<string>();
  const withinNamed = new Map<Entry, number>();
  const out: FindingDraft[] = [];

  for (const [earlier, later, similarity] of similarEntries(entries)) {
    if (earlier.at === later.at) {
      // Same item: only two entries of one list are a duplicate; a measure restated as a goal is not.
      if (earlier.field !== later.field || later.field === 'goals') continue;
      const [first, second] = earlier.n < later.n ? [earlier.n, later.n] : [later.n, earlier.n];
      const pair = `${later.at}:${later.field}:${first}:${second}`;
      if (within.has(pair) || (withinNamed.get(later) ?? 0) >= MAX_COPIES_NAMED) continue;
      within.add(pair);
      withinNamed.set(later, (withinNamed.get(later) ?? 0) + 1);
      out.push(withinDraft(items[later.at]!, later.field, first, second, similarity));
      continue;
    }
    // One finding per item pair and column pair: a copied item repeats many entries.
    const key = `${later.at}:${later.field}:${earlier.at}:${earlier.field}`;
    const best = across.get(key);
    if (!best) {
      const column = `${later.at}:${later.field}`;
      if ((named.get(column) ?? 0) >= MAX_COPIES_NAMED) continue;
      named.set(column, (named.get(column) ?? 0) + 1);
    }
    if (!best || similarity > best.similarity) across.set(key, { later, earlier, similarity });
  }

  items.forEach((item, at) => {
    for (const field of ['measures', 'achievements'] as const) {
      const openings = item[field].map(opening);
      const long = openings.map((o) => charCount(o) >= MIN_OPENING_CHARS);
      for (let j = 1; j < openings.length; j++) {
        let found = 0;
        for (let i = 0; i < j && found < MAX_COPIES_NAMED; i++) {
          if (!long[i] || openings[i] !== openings[j]) continue;
          if (within.has(`${at}:${field}:${i + 1}:${j + 1}`)) continue;
          const similarity = dice(bigrams(comparable(item[field][i]!)), bigrams(comparable(item[field][j]!)));
          out.push(withinDraft(item, field, i + 1, j + 1, similarity));
          found++;
        }
      }
    }
  });

  for (const { later, earlier, similarity } of across.values()) {
    const other = items[earlier.at]!;
    out.push({
      code: 'DUPLICATE_TEXT',
      severity: 'warning',
      item: items[later.at]!.number,
      field: later.field,
      excerpt: excerpt(later.text),
      params: {
        other: other.number ?? excerpt(other.title, 20),
        otherField: earlier.field,
        similarity: percent(similarity),
      },
    });
  }
  return out;
}
