import { comparable } from '../lint/text-normalize.js';
import { similarTextPairs } from '../lint/similar-text-pairs.js';
import { bigrams, dice } from '../text-similarity.js';

/**
 * Reforms with the same theme across organisations (issue 9): items whose titles are alike —
 * character-bigram Dice of their comparable form (no list markers, dates or punctuation), the
 * measure the plan lint and the re-import matching use — grouped by single linkage (two items
 * share a theme when a chain of similar pairs joins them). Candidate pairs come from the lint's
 * prefix-filtered search, so a province (~7 000 titles) is grouped without scoring every pair.
 */

export interface ThemeInput {
  orgId: string;
  title: string;
}

export interface ThemeGroup {
  /** Indexes into the input, in input order. */
  members: number[];
  /** Index of the representative title: most similar to the others in total (ties: shorter, then earlier). */
  representative: number;
  /** Distinct orgs among the members. */
  orgCount: number;
}

export const DEFAULT_THEME_SIMILARITY = 0.5;
export const DEFAULT_THEME_MIN_ORGS = 2;

export function groupThemes(
  items: readonly ThemeInput[],
  opts: { similarity?: number; minOrgs?: number } = {},
): ThemeGroup[] {
  const threshold = opts.similarity ?? DEFAULT_THEME_SIMILARITY;
  const minOrgs = opts.minOrgs ?? DEFAULT_THEME_MIN_ORGS;
  const titles = items.map((i) => comparable(i.title));
  const sets = titles.map(bigrams);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The same pairs as similarPairs over the bigram sets, without a string per bigram.
  for (const { a, b } of similarTextPairs(titles, threshold)) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });

  const out: ThemeGroup[] = [];
  for (const members of groups.values()) {
    const orgCount = new Set(members.map((i) => items[i]!.orgId)).size;
    if (orgCount < minOrgs || members.length < 2) continue;
    out.push({ members, representative: representative(members, sets, items), orgCount });
  }
  // Biggest first: most orgs, then most items, then the representative title (stable output).
  return out.sort(
    (x, y) =>
      y.orgCount - x.orgCount ||
      y.members.length - x.members.length ||
      items[x.representative]!.title.localeCompare(items[y.representative]!.title, 'zh-CN'),
  );
}

/** Scoring every pair is quadratic in the group: a large group is judged on its first members. */
const MAX_SCORED = 60;

function representative(
  members: readonly number[],
  sets: readonly ReadonlySet<string>[],
  items: readonly ThemeInput[],
): number {
  const scored = members.slice(0, MAX_SCORED);
  let best = scored[0]!;
  let bestScore = -1;
  for (const i of scored) {
    let s = 0;
    for (const j of scored) if (i !== j) s += dice(sets[i]!, sets[j]!);
    const better =
      s > bestScore + 1e-9 ||
      (Math.abs(s - bestScore) <= 1e-9 && items[i]!.title.length < items[best]!.title.length);
    if (better) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** A short id for a theme, stable while its representative title is: FNV-1a of the title, hex. */
export function themeId(title: string): string {
  let h = 0x811c9dc5;
  for (const ch of comparable(title)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
