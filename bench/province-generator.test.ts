import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/domain/normalize.js';
import { readTextTable } from '../src/readers/text-table.reader.js';
import { generateProvince, seedRows, writeTextTable } from './province-generator.js';

// The benchmark is only as good as its input: these check the province looks like real plans.
describe('generateProvince', () => {
  const opts = { counties: 6, itemsPerPlan: 70, seed: 7 };
  const province = generateProvince(opts);
  const plans = province.map((p) => ({ ...p, plan: normalizeDocument(readTextTable(p.text, p.name)) }));

  it('is deterministic, and county i does not depend on how many counties there are', () => {
    expect(generateProvince(opts)).toEqual(province);
    expect(generateProvince({ ...opts, counties: 3 })).toEqual(province.slice(0, 3));
    expect(generateProvince({ ...opts, seed: 8 })[0]!.text).not.toBe(province[0]!.text);
  });

  it('makes N distinct counties, none left with the seed’s place names', () => {
    expect(province).toHaveLength(6);
    expect(new Set(province.map((p) => p.county)).size).toBe(6);
    for (const p of province) {
      expect(p.name).toContain(p.county);
      expect(p.text).not.toMatch(/三门|台州/u);
      expect(p.text).toContain(p.county);
    }
  });

  it('writes documents that parse to plans of about itemsPerPlan items', () => {
    for (const { plan, county } of plans) {
      expect(plan.title).toContain(county);
      expect(plan.items.length).toBeGreaterThanOrEqual(65);
      expect(plan.items.length).toBeLessThanOrEqual(75);
      expect(plan.items.every((i) => i.title.length > 0 && i.units.length > 0)).toBe(true);
    }
  });

  it('loses some numbers, which the importer infers', () => {
    const inferred = plans.flatMap((p) => p.plan.items.filter((i) => i.numberInferred));
    expect(inferred.length).toBeGreaterThan(0);
    for (const { plan } of plans)
      expect(plan.items.map((i) => i.number)).toEqual(plan.items.map((_, k) => k + 1));
  });

  it('varies figures and deadlines between counties', () => {
    const money = plans.map((p) =>
      p.plan.items.flatMap((i) => i.targets.filter((t) => t.unit === '元').map((t) => t.value)),
    );
    expect(new Set(money.flat()).size).toBeGreaterThan(20);
    const deadlines = new Set(
      plans.flatMap((p) => p.plan.items.flatMap((i) => i.milestones.map((m) => m.deadline))),
    );
    expect(deadlines.size).toBeGreaterThan(8);
    const percentages = new Set(
      plans
        .flatMap((p) => p.plan.items.flatMap((i) => i.targets.filter((t) => t.unit === '%')))
        .map((t) => t.value),
    );
    expect(percentages.size).toBeGreaterThan(10);
  });

  it('writes the seed back unchanged when nothing is varied', () => {
    const rows = seedRows();
    const header = ['序号', '改革事项', '改革举措', '主要目标', '标志性成果', '责任单位'];
    const text = writeTextTable(
      ['三门县共同富裕“三十”工程改革库'],
      header,
      rows.map((r) => Object.values(r)),
    );
    const back = readTextTable(text, 'seed')
      .tables[0]!.rows.slice(1)
      .map((r) => r.map((c) => c.text));
    expect(back).toEqual(rows.map((r) => Object.values(r)));
  });
});
