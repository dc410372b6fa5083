import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/plan.js';
import { plan, item, targets, findings, INFERRED } from './sanmen-plan.js';

/**
 * Golden test of the real input (see sanmen-plan.ts). Where the program and a careful reader
 * disagree, the reader wins.
 */

describe('Sanmen 2022: units', () => {
  const units = (n: number) => item(n).units.map((u) => [u.name, u.canonical, u.role]);

  it('item 1: the lead first, co-units after, split on 、', () => {
    expect(units(1)).toEqual([
      ['台州银保监分局三门监管组', '台州银保监分局三门监管组', 'lead'],
      ['县农业农村局', '县农业农村局', 'co'],
      ['县自然资源和规划局', '县自然资源和规划局', 'co'],
      ['县大数据发展中心', '县大数据发展中心', 'co'],
      ['县金融中心', '县金融中心', 'co'],
      ['人民银行三门支行', '人民银行三门支行', 'co'],
    ]);
  });

  it('item 10: split on new lines, 县自然资源规划局 known as 县自然资源和规划局', () => {
    expect(units(10)).toEqual([
      ['县应急管理局', '县应急管理局', 'lead'],
      ['县自然资源规划局', '县自然资源和规划局', 'co'],
      ['县公安局', '县公安局', 'co'],
      ['县水利局', '县水利局', 'co'],
      ['县气象局', '县气象局', 'co'],
      ['县农业农村局', '县农业农村局', 'co'],
    ]);
  });

  it('item 15: the city bureau is not merged into the county one', () => {
    expect(units(15)).toContainEqual(['市自然资源规划局', '市自然资源规划局', 'co']);
  });

  it('item 20: 县技师学院 is 三门技师学院 (items 14, 16)', () => {
    expect(units(20)).toEqual([['县技师学院', '三门技师学院', 'lead']]);
    expect(units(16)).toEqual([['三门技师学院', '三门技师学院', 'lead']]);
  });

  it('items 51, 62, 69: one unit per line', () => {
    expect(units(51)).toEqual([
      ['海游街道', '海游街道', 'lead'],
      ['县司法局', '县司法局', 'co'],
      ['县公安局', '县公安局', 'co'],
    ]);
    expect(units(62)).toEqual([
      ['县工商联', '县工商联', 'lead'],
      ['县检察院', '县检察院', 'co'],
      ['县财政局', '县财政局', 'co'],
    ]);
    expect(units(69)).toEqual([
      ['县农业农村局', '县农业农村局', 'lead'],
      ['县财政局', '县财政局', 'co'],
    ]);
  });

  it('item 12: fourteen units', () => {
    expect(item(12).units).toHaveLength(14);
    expect(
      item(12)
        .units.filter((u) => u.role === 'lead')
        .map((u) => u.name),
    ).toEqual(['县商务局']);
  });

  it('every item has exactly one lead unit', () => {
    for (const it of plan.items)
      expect(
        it.units.filter((u) => u.role === 'lead'),
        `item ${it.number}`,
      ).toHaveLength(1);
  });
});

