/**
 * The shape of a generated province: one province, about one city per nine organisations, and
 * counties shared out among the cities in turn. 100 organisations → 1 province, 11 cities, 88
 * counties (8 per city); 10 → 1, 1, 8. Pure and deterministic, so the benchmark at 10, 30 and
 * 100 organisations compares like with like.
 */

export type OrgLevel = 'province' | 'city' | 'county';

export interface TreeOrg {
  /** Index into the list; also the index of the org's generated plan. */
  index: number;
  name: string;
  type: OrgLevel;
  /** Index of the parent, null for the province. */
  parent: number | null;
}

const PROVINCE = '东海省';
const CITIES = [
  '东州',
  '南浦',
  '西岭',
  '北川',
  '云湖',
  '青江',
  '白石',
  '金沙',
  '玉泉',
  '丹霞',
  '望海',
  '临川',
];

/**
 * `names[i]` is the name of org i when it is a county (the generator's plan i is written for
 * that county); the province and the cities have names of their own.
 */
export function provinceTree(total: number, names: readonly string[]): TreeOrg[] {
  if (!Number.isInteger(total) || total < 3)
    throw new Error(`A province needs at least 3 organisations, got ${total}.`);
  const cities = Math.min(CITIES.length, Math.max(1, Math.round((total - 1) / 9)));
  const counties = total - 1 - cities;
  if (names.length < total) throw new Error(`${total} names needed, ${names.length} given.`);
  const out: TreeOrg[] = [{ index: 0, name: PROVINCE, type: 'province', parent: null }];
  for (let c = 0; c < cities; c++)
    out.push({ index: out.length, name: `${CITIES[c]}市`, type: 'city', parent: 0 });
  for (let k = 0; k < counties; k++) {
    out.push({ index: out.length, name: names[out.length]!, type: 'county', parent: 1 + (k % cities) });
  }
  return out;
}
