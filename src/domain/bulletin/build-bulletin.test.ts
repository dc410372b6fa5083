import { describe, expect, it } from 'vitest';
import { plan as sanmen } from '../../../test/golden/sanmen-plan.js';
import { juneInput, snapshotOf, UNITS } from '../../../test/helpers/bulletin-plan.js';
import { takeSnapshot } from '../reporting/snapshot.js';
import { itemStatus } from '../status/item-status.js';
import { unitStats } from '../status/unit-status.js';
import { buildBulletin } from './build-bulletin.js';
import { chineseNumber } from './format.js';
import type { BulletinContent, BulletinInput } from './types.js';

/** The bulletin's content, first on a small synthetic plan worked out by hand, then on the real Sanmen plan. */

const june = buildBulletin(juneInput());
const texts = (c: BulletinContent, key: string) =>
  c.sections
    .find((s) => s.key === key)!
    .blocks.flatMap((b) => ('text' in b ? [b.text] : b.kind === 'table' ? [b.caption] : [b.caption]));
const numbers = (refs: { number: number | null }[]) => refs.map((r) => r.number);

describe('bulletin content of the synthetic plan, June 2022 (as of 2022-06-25)', () => {
  it('is as of the period due date, titled and opened for the period', () => {
    expect(june.asOf).toBe('2022-06-25');
    expect(june.periodLabel).toBe('2022年6月');
    expect(june.masthead).toBe('三门县改革工作通报');
    expect(june.title).toBe('关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报');
    expect(june.defaultOpening).toContain(
      '现将截至2022年6月25日三门县共同富裕“三十”工程改革库推进情况通报如下',
    );
  });

  it.each([
    ['items', { red: 2, yellow: 1, green: 1, done: 2, total: 6 }],
    ['milestones', { total: 8, due: 3, dueDone: 2, overdue: 1, doneOnTime: 3, doneLate: 0 }],
    ['targets', { total: 2, met: 0, due: 1, dueMet: 0, blank: 0 }],
    ['achievements', { total: 1, reached: 1, reachedInPeriod: 1 }],
    ['reports', { owed: 4, onTime: 2, late: 2 }],
  ] as const)('counts %s', (key, expected) => {
    expect(june.figures[key]).toEqual(expected);
  });

  it('numbers its seven sections 一、 to 七、 in order', () => {
    expect(june.sections.map((s) => s.heading)).toEqual([
      '一、总体进展情况',
      '二、本期变化情况',
      '三、标志性成果',
      '四、重点改革推进情况',
      '五、逾期和预警事项',
      '六、晾晒排名',
      '七、进展报送情况',
    ]);
  });

  it.each([
    [
      'overview',
      '截至2022年6月25日，三门县共同富裕“三十”工程改革库共有改革事项 6 项，其中已完成 2 项、进展正常 1 项、预警 1 项、逾期 2 项。',
    ],
    [
      'overview',
      '应完成时间节点 3 个（共 8 个），已完成 2 个，完成率 66.7%，逾期未完成 1 个；已完成的时间节点中，按时完成 3 个，逾期完成 0 个。',
    ],
    [
      'changes',
      '与上期（2022年5月）相比，本期新完成 1 项，新增逾期 2 项，逾期转为正常推进 0 项，重新打开 0 项。',
    ],
    ['changes', '新完成：第6项“推进国家职业教育创新高地试点”（三门技师学院）。'],
    [
      'changes',
      '新增逾期：第2项“保险制度改革”（台州银保监分局三门监管组）、第4项“城乡义务教育共同体建设”（县教育局）。',
    ],
    [
      'achievements',
      '1. 第1项““农户家庭资产池”融资模式”（台州银保监分局三门监管组）：创新建立农户家庭资产负债表（2022年6月10日取得）。',
    ],
    ['keyItems', '（一）“农户家庭资产池”融资模式'],
    ['keyItems', '本期进展：已完成资产评估模型，“农户家庭资产池”融资12.3亿元。'],
    [
      'keyItems',
      '牵头单位：县教育局。当前状态：逾期。时间节点 1 个，已完成 0 个。下一节点：2022年12月底前，县域义务教育优质均衡发展县评审通过市级审核。',
    ],
    ['keyItems', '本期未报送进展情况。'],
    ['reporting', '本期应报送进展报告 4 份，按时报送 2 份，按时报送率 50%。'],
  ])('says in %s: %s', (section, sentence) => {
    expect(texts(june, section)).toContain(sentence);
  });

  it('lists the late and at-risk items under their lead unit, late first, with why', () => {
    expect(june.lateByUnit.map((u) => [u.name, numbers(u.items)])).toEqual([
      [UNITS.bank.name, [2]],
      [UNITS.edu.name, [4]],
      [UNITS.agri.name, [3]],
    ]);
    const [bank, edu] = june.lateByUnit;
    expect(bank!.items[0]).toMatchObject({
      status: 'red',
      overdue: [{ deadline: '2022-05-31', text: '2022年5月底前，出台水稻完全成本保险试点方案' }],
      risks: ['保险公司尚未确定承保方案'],
    });
    expect(edu!.items[0]).toMatchObject({
      status: 'red',
      overdue: [],
      targetsMissed: ['城乡学生学业水平倍差缩小到2.36以内'],
    });

    const table = june.sections.find((s) => s.key === 'lateItems')!.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows).toEqual([
      [
        { text: UNITS.bank.name, rowSpan: 1 },
        { text: '2' },
        { text: '保险制度改革' },
        { text: '逾期', tone: 'red' },
        { text: '逾期节点：2022年5月底前，出台水稻完全成本保险试点方案；风险：保险公司尚未确定承保方案' },
      ],
      [
        { text: UNITS.edu.name, rowSpan: 1 },
        { text: '4' },
        { text: '城乡义务教育共同体建设' },
        { text: '逾期', tone: 'red' },
        { text: '未达标指标：城乡学生学业水平倍差缩小到2.36以内' },
      ],
      [
        { text: UNITS.agri.name, rowSpan: 1 },
        { text: '3' },
        { text: '低收入农户数字化帮促机制' },
        { text: '预警', tone: 'yellow' },
        { text: '' },
      ],
    ]);
  });

  it('names the units that did not report on time, counting a report after the due date as late', () => {
    expect(june.lateReporters).toEqual([
      { unitId: UNITS.edu.id, name: UNITS.edu.name, owed: 1, late: 1, items: [4] },
      { unitId: UNITS.agri.id, name: UNITS.agri.name, owed: 1, late: 1, items: [3] },
    ]);
  });

  it('ranks the scoreboard with the change since the period before', () => {
    const table = june.sections.find((s) => s.key === 'scoreboard')!.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', '三门技师学院', '100.0', '—', '100%', '100%', '↑1'],
      ['2', '台州银保监分局三门监管组', '72.5', '50%', '100%', '100%', '↓1'],
    ]);
  });

  it('keeps the chart data: status per period up to June, items by lead unit', () => {
    // Item 5 was done on 04-25 but reported on 04-28: not known on April's due date.
    expect(june.charts.trend.map((p) => [p.label, p.counts.red, p.counts.done])).toEqual([
      ['2022年4月', 0, 0],
      ['2022年5月', 0, 1],
      ['2022年6月', 2, 2],
    ]);
    expect(june.charts.byUnit.map((r) => [r.name, r.red, r.yellow, r.green, r.done])).toEqual([
      [UNITS.bank.name, 1, 0, 1, 0],
      [UNITS.agri.name, 0, 1, 0, 1],
      // One item each: the one with a late item first.
      [UNITS.edu.name, 1, 0, 0, 0],
      [UNITS.school.name, 0, 0, 0, 1],
    ]);
  });
});

