import { bigrams, dice } from './text-similarity.js';
import type { Item } from './plan.js';

/**
 * What changed between two versions of a plan. Re-importing must not lose the reports filed
 * against an item, so each new item is matched to the item it continues, even when the office
 * renumbered the list or reworded a title. Matching runs in three passes, each over the items
 * the earlier passes left unmatched:
 *
 * 1. identical titles (after normalising away spacing, `*`, punctuation and full-width forms),
 *    preferring the same number, then the nearest position — catches renumbering;
 * 2. the same number and a title similarity of at least SAME_NUMBER_MIN_SIMILARITY — catches a
 *    title reworded in place;
 * 3. any number with a similarity of at least MOVED_MIN_SIMILARITY, best pairs first — catches
 *    an item both moved and lightly reworded.
 *
 * Similarity is the Sørensen–Dice coefficient over character bigrams, which suits Chinese (no
 * word boundaries needed), computed on the title without its trailing bracketed group (see
 * comparableTitle). Measured on the titles of the 三门县 2022 library (data-seed/): two different
 * items score at most 0.57 (产业数字化改革 / 推动教育数字化改革), almost all pairs below 0.3, while
 * a title with a clause added or dropped scores 0.8–0.9 against its old self. Hence 0.6 under
 * the same number (the number is evidence too) and 0.8 anywhere else. Heavier rewording (“共富工坊”建设 →
 * “共富工坊”提质扩面, 0.5) shows as removed + added, which the admin sees in the diff before
 * applying it; a wrong match would silently move reports to another item, which is worse.
 */

export const SAME_NUMBER_MIN_SIMILARITY = 0.6;
export const MOVED_MIN_SIMILARITY = 0.8;

/** Item fields compared for "changed". Not numberText/numberInferred/sourceRow: where and how the number was written is not content. */
export const DIFF_FIELDS = [
  'number',
  'key',
  'title',
  'measures',
  'goalsText',
  'milestones',
  'targets',
  'achievements',
  'units',
  'section',
  'extra',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface ItemChange {
  before: Item;
  after: Item;
  fields: DiffField[];
}

export interface PlanDiff {
  /** In the new plan's order. */
  added: Item[];
  /** In the old plan's order. */
  removed: Item[];
  /** In the new plan's order. */
  changed: ItemChange[];
  unchanged: number;
  /** [index in previous, index in next] for every matched pair, ordered by the next index. */
  matches: [number, number][];
}

export function diffPlans(previous: readonly Item[], next: readonly Item[]): PlanDiff {
  const prevTitles = previous.map((i) => normalizeTitle(i.title));
  const nextTitles = next.map((i) => normalizeTitle(i.title));
  const prevBigrams = previous.map((i) => bigrams(comparableTitle(i.title)));
  const nextBigrams = next.map((i) => bigrams(comparableTitle(i.title)));
  const prevTaken = new Set<number>();
  const pairs = new Map<number, number>(); // next index → previous index
  const take = (p: number, n: number) => {
    prevTaken.add(p);
    pairs.set(n, p);
  };
  const free = (n: number) => !pairs.has(n);
  const sim = (p: number, n: number) => dice(prevBigrams[p]!, nextBigrams[n]!);

  // 1. identical titles
  next.forEach((item, n) => {
    const candidates = previous
      .map((_, p) => p)
      .filter((p) => !prevTaken.has(p) && prevTitles[p] === nextTitles[n]);
    if (candidates.length === 0) return;
    candidates.sort(
      (a, b) =>
        Number(previous[b]!.number === item.number) - Number(previous[a]!.number === item.number) ||
        Math.abs(a - n) - Math.abs(b - n) ||
        a - b,
    );
    take(candidates[0]!, n);
  });

  // 2. same number, similar title
  next.forEach((item, n) => {
    if (!free(n) || item.number === null) return;
    let best = -1;
    let bestSim = SAME_NUMBER_MIN_SIMILARITY;
    previous.forEach((prev, p) => {
      if (prevTaken.has(p) || prev.number !== item.number) return;
      const s = sim(p, n);
      if (s >= bestSim && (best === -1 || s > bestSim)) [best, bestSim] = [p, s];
    });
    if (best !== -1) take(best, n);
  });

  // 3. anywhere, very similar title, best pairs first
  const candidates: { p: number; n: number; s: number }[] = [];
  next.forEach((_, n) => {
    if (!free(n)) return;
    previous.forEach((_, p) => {
      if (prevTaken.has(p)) return;
      const s = sim(p, n);
      if (s >= MOVED_MIN_SIMILARITY) candidates.push({ p, n, s });
    });
  });
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.p - a.n) - Math.abs(b.p - b.n) || a.n - b.n || a.p - b.p);
  for (const c of candidates) if (free(c.n) && !prevTaken.has(c.p)) take(c.p, c.n);

  const matches = [...pairs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, p]) => [p, n] as [number, number]);
  const changed: ItemChange[] = [];
  let unchanged = 0;
  for (const [p, n] of matches) {
    const fields = changedFields(previous[p]!, next[n]!);
    if (fields.length === 0) unchanged++;
    else changed.push({ before: previous[p]!, after: next[n]!, fields });
  }
  return {
    added: next.filter((_, n) => free(n)),
    removed: previous.filter((_, p) => !prevTaken.has(p)),
    changed,
    unchanged,
    matches,
  };
}

export function changedFields(before: Item, after: Item): DiffField[] {
  return DIFF_FIELDS.filter((f) => stableJson(valueOf(before, f)) !== stableJson(valueOf(after, f)));
}

/** Similarity of two titles in [0, 1]: Dice over character bigrams of the normalised titles. */
export function titleSimilarity(a: string, b: string): number {
  return dice(bigrams(comparableTitle(a)), bigrams(comparableTitle(b)));
}

/**
 * The part of a title that tells items apart. Titles often end with their group in brackets,
 * shared by siblings ("职技融通（技术工人“扩中提低”改革）", "薪酬分配（技术工人“扩中提低”改革）"): with it
 * those two score 0.69, without it 0. A title that is nothing but brackets keeps them.
 */
export function comparableTitle(title: string): string {
  const main = normalizeTitle(title.replace(/[（(][^（）()]*[）)]\s*[*＊]?\s*$/u, ''));
  return main === '' ? normalizeTitle(title) : main;
}

/** Spacing, `*`, punctuation and full-/half-width differences are not rewording. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/[\s*\p{P}\p{S}]+/gu, '');
}

function valueOf(item: Item, field: DiffField): unknown {
  const v = item[field];
  // An absent optional field and an empty one say the same thing.
  if (field === 'extra' && v !== undefined && Object.keys(v as object).length === 0) return undefined;
  if (field === 'section' && v === '') return undefined;
  return v;
}

/** JSON with sorted object keys, so {a,b} and {b,a} compare equal. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : value,
  );
}