describe('Sanmen 2022: the problems a reader finds', () => {
  const brief = (f: Finding) => ({ item: f.item, field: f.field, severity: f.severity, ...f.params });

  it('MISSING_NUMBER for every inferred number, and only those', () => {
    expect(findings('MISSING_NUMBER').map((f) => f.item)).toEqual(INFERRED);
  });

  it('SEQUENCE_GAP: 63 and 64 are missing; item 19 numbers its goals 1, 3', () => {
    expect(findings('SEQUENCE_GAP').map(brief)).toEqual([
      { item: 19, field: 'goals', severity: 'info', from: 1, to: 3, missing: [2] },
      { item: 65, field: 'number', severity: 'warning', from: 62, to: 65, missing: [63, 64] },
    ]);
  });

  it('UNIT_ALIAS: 县自然资源规划局 and 县技师学院 merged; 市自然资源规划局 only possibly the same', () => {
    expect(findings('UNIT_ALIAS').map(brief)).toEqual([
      {
        item: 10,
        field: 'units',
        severity: 'warning',
        alias: '县自然资源规划局',
        canonical: '县自然资源和规划局',
      },
      {
        item: 15,
        field: 'units',
        severity: 'info',
        alias: '市自然资源规划局',
        canonical: '县自然资源和规划局',
      },
      { item: 20, field: 'units', severity: 'warning', alias: '县技师学院', canonical: '三门技师学院' },
    ]);
  });

  it('BLANK_VALUE twice on item 30', () => {
    const blanks = findings('BLANK_VALUE');
    expect(blanks.map((f) => [f.item, f.field, f.severity])).toEqual([
      [30, 'goals', 'warning'],
      [30, 'goals', 'warning'],
    ]);
    expect(blanks[0]!.excerpt).toContain('参保率达');
  });

  it('DATE_OUT_OF_ORDER: item 50 writes 2021年6月底前 in a 2022 plan', () => {
    expect(findings('DATE_OUT_OF_ORDER').map(brief)).toEqual([
      {
        item: 50,
        field: 'goals',
        severity: 'warning',
        phrase: '2021年6月底前',
        deadline: '2021-06-30',
        year: 2021,
        planYear: 2022,
      },
    ]);
  });

  it("DATE_OUTSIDE_PLAN: last year's figure in item 13, a 2025 goal in item 68", () => {
    expect(findings('DATE_OUTSIDE_PLAN').map((f) => [f.item, f.field, f.severity, f.params?.phrase])).toEqual(
      [
        [13, 'measures', 'warning', '2021年'],
        [68, 'achievements', 'info', '2025年'],
      ],
    );
  });

  it('DUPLICATE_TEXT: item 50 copies item 3, item 20 copies item 16, and the other repeats', () => {
    const dup = findings('DUPLICATE_TEXT').map((f) => ({
      item: f.item,
      field: f.field,
      other: f.params?.other,
      otherField: f.params?.otherField,
    }));
    expect(dup).toEqual(
      expect.arrayContaining([
        { item: 50, field: 'measures', other: 3, otherField: 'measures' },
        { item: 50, field: 'goals', other: 3, otherField: 'goals' },
        { item: 50, field: 'achievements', other: 3, otherField: 'achievements' },
        { item: 20, field: 'achievements', other: 16, otherField: 'achievements' },
        // 23 and 29 share a goal sentence (全县 → 全市)
        { item: 29, field: 'goals', other: 23, otherField: 'goals' },
      ]),
    );
    // "低担保费低担保费" typed twice (item 5); measures 3 and 4 of item 58 drafted twice.
    expect(
      findings('DUPLICATE_TEXT')
        .filter((f) => f.item === 5)
        .map((f) => f.params?.text),
    ).toEqual(['低担保费']);
    expect(
      findings('DUPLICATE_TEXT')
        .filter((f) => f.item === 58)
        .map((f) => [f.params?.first, f.params?.second]),
    ).toEqual([[3, 4]]);
    expect(new Set(dup.map((d) => d.item))).toEqual(new Set([5, 20, 29, 50, 58]));
  });

  it('NO_DEADLINE only on item 34', () => {
    expect(findings('NO_DEADLINE').map((f) => [f.item, f.field])).toEqual([[34, 'goals']]);
  });

  it('no empty cells', () => {
    expect(findings('EMPTY_CELL')).toEqual([]);
  });

  it('every unit name reads as a unit', () => {
    expect(findings('COLUMN_MISPLACED').filter((f) => f.field === 'units')).toEqual([]);
  });
});

/**
 * Where the program and the document disagree. These state what the document says; they fail
 * until the extraction learns it (reported to the lead).
 */
describe('Sanmen 2022: open disagreements', () => {
  it('item 54: "其中20万元村达25%" — 20万元村 names a kind of village; the target is 25%, not 200000 元', () => {
    expect(targets(54)).toEqual([
      [null, 'goals', '=', 1421, '亩'],
      [null, 'goals', '=', 20, '%'],
      [null, 'goals', '>=', 80, '亩'],
      [null, 'goals', '=', 100, '%'],
      ['2022-12-31', 'goals', '>=', 800, '亩'],
      ['2022-12-31', 'goals', '>=', 10, '%'],
      ['2022-12-31', 'goals', '>=', 500, '名'],
      ['2022-12-31', 'goals', '>=', 6, '%'],
      ['2022-12-31', 'goals', '>=', 120000, '元'],
      ['2022-12-31', 'goals', '>=', 25, '%'],
    ]);
  });

  it('item 48: "“研发机构”“研发活动”两个全覆盖" names two coverages; it is not a target of 2 个', () => {
    expect(targets(48)).toEqual([
      ['2022-09-30', 'goals', '=', 2, '家'],
      ['2022-12-31', 'goals', '>=', 2.6, '%'],
      ['2022-12-31', 'goals', '>=', 55, '%'],
      ['2022-12-31', 'goals', '>=', 20, '家'],
      ['2022-12-31', 'goals', '>=', 45, '家'],
    ]);
  });
});
