import { describe, expect, it } from 'vitest';
import { provinceTree } from './province-tree.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `县${i}`);

describe('the generated province tree', () => {
  it.each([
    [100, 11, 88],
    [30, 3, 26],
    [10, 1, 8],
    [3, 1, 1],
  ])('%i organisations: one province, %i cities, %i counties', (total, cities, counties) => {
    const tree = provinceTree(total, names(total));
    expect(tree).toHaveLength(total);
    expect(tree.filter((o) => o.type === 'province')).toHaveLength(1);
    expect(tree.filter((o) => o.type === 'city')).toHaveLength(cities);
    expect(tree.filter((o) => o.type === 'county')).toHaveLength(counties);
    // Parents come first, every city hangs off the province, every county off a city.
    for (const o of tree) {
      if (o.type === 'province') expect(o.parent).toBeNull();
      else expect(o.parent).toBeLessThan(o.index);
      if (o.type === 'city') expect(tree[o.parent!]!.type).toBe('province');
      if (o.type === 'county') expect(tree[o.parent!]!.type).toBe('city');
    }
    expect(new Set(tree.map((o) => o.name)).size).toBe(total);
  });

  it('shares the counties out evenly among the cities', () => {
    const perCity = new Map<number, number>();
    for (const o of provinceTree(100, names(100))) {
      if (o.type === 'county') perCity.set(o.parent!, (perCity.get(o.parent!) ?? 0) + 1);
    }
    expect(new Set(perCity.values())).toEqual(new Set([8]));
  });

  it('refuses a province too small for the tree, or too few names', () => {
    expect(() => provinceTree(2, names(2))).toThrow(/at least 3/);
    expect(() => provinceTree(10, names(5))).toThrow(/10 names/);
  });
});
