/**
 * One unit spelled several ways in one plan (县自然资源和规划局 / 县自然资源规划局,
 * 县发展和改革局 / 县发改局, 三门技师学院 / 县技师学院) is one unit. Names are compared by a key
 * that drops the county's own prefix (县, 区, the county's place name) and the connectives 和/与/及,
 * and a short name is an abbreviation of a long one when its characters appear in order in
 * the long one with the same first and last character (发改局 ⊂ 发展和改革局). A city-level
 * unit (市…) is never merged with a county one: the pair is only reported as possible.
 */

export interface AliasResult {
  canonical: Map<string, string>;
  merged: { alias: string; canonical: string }[];
  possible: { alias: string; canonical: string }[];
}

interface Keyed {
  name: string;
  key: string;
  level: 'own' | 'upper';
  count: number;
  first: number;
}

export function resolveUnitAliases(occurrences: string[], places: string[]): AliasResult {
  const byName = new Map<string, Keyed>();
  occurrences.forEach((name, i) => {
    const k = byName.get(name);
    if (k) k.count++;
    else byName.set(name, { ...keyOf(name, places), name, count: 1, first: i });
  });
  const names = [...byName.values()];
  const parent = new Map<string, string>(names.map((n) => [n.name, n.name]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const possible: { a: Keyed; b: Keyed }[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      if (!sameUnit(a.key, b.key)) continue;
      if (a.level === b.level) parent.set(find(a.name), find(b.name));
      else possible.push({ a, b });
    }
  }
  const groups = new Map<string, Keyed[]>();
  for (const n of names) {
    const root = find(n.name);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  }
  const canonical = new Map<string, string>();
  const merged: AliasResult['merged'] = [];
  for (const members of groups.values()) {
    // The spelling the plan uses most is the one people know; ties go to the first written.
    const best = [...members].sort((x, y) => y.count - x.count || x.first - y.first)[0]!;
    for (const m of members) {
      canonical.set(m.name, best.name);
      if (m.name !== best.name) merged.push({ alias: m.name, canonical: best.name });
    }
  }
  const pairs = new Map<string, { alias: string; canonical: string }>();
  for (const { a, b } of possible) {
    const [upper, own] = a.level === 'upper' ? [a, b] : [b, a];
    const pair = { alias: upper.name, canonical: canonical.get(own.name)! };
    pairs.set(`${pair.alias}\u0000${pair.canonical}`, pair);
  }
  return { canonical, merged, possible: [...pairs.values()] };
}

function keyOf(name: string, places: string[]): { key: string; level: 'own' | 'upper' } {
  let rest = name;
  let level: 'own' | 'upper' = 'own';
  const place = places.find((p) => rest.startsWith(p));
  if (place) rest = rest.slice(place.length);
  if (/^[县区]/u.test(rest)) rest = rest.slice(1);
  // 市 is a level ("市发改委", "台州市…"), except in 市场 ("市场监管局" is the county's own office).
  else if (/^市(?!场)/u.test(rest)) {
    rest = rest.slice(1);
    level = 'upper';
  }
  return { key: rest.replace(/[和与及]/gu, ''), level };
}

function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Place names that open a title ("三门县共同富裕…" → 三门), stripped from unit names before comparing. */
export function placesInTitle(title: string): string[] {
  const head = /^(?:\d{4}\s*年度?)?((?:[\u4e00-\u9fff]{2,3}?[省市县区])+)/u.exec(title.trim());
  if (!head) return [];
  return [...head[1]!.matchAll(/([\u4e00-\u9fff]{2,3}?)[省市县区]/gu)].map((m) => m[1]!);
}