describe('bulletin content: edge cases', () => {
  it.each<[string, Partial<BulletinInput>, string, string]>([
    [
      'the first bulletin',
      { previous: null },
      'changes',
      '本期为首期通报，各事项状态以本期为基准，此后各期据此通报变化情况。',
    ],
    ['no report owed', { reportsOwed: [] }, 'reporting', '本期无应报送的进展报告。'],
    ['nobody ranked yet', { scoreboard: [] }, 'scoreboard', '本期暂无可排名的单位。'],
    [
      'an untitled plan',
      { planTitle: null },
      'overview',
      '截至2022年6月25日，改革事项共有改革事项 6 项，其中已完成 2 项、进展正常 1 项、预警 1 项、逾期 2 项。',
    ],
  ])('%s', (_, overrides, section, sentence) => {
    expect(texts(buildBulletin(juneInput('zh-CN', overrides)), section)).toContain(sentence);
  });

  it('says nothing changed when the snapshots are equal', () => {
    const input = juneInput();
    const c = buildBulletin({
      ...input,
      previous: { ...input.snapshot, period: '2022-05', asOf: '2022-05-25' },
    });
    expect(texts(c, 'changes')).toEqual(['与上期（2022年5月）相比，各事项状态无变化。']);
  });

  it('takes item statuses from the locked snapshot, not from reports approved later', () => {
    const input = juneInput();
    // The kept snapshot said item 3 was red (e.g. taken before a correction): the bulletin follows it.
    const locked = {
      ...input.snapshot,
      items: input.snapshot.items.map((e) => (e.itemKey === 'item-3' ? { ...e, status: 'red' as const } : e)),
    };
    const c = buildBulletin({ ...input, snapshot: locked });
    expect(c.figures.items.red).toBe(3);
    expect(c.lateByUnit.find((u) => u.name === UNITS.agri.name)!.items[0]!.status).toBe('red');
  });

  it('is the same content for the same input, and survives a JSON round trip (it is stored as JSON)', () => {
    const again = buildBulletin(juneInput());
    expect(again).toEqual(june);
    expect(JSON.parse(JSON.stringify(june))).toEqual(june);
  });

  it('writes English when asked', () => {
    const en = buildBulletin(juneInput('en-US'));
    expect(en.sections.map((s) => s.heading)[0]).toBe('1. Overall progress');
    expect(texts(en, 'overview')[0]).toBe(
      'As of 2022-06-25, 三门县共同富裕“三十”工程改革库 has 6 reform items: 2 done, 1 on track, 1 at risk and 2 late.',
    );
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [100, '100'],
  ])('writes %i as %s in section numbers', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });
});

