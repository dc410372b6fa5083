import type { SimilarPair } from './similarity.js';

/**
 * `similarPairs(texts.map(bigrams), threshold)` without a string per bigram: the same pairs,
 * in the same order, with the same scores (similar-text-pairs.test.ts holds the two to that).
 *
 * Why it exists: on a plan of 70 items the string version spent most of the lint's time
 * building two-character strings and hashing them into Maps and Sets. Here characters and
 * bigrams become integers, numbered in the order first met (text by text, left to right),
 * which is also the order in which `similarPairs` ranks equally rare bigrams; the sets live in
 * one typed array instead of one small array each.
 *
 * The search is `similarPairs`'s prefix filter (see there why it is exact), step for step.
 */
export function similarTextPairs(texts: readonly string[], threshold: number): SimilarPair[] {
  const { ids, from, distinct } = textBigramIds(texts);
  // Rank bigrams rarest first, equals in the order first met: the counting sort of similarPairs.
  const df = new Int32Array(distinct);
  for (const id of ids) df[id]!++;
  let maxDf = 0;
  for (const n of df) if (n > maxDf) maxDf = n;
  const start = new Int32Array(maxDf + 2);
  for (const n of df) start[n + 1]!++;
  for (let n = 1; n < start.length; n++) start[n]! += start[n - 1]!;
  const rank = new Int32Array(distinct);
  for (let id = 0; id < distinct; id++) rank[id] = start[df[id]!]!++;
  // A loop, not ids.map: typed arrays' map with a callback is slow in V8.
  const ranks = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) ranks[i] = rank[ids[i]!]!;
  for (let s = 0; s + 1 < from.length; s++) sortRange(ranks, from[s]!, from[s + 1]!);
  return prefixFilterPairs(ranks, from, distinct, threshold);
}

/**
 * Each text's distinct bigrams (a one-character text: its character) as integer ids numbered
 * in the order first met; text t's are ids[from[t]..from[t + 1]), in the order met. Characters
 * are code points, as `Array.from` (and so `bigrams`) splits them.
 */
function textBigramIds(texts: readonly string[]): { ids: Int32Array; from: Int32Array; distinct: number } {
  let total = 0;
  for (const s of texts) total += s.length;
  // Every text's characters as ids, one text after the other, starting at at[t].
  const chars = new Int32Array(total);
  const at = new Int32Array(texts.length + 1);
  const bmp = new Int32Array(0x10000); // 1 + the id of each BMP code met, 0 if none yet
  const astral = new Map<number, number>();
  let charCount = 0;
  let k = 0;
  texts.forEach((s, t) => {
    at[t] = k;
    for (let i = 0; i < s.length;) {
      const cp = s.codePointAt(i)!;
      let id: number | undefined;
      if (cp <= 0xffff) {
        id = bmp[cp]! - 1;
        if (id < 0) bmp[cp] = (id = charCount++) + 1;
        i++;
      } else {
        id = astral.get(cp);
        if (id === undefined) astral.set(cp, (id = charCount++));
        i += 2;
      }
      chars[k++] = id;
    }
  });
  at[texts.length] = k;

  // A bigram (x, y) is the key x·width + y; a lone character x is x·width + charCount, which no
  // pair uses. Keys up to 2³¹ fit the integer table; past that (46 000 distinct characters) a
  // Map numbers them.
  const width = charCount + 1;
  const table = width * width <= 2 ** 31 ? new IdTable(total + texts.length) : null;
  const map = new Map<number, number>();
  const idOf = (key: number): number => {
    if (table) return table.idOf(key);
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  };

  const ids = new Int32Array(total + texts.length);
  const from = new Int32Array(texts.length + 1);
  const lastText = new Int32Array(total + texts.length).fill(-1);
  let n = 0;
  let t = 0;
  const take = (key: number) => {
    const id = idOf(key);
    if (lastText[id] === t) return; // a set: each bigram once per text
    lastText[id] = t;
    ids[n++] = id;
  };
  for (t = 0; t < texts.length; t++) {
    from[t] = n;
    const a = at[t]!;
    const b = at[t + 1]!;
    if (b - a === 1) take(chars[a]! * width + charCount);
    for (let i = a; i + 1 < b; i++) take(chars[i]! * width + chars[i + 1]!);
  }
  from[texts.length] = n;
  return { ids: ids.subarray(0, n), from, distinct: table ? table.size : map.size };
}

