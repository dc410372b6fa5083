import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/domain/plan-schema.js';
import { plan, item, milestones, targets, range, WRITTEN, INFERRED, KEY } from './sanmen-plan.js';

/**
 * Golden test of the real input (see sanmen-plan.ts). Where the program and a careful reader
 * disagree, the reader wins.
 */

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
