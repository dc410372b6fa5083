/**
 * Near-duplicate search over short texts: character-bigram Dice, with candidates found by
 * prefix filtering (Chaudhuri et al. / AllPairs) so that the work grows with the number of
 * similar pairs, not with the square of the number of texts. A province-wide run (100 plans
 * × 70 items × ~10 entries) is ~70 000 texts: 2.5·10⁹ pairs to score naively, a few hundred
 * thousand index look-ups this way.
 */

export { bigrams, dice } from '../text-similarity.js';

export interface SimilarPair {
  /** Indexes into the input, a < b. */
  a: number;
  b: number;
  similarity: number;
}

/**
 * All pairs of sets whose Dice coefficient is at least `threshold` (0 < threshold ≤ 1).
 *
 * Why it is exact: Dice(x, y) ≥ t needs |y| ≥ t·|x|/(2−t), hence an overlap of at least
 * α(x) = ⌈t·|x|/(2−t)⌉ bigrams. Under any fixed global order of bigrams, two sets sharing α of
 * them share one among the first |x|−α+1 of each. Ordering bigrams rarest first keeps those
 * prefixes made of rare bigrams, so boilerplate ("改革", "建设") rarely reaches the index.
 */
export function similarPairs(sets: readonly ReadonlySet<string>[], threshold: number): SimilarPair[] {
  const df = new Map<string, number>();
  for (const s of sets) for (const g of s) df.set(g, (df.get(g) ?? 0) + 1);
  // Rank every bigram once, rarest first (a counting sort: frequencies are small integers, and
  // any fixed order among equals will do); sets become sorted arrays of integer ranks.
  const byDf: number[] = [];
  for (const n of df.values()) byDf[n] = (byDf[n] ?? 0) + 1;
  const start: number[] = [];
  let acc = 0;
  for (let n = 0; n < byDf.length; n++) {
    start[n] = acc;
    acc += byDf[n] ?? 0;
  }
  const rank = new Map<string, number>();
  for (const [g, n] of df) rank.set(g, start[n]!++);

  // Every set as a sorted array of ranks: scoring then intersects integer arrays by merging
  // instead of probing string sets (and Int32Array.from with a mapper is slow in V8).
  const sorted = sets.map((set) => {
    const ranks = new Int32Array(set.size);
    let k = 0;
    for (const g of set) ranks[k++] = rank.get(g)!;
    return ranks.sort();
  });

  const ratio = threshold / (2 - threshold);
  const index: (number[] | undefined)[] = [];
  const pairs: SimilarPair[] = [];
  const seenBy = new Int32Array(sets.length).fill(-1);
  sorted.forEach((ranks, id) => {
    if (ranks.length === 0) return;
    const prefix = ranks.subarray(0, ranks.length - Math.ceil(ratio * ranks.length) + 1);
    for (const g of prefix) {
      for (const other of index[g] ?? []) {
        if (seenBy[other] === id) continue;
        seenBy[other] = id;
        const o = sorted[other]!;
        // Length filter: cheaper than scoring, and most candidates fail it.
        if (Math.min(o.length, ranks.length) < ratio * Math.max(o.length, ranks.length)) continue;
        const similarity = (2 * sharedCount(o, ranks)) / (o.length + ranks.length);
        if (similarity >= threshold) pairs.push({ a: other, b: id, similarity });
      }
    }
    for (const g of prefix) (index[g] ??= []).push(id);
  });
  return pairs;
}

/** Size of the intersection of two sorted integer arrays. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