/** Non-negative integer keys numbered 0, 1, 2… in the order first looked up (linear probing). */
class IdTable {
  size = 0;
  private readonly keys: Int32Array;
  private readonly ids: Int32Array;
  private readonly shift: number;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.ids = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  idOf(key: number): number {
    const mask = this.keys.length - 1;
    // Fibonacci hashing: the top bits of key × 2³²/φ.
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h]!;
      if (k === key) return this.ids[h]!;
      if (k === -1) {
        this.keys[h] = key;
        this.ids[h] = this.size;
        return this.size++;
      }
      h = (h + 1) & mask;
    }
  }
}

/** Sorts a[lo..hi) ascending in place: insertion sort, as the sets are a few dozen bigrams. */
function sortRange(a: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * `similarPairs`'s search over sets of ranks (set s is ranks[from[s]..from[s + 1]), sorted), with
 * the index of prefixes in one typed array: the postings of a rank are laid out in advance and
 * filled in set order, so each is read in the order `similarPairs` appends to its arrays.
 */
function prefixFilterPairs(
  ranks: Int32Array,
  from: Int32Array,
  distinct: number,
  threshold: number,
): SimilarPair[] {
  const count = from.length - 1;
  const ratio = threshold / (2 - threshold);
  const prefixEnd = new Int32Array(count);
  const postingStart = new Int32Array(distinct + 1);
  for (let s = 0; s < count; s++) {
    const a = from[s]!;
    const length = from[s + 1]! - a;
    prefixEnd[s] = length === 0 ? a : a + length - Math.ceil(ratio * length) + 1;
    for (let p = a; p < prefixEnd[s]!; p++) postingStart[ranks[p]! + 1]!++;
  }
  for (let g = 1; g <= distinct; g++) postingStart[g]! += postingStart[g - 1]!;
  const postingEnd = postingStart.slice(0, distinct);
  const postings = new Int32Array(postingStart[distinct]!);

  const pairs: SimilarPair[] = [];
  const seenBy = new Int32Array(count).fill(-1);
  for (let id = 0; id < count; id++) {
    const a = from[id]!;
    const length = from[id + 1]! - a;
    if (length === 0) continue;
    const end = prefixEnd[id]!;
    for (let p = a; p < end; p++) {
      const g = ranks[p]!;
      for (let q = postingStart[g]!; q < postingEnd[g]!; q++) {
        const other = postings[q]!;
        if (seenBy[other] === id) continue;
        seenBy[other] = id;
        const oa = from[other]!;
        const oLength = from[other + 1]! - oa;
        // Length filter: cheaper than scoring, and most candidates fail it.
        if (Math.min(oLength, length) < ratio * Math.max(oLength, length)) continue;
        const similarity = (2 * sharedCount(ranks, oa, oa + oLength, a, a + length)) / (oLength + length);
        if (similarity >= threshold) pairs.push({ a: other, b: id, similarity });
      }
    }
    for (let p = a; p < end; p++) postings[postingEnd[ranks[p]!]!++] = id;
  }
  return pairs;
}

/** Size of the intersection of two sorted ranges of one array. */
function sharedCount(r: Int32Array, i: number, iEnd: number, j: number, jEnd: number): number {
  let n = 0;
  while (i < iEnd && j < jEnd) {
    if (r[i]! < r[j]!) i++;
    else if (r[i]! > r[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
