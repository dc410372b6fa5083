import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import { planSchema } from '../../src/domain/plan-schema.js';
import type { Finding, Item, Target } from '../../src/domain/plan.js';

/**
 * Golden test of the real input: 三门县共同富裕“三十”工程改革库 (2022), as exported to text.
 * Expected values were written by reading the document, not by copying the program's output.
 * Where the program and a careful reader disagree, the reader wins (see "open disagreements").
 */

const SEED = new URL('../../data-seed/sanmen-2022.txt', import.meta.url);
const plan = normalizeDocument(readTextTable(readFileSync(SEED, 'utf8'), 'sanmen-2022.txt'));

const item = (n: number): Item => {
  const found = plan.items.filter((i) => i.number === n);
  expect(found, `exactly one item numbered ${n}`).toHaveLength(1);
  return found[0]!;
};
const milestones = (n: number) => item(n).milestones.map((m) => [m.deadline, m.source, m.phrase]);
type T = [
  deadline: string | null,
  source: Target['source'],
  op: Target['op'],
  value: number | null,
  unit: string,
];
const targets = (n: number): T[] => item(n).targets.map((t) => [t.deadline, t.source, t.op, t.value, t.unit]);
const findings = (code: Finding['code']) => plan.findings.filter((f) => f.code === code);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

const WRITTEN = [...range(1, 17), 26, 27, ...range(37, 48), ...range(52, 54), ...range(57, 61), 65, 67];
const INFERRED = [...range(18, 25), ...range(28, 36), 49, 50, 51, 55, 56, 62, 66, 68, 69];
const KEY = [1, 9, 10, 11, 14, 16, 52, 58];

describe('Sanmen 2022: the plan', () => {
  it('has the title above the table and the year its deadlines are in', () => {
    expect(plan.title).toBe('三门县共同富裕“三十”工程改革库');
    expect(plan.year).toBe(2022);
  });

  it('matches the JSON contract', () => {
    expect(() => planSchema.parse(plan)).not.toThrow();
  });

  it('maps the six columns', () => {
    expect(plan.columns).toEqual([
      { header: '序号', field: 'number' },
      { header: '改革事项', field: 'title' },
      { header: '改革举措', field: 'measures' },
      { header: '主要目标', field: 'goals' },
      { header: '标志性成果', field: 'achievements' },
      { header: '责任单位', field: 'units' },
    ]);
  });

  it('has 67 items numbered 1–62 and 65–69, in order', () => {
    expect(plan.items).toHaveLength(67);
    expect(plan.items.map((i) => i.number)).toEqual([...range(1, 62), ...range(65, 69)]);
  });

  it('infers exactly the numbers whose cells are empty', () => {
    expect(WRITTEN.length + INFERRED.length).toBe(67);
    expect(plan.items.filter((i) => i.numberInferred).map((i) => i.number)).toEqual(INFERRED);
    for (const n of INFERRED) expect(item(n).numberText).toBe('');
    for (const n of WRITTEN) expect(item(n).numberText).toBe(KEY.includes(n) ? `${n}*` : String(n));
  });

  it('marks the eight key items (*)', () => {
    expect(plan.items.filter((i) => i.key).map((i) => i.number)).toEqual(KEY);
  });

  it('reads titles, joining a title broken over two lines', () => {
    expect(item(1).title).toBe('“农户家庭资产池”融资模式（小微金融助富改革）');
    expect(item(10).title).toBe('支持构建海上安全体系');
    expect(item(18).title).toBe('农民持股改革');
    expect(item(69).title).toBe('支持三门县乡村振兴青蟹产业深度融合发展示范县建设');
  });

  it('keeps the goals cell verbatim', () => {
    expect(item(1).goalsText).toBe(
      '1.2022年9月底前，“农户家庭资产池”融资达15亿元以上，全县农户小额信用贷款占农户小额贷款比例持续提升；\n2.2022年12月底前，“农户家庭资产池”融资达20亿元以上。',
    );
  });
});