describe('bulletin content of the real Sanmen plan, June 2022, before any report', () => {
  const items = sanmen.items.map((item, i) => {
    const lead = item.units.find((u) => u.role === 'lead');
    return {
      itemKey: `sanmen-${i}`,
      item,
      lead: lead ? { id: lead.canonical, name: lead.canonical } : null,
      reports: [],
    };
  });
  const snapshot = takeSnapshot(
    '2022-06',
    items.map((i) => ({ itemKey: i.itemKey, item: i.item })),
    { warningDays: 30 },
  );
  const c = buildBulletin({
    ...juneInput(),
    items,
    snapshot,
    previous: snapshotOf(items, '2022-05'),
    history: [],
    scoreboard: [],
    reportsOwed: [],
  });
  const ratings = sanmen.items.map((item) => itemStatus(item, { asOf: '2022-06-25', warningDays: 30 }));

  it('counts what the status engine says as of 2022-06-25', () => {
    const count = (s: string) => ratings.filter((r) => r.status === s).length;
    expect(c.figures.items).toEqual({
      red: count('red'),
      yellow: count('yellow'),
      green: count('green'),
      done: 0,
      total: 67,
    });
    const stats = unitStats(
      sanmen.items.map((item, i) => ({ milestones: item.milestones, rating: ratings[i]! })),
      '2022-06-25',
    );
    expect(c.figures.milestones).toMatchObject({
      due: stats.dueMilestones,
      dueDone: 0,
      overdue: stats.dueMilestones,
    });
    expect(c.figures.milestones.due).toBeGreaterThan(0);
  });

  it('lists every late and at-risk item under its own lead unit, each once', () => {
    const listed = c.lateByUnit.flatMap((u) => u.items.map((i) => [i.number, u.name]));
    const expected = items
      .filter((_, i) => ratings[i]!.status === 'red' || ratings[i]!.status === 'yellow')
      .map((i) => [i.item.number, i.lead?.name ?? '']);
    expect(listed).toHaveLength(expected.length);
    expect(new Set(listed.map((x) => JSON.stringify(x)))).toEqual(
      new Set(expected.map((x) => JSON.stringify(x))),
    );
    // 县农业农村局 leads 低收入农户数字化帮促机制 (item 23), due 2022年3月底前: overdue.
    const agri = c.lateByUnit.find((u) => u.name === '县农业农村局')!;
    expect(agri.items.find((i) => i.number === 23)).toMatchObject({
      title: '低收入农户数字化帮促机制',
      status: 'red',
      overdue: [{ deadline: '2022-03-31' }],
    });
  });

  it('reports every key reform (重点改革) one by one', () => {
    const key = sanmen.items.filter((i) => i.key);
    expect(key.length).toBeGreaterThan(3);
    const subheadings = c.sections
      .find((s) => s.key === 'keyItems')!
      .blocks.filter((b) => b.kind === 'subheading')
      .map((b) => ('text' in b ? b.text : ''));
    expect(subheadings).toEqual(key.map((i, n) => `（${chineseNumber(n + 1)}）${i.title}`));
  });
});
