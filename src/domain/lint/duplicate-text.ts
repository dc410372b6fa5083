import type { Item } from '../plan.js';
import { excerpt, type FindingDraft } from '../finding.js';
import { comparable, goalSentences, halfWidth, stripLeadingMarker } from './text-normalize.js';
import { bigrams, dice, similarPairs } from './similarity.js';

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
 */
export const DUPLICATE_THRESHOLD = 0.85;
export const MIN_COMPARABLE_CHARS = 12;
export const MIN_OPENING_CHARS = 8;

type TextField = 'measures' | 'goals' | 'achievements';

interface Entry {
  at: number; // item index
  field: TextField;
  n: number; // 1-based position in its field
  text: string;
  grams: Set<string>;
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
        if (Array.from(norm).length >= MIN_COMPARABLE_CHARS) {
          entries.push({ at, field, n: i + 1, text, grams: bigrams(norm) });
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

export function duplicateText(items: readonly Item[]): FindingDraft[] {
  const entries = entriesOf(items);
  const across = new Map<string, { later: Entry; earlier: Entry; similarity: number }>();
  const within = new Set<string>();
  const out: FindingDraft[] = [];

  for (const { a, b, similarity } of similarPairs(
    entries.map((e) => e.grams),
    DUPLICATE_THRESHOLD,
  )) {
    const [earlier, later] =
      entries[a]!.at <= entries[b]!.at ? [entries[a]!, entries[b]!] : [entries[b]!, entries[a]!];
    if (earlier.at === later.at) {
      // Same item: only two entries of one list are a duplicate; a measure restated as a goal is not.
      if (earlier.field !== later.field || later.field === 'goals') continue;
      const [first, second] = earlier.n < later.n ? [earlier.n, later.n] : [later.n, earlier.n];
      within.add(`${later.at}:${later.field}:${first}:${second}`);
      out.push(withinDraft(items[later.at]!, later.field, first, second, similarity));
      continue;
    }
    // One finding per item pair and column pair: a copied item repeats many entries.
    const key = `${later.at}:${later.field}:${earlier.at}:${earlier.field}`;
    const best = across.get(key);
    if (!best || similarity > best.similarity) across.set(key, { later, earlier, similarity });
  }

  items.forEach((item, at) => {
    for (const field of ['measures', 'achievements'] as const) {
      const openings = item[field].map(opening);
      for (let j = 1; j < openings.length; j++) {
        for (let i = 0; i < j; i++) {
          const o = openings[i]!;
          if (Array.from(o).length < MIN_OPENING_CHARS || o !== openings[j]) continue;
          if (within.has(`${at}:${field}:${i + 1}:${j + 1}`)) continue;
          const similarity = dice(bigrams(comparable(item[field][i]!)), bigrams(comparable(item[field][j]!)));
          out.push(withinDraft(item, field, i + 1, j + 1, similarity));
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