describe('Sanmen 2022: measures and achievements', () => {
  it.each<[number, number, string, string]>([
    [1, 3, '创新农户资产评估模型。', '提供结算、理财等综合金融服务。'],
    // two markers on one line after "；"
    [2, 4, '持续健全农业保险基层服务网络', '加大宣传力度，提高参保意识。'],
    // "3加快" lost its dot
    [16, 4, '紧盯温台职业教育创新高地', '做好全国一流技师学院(万人技师学院)申报的前期准备工作。'],
    [49, 5, '坚持就业优先政策', '推动合作创业模式在全县乡村落地实践。'],
    // no markers: one measure
    [6, 1, '扩大深化“守法贷”相关法治宣传', '释放法治红利。'],
  ])('item %i has %i measures', (n, count, first, last) => {
    const m = item(n).measures;
    expect(m).toHaveLength(count);
    expect(m[0]!.startsWith(first)).toBe(true);
    expect(m.at(-1)!.endsWith(last)).toBe(true);
  });

  it('splits achievements like measures', () => {
    expect(item(11).achievements).toEqual([
      '推动县域工业企业提质增效。',
      '促进企业转型升级。',
      '深化“亩均论英雄”改革。',
    ]);
    expect(item(3).achievements).toEqual([
      '率先构建更大力度激发市场主体活力的体制机制，照后减证和优化审批、企业开办和注销便利度位居全市前列。',
    ]);
  });
});

