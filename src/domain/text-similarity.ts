/**
 * Character-bigram Dice similarity: the measure behind near-duplicate lint and the matching
 * of items across plan versions. Chinese has no spaces to split words on, and bigrams of
 * characters catch a reworded phrase ("自然资源和规划局" / "自然资源规划局") that word sets miss.
 */

/** Character bigrams of an already normalised string, as a set; a one-character string stands for itself. */
export function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Sørensen–Dice coefficient of two sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