describe('Sanmen 2022: milestones and targets (hand-checked sample)', () => {
  it('item 1: 15亿元 by September, 20亿元 by December', () => {
    expect(milestones(1)).toEqual([
      ['2022-09-30', 'goals', '2022年9月底前'],
      ['2022-12-31', 'goals', '2022年12月底前'],
    ]);
    expect(targets(1)).toEqual([
      ['2022-09-30', 'goals', '>=', 1500000000, '元'],
      ['2022-12-31', 'goals', '>=', 2000000000, '元'],
    ]);
    expect(item(1).targets.map((t) => t.metric)).toEqual(['“农户家庭资产池”融资', '“农户家庭资产池”融资']);
  });

  it('item 3: four quarters; "2022年度企业专利导航项目" is not a deadline', () => {
    expect(milestones(3)).toEqual([
      ['2022-03-31', 'goals', '2022年3月底前'],
      ['2022-06-30', 'goals', '2022年6月底前'],
      ['2022-09-30', 'goals', '2022年9月底前'],
      ['2022-12-31', 'goals', '2022年12月底前'],
    ]);
    expect(targets(3)).toEqual([
      ['2022-03-31', 'goals', '=', 10, '个'],
      ['2022-06-30', 'goals', '=', 20, '个'],
      ['2022-06-30', 'goals', '>=', 100, '%'],
    ]);
  });

  it('item 6: 超1亿元, 超1.2亿元, and the 2022年度 counts', () => {
    expect(milestones(6)).toEqual([
      ['2022-03-31', 'goals', '2022年3月底前'],
      ['2022-06-30', 'goals', '2022年6月底前'],
      ['2022-12-31', 'goals', '2022年度'],
    ]);
    expect(targets(6)).toEqual([
      ['2022-03-31', 'goals', '>=', 100000000, '元'],
      ['2022-06-30', 'goals', '>=', 120000000, '元'],
      ['2022-12-31', 'goals', '>=', 6, '个'],
      ['2022-12-31', 'goals', '>=', 40, '个'],
    ]);
  });

  it('item 7: 5G is a name, not a number; 年底前 in the measures; the (2021-2023年) range is no deadline', () => {
    expect(milestones(7)).toEqual([
      ['2022-12-31', 'goals', '2022年12月底前'],
      ['2022-12-31', 'measures', '年底前'],
    ]);
    expect(targets(7)).toEqual([
      ['2022-12-31', 'goals', '>=', 150, '家'],
      ['2022-12-31', 'goals', '>=', 400, '个'],
    ]);
  });

  it('item 19: 60% by June, 90% by December', () => {
    expect(milestones(19)).toEqual([
      ['2022-06-30', 'goals', '2022年6月底前'],
      ['2022-12-31', 'goals', '2022年12月底前'],
    ]);
    expect(targets(19)).toEqual([
      ['2022-06-30', 'goals', '>=', 60, '%'],
      ['2022-12-31', 'goals', '>=', 90, '%'],
    ]);
  });

  it('item 20: "下半学期" is not a half year', () => {
    expect(milestones(20)).toEqual([
      ['2022-06-30', 'goals', '2022年6月底前'],
      ['2022-12-31', 'goals', '2022年12月底前'],
    ]);
    expect(targets(20)).toEqual([
      ['2022-06-30', 'goals', '=', 200, '人'],
      ['2022-12-31', 'goals', '=', 8000, '人'],
      ['2022-12-31', 'goals', '=', 9000, '人次'],
    ]);
  });

  it('item 23: the income gap narrowed to 2.36 or less', () => {
    expect(targets(23)).toEqual([['2022-06-30', 'goals', '<=', 2.36, '']]);
  });

  it('item 30: two blank percentages', () => {
    expect(milestones(30)).toEqual([
      ['2022-03-31', 'goals', '2022年3月底前'],
      ['2022-06-30', 'goals', '2022年6月底前'],
    ]);
    expect(targets(30)).toEqual([
      ['2022-03-31', 'goals', '>=', null, '%'],
      ['2022-06-30', 'goals', '>=', null, '%'],
    ]);
  });

  it('item 34: goals without any deadline', () => {
    expect(milestones(34)).toEqual([]);
    expect(targets(34)).toEqual([]);
  });

  it('item 41: 十个, 百支, 4千场以上', () => {
    expect(targets(41)).toEqual([
      ['2022-12-31', 'goals', '=', 10, '个'],
      ['2022-12-31', 'goals', '=', 100, '支'],
      ['2022-12-31', 'goals', '>=', 4000, '场'],
    ]);
  });

  it('item 47: "派遣1139科技小分队" is not a target', () => {
    expect(targets(47)).toEqual([['2022-06-30', 'goals', '=', 4, '个']]);
  });

  it('item 53: 200余万元, 5万元, 1000亩, 1亿元', () => {
    expect(targets(53)).toEqual([
      ['2022-12-31', 'goals', '>=', 2000000, '元'],
      ['2022-12-31', 'goals', '=', 50000, '元'],
      ['2022-12-31', 'goals', '=', 1000, '亩'],
      ['2022-12-31', 'goals', '=', 100000000, '元'],
    ]);
  });

  it('item 55: undated pairings, then 1—2 model villages', () => {
    expect(targets(55)).toEqual([
      [null, 'goals', '=', 10, '家'],
      [null, 'goals', '=', 10, '个'],
      ['2022-06-30', 'goals', '>=', 1, '个'],
    ]);
  });

  it('item 56: two-digit growth of small-business loans by the end of the year', () => {
    expect(targets(56)).toEqual([
      ['2022-12-31', 'goals', '>=', 10, '%'],
      ['2022-12-31', 'goals', '>=', 1000000000, '元'],
    ]);
    expect(item(56).targets[0]!.text).toBe('两位数增长');
  });

  it('item 60: counts and rates, "累计达到300个" at least', () => {
    expect(targets(60)).toEqual([
      ['2022-03-31', 'goals', '=', 7, '场'],
      ['2022-06-30', 'goals', '=', 5, '家'],
      ['2022-06-30', 'goals', '=', 5, '场'],
      ['2022-06-30', 'goals', '=', 100, '个'],
      ['2022-12-31', 'goals', '=', 180, '个'],
      ['2022-12-31', 'goals', '>=', 300, '个'],
      ['2022-12-31', 'goals', '=', 3, '个'],
      ['2022-12-31', 'goals', '>=', 3, '个'],
      ['2022-12-31', 'goals', '>=', 50, '%'],
    ]);
  });

  it('item 68: a 2025 milestone and its targets in the achievements', () => {
    expect(milestones(68)).toEqual([
      ['2022-03-31', 'goals', '2022年3月底前'],
      ['2022-06-30', 'goals', '2022年6月底前'],
      ['2022-09-30', 'goals', '2022年9月底前'],
      ['2025-12-31', 'achievements', '2025年'],
    ]);
    expect(targets(68)).toEqual([
      ['2025-12-31', 'achievements', '>=', 80000000, '元'],
      ['2025-12-31', 'achievements', '=', 30, '个'],
      ['2025-12-31', 'achievements', '>=', 46000, '元'],
      ['2025-12-31', 'achievements', '>=', 25, '%'],
    ]);
  });

  it('every goals cell but item 34 has a deadline, and every deadline is a real date', () => {
    for (const it of plan.items) {
      const dated = it.milestones.some((m) => m.source === 'goals');
      expect(dated, `item ${it.number}`).toBe(it.number !== 34);
      for (const m of it.milestones) expect(Number.isNaN(Date.parse(m.deadline))).toBe(false);
    }
  });

  it('no milestone falls outside 2021–2025', () => {
    const years = new Set(plan.items.flatMap((i) => i.milestones.map((m) => m.deadline.slice(0, 4))));
    expect([...years].sort()).toEqual(['2021', '2022', '2025']);
  });
});

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
