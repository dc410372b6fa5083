import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import { planSchema } from '../../src/domain/plan-schema.js';
import type { Finding, Item, Plan } from '../../src/domain/plan.js';

/**
 * Plans that are not Sanmen's, written for this test in the same text-export format (TAB-led
 * cells, blank lines between rows, " \t" for an empty number) but laid out differently: other
 * header synonyms, full-width digits and punctuation, Chinese-numeral dates, the plan year in
 * the title or only in the deadlines, year-less milestones, units with their roles in separate
 * columns or labelled in one. They guard the extraction against being tuned to one document.
 */

const load = (name: string): Plan =>
  normalizeDocument(readTextTable(readFileSync(new URL(`./plans/${name}`, import.meta.url), 'utf8'), name));

const view = (it: Item) => ({
  number: it.number,
  inferred: it.numberInferred,
  key: it.key,
  title: it.title,
  milestones: it.milestones.map((m) => [m.deadline, m.source, m.phrase]),
  targets: it.targets.map((t) => [t.deadline, t.op, t.value, t.unit]),
  units: it.units.map((u) => [u.name, u.canonical, u.role]),
});
const findingsOf = (plan: Plan, ...codes: Finding['code'][]) =>
  plan.findings
    .filter((f) => codes.includes(f.code))
    .map((f) => ({ code: f.code, item: f.item, severity: f.severity, ...f.params }));

describe('2023年柯城区数字化改革重点任务清单 (编号/重点任务/具体举措/完成时限/牵头单位/配合单位/备注)', () => {
  const plan = load('kecheng-digital-2023.txt');

  it('takes the title and the plan year from the title', () => {
    expect(plan.title).toBe('2023年柯城区数字化改革重点任务清单');
    expect(plan.year).toBe(2023);
    expect(() => planSchema.parse(plan)).not.toThrow();
  });

  it('maps the synonyms and keeps the unknown column', () => {
    expect(plan.columns).toEqual([
      { header: '编号', field: 'number' },
      { header: '重点任务', field: 'title' },
      { header: '具体举措', field: 'measures' },
      { header: '完成时限', field: 'goals' },
      { header: '牵头单位', field: 'units' },
      { header: '配合单位', field: 'units' },
      { header: '备注', field: 'extra' },
    ]);
    expect(plan.items[0]!.extra).toEqual({ 备注: '省级试点' });
    expect(plan.items[1]!.extra).toBeUndefined();
  });

  it('item 1: full-width number with ★, full-width markers glued to year-less months', () => {
    expect(view(plan.items[0]!)).toEqual({
      number: 1,
      inferred: false,
      key: true,
      title: '“浙里办”企业开办一件事集成改革',
      milestones: [
        ['2023-03-31', 'goals', '３月底前'],
        ['2023-06-30', 'goals', '６月底前'],
        ['2023-12-31', 'goals', '年底前'],
      ],
      targets: [
        ['2023-06-30', '<=', 1, '工作日'],
        ['2023-12-31', '>=', 95, '%'],
      ],
      units: [
        ['区市场监管局', '区市场监管局', 'lead'],
        ['区大数据中心', '区大数据中心', 'co'],
        ['区税务局', '区税务局', 'co'],
      ],
    });
    expect(plan.items[0]!.measures).toEqual([
      '推行企业开办全流程“一网通办”',
      '推进电子营业执照、电子印章同步发放',
      '建设“企业码”应用场景。',
    ]);
  });

  it('item 2: Chinese-numeral dates; circled markers on one line', () => {
    expect(view(plan.items[1]!)).toMatchObject({
      number: 2,
      milestones: [
        ['2023-06-30', 'goals', '二〇二三年六月底前'],
        ['2023-12-31', 'goals', '二〇二三年十二月底前'],
      ],
      targets: [['2023-12-31', '>=', 500000000, '元']],
      units: [
        ['区发展和改革局', '区发展和改革局', 'lead'],
        ['区经信局', '区经信局', 'co'],
      ],
    });
    expect(plan.items[1]!.measures).toEqual([
      '深化与杭州市上城区结对合作',
      '共建“科创飞地”，引进项目不少于３个。',
    ]);
  });

  it('item 3: an empty number, half year, quarter and day; the lead marked (牵头)', () => {
    expect(view(plan.items[2]!)).toEqual({
      number: 3,
      inferred: true,
      key: false,
      title: '未来社区共同富裕基本单元建设',
      milestones: [
        ['2023-06-30', 'goals', '上半年'],
        ['2023-09-30', 'goals', '三季度'],
        ['2023-12-20', 'goals', '12月20日前'],
      ],
      targets: [
        ['2023-06-30', '=', 2, '个'],
        ['2023-09-30', '=', 12, '个'],
        ['2023-09-30', '>=', 3000, '户'],
      ],
      units: [
        ['区建设局', '区建设局', 'lead'],
        ['区发改局', '区发展和改革局', 'co'],
        ['区民政局', '区民政局', 'co'],
      ],
    });
    expect(plan.items[2]!.measures).toEqual(['推进未来社区规划建设', '打造“15分钟公共服务圈”。']);
  });

  it('item 4: "不超过3天" is at most; "2.0版" is not a number', () => {
    expect(view(plan.items[3]!)).toMatchObject({
      number: 4,
      milestones: [
        ['2023-09-30', 'goals', '2023年9月底前'],
        ['2023-12-31', 'goals', '2023年底前'],
      ],
      targets: [
        ['2023-09-30', '<=', 3, '天'],
        ['2023-12-31', '>=', 90, '%'],
      ],
      units: [
        ['区市场监督管理局', '区市场监管局', 'lead'],
        ['区行政服务中心', '区行政服务中心', 'co'],
      ],
    });
  });

  it('reports the inferred number and the unit spellings', () => {
    expect(findingsOf(plan, 'MISSING_NUMBER', 'SEQUENCE_GAP', 'UNIT_ALIAS')).toEqual([
      { code: 'MISSING_NUMBER', item: 3, severity: 'warning', number: 3 },
      { code: 'UNIT_ALIAS', item: 3, severity: 'warning', alias: '区发改局', canonical: '区发展和改革局' },
      {
        code: 'UNIT_ALIAS',
        item: 4,
        severity: 'warning',
        alias: '区市场监督管理局',
        canonical: '区市场监管局',
      },
    ]);
    expect(findingsOf(plan, 'NO_DEADLINE', 'BLANK_VALUE', 'DATE_OUT_OF_ORDER', 'DATE_OUTSIDE_PLAN')).toEqual(
      [],
    );
  });
});

describe('龙泉市山海协作工程升级版工作任务分工表 (序号/任务名称/工作举措/时间节点/预期成果/责任部门/分管领导)', () => {
  const plan = load('longquan-shanhai.txt');

  it('takes the plan year from the deadlines when the title has none', () => {
    expect(plan.title).toBe('龙泉市山海协作工程升级版工作任务分工表');
    expect(plan.year).toBe(2024);
    expect(() => planSchema.parse(plan)).not.toThrow();
  });

  it('maps the synonyms', () => {
    expect(plan.columns?.map((c) => c.field)).toEqual([
      'number',
      'title',
      'measures',
      'goals',
      'achievements',
      'units',
      'extra',
    ]);
  });

  it('numbers a table that starts with empty numbers by counting back, and keeps the duplicate 3', () => {
    expect(plan.items.map((i) => [i.number, i.numberInferred])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [3, false],
    ]);
    expect(findingsOf(plan, 'MISSING_NUMBER', 'SEQUENCE_GAP')).toEqual([
      { code: 'MISSING_NUMBER', item: 1, severity: 'warning', number: 1 },
      { code: 'MISSING_NUMBER', item: 2, severity: 'warning', number: 2 },
      { code: 'SEQUENCE_GAP', item: 3, severity: 'warning', from: 3, to: 3, number: 3 },
    ]);
  });

  it('item 1: * in the title; a quarter, a day carrying the year, a long-term 到2027年; labelled roles', () => {
    expect(view(plan.items[0]!)).toEqual({
      number: 1,
      inferred: true,
      key: true,
      title: '共同富裕山海协作产业园提质',
      milestones: [
        ['2024-03-31', 'goals', '2024年一季度'],
        ['2024-09-30', 'goals', '9月30日前'],
        ['2027-12-31', 'goals', '2027年'],
      ],
      targets: [
        ['2024-09-30', '>=', 3, '个'],
        ['2027-12-31', '>=', 5000000000, '元'],
      ],
      units: [
        ['市发展和改革局', '市发展和改革局', 'lead'],
        ['市经信局', '市经信局', 'co'],
        ['市商务局', '市商务局', 'co'],
      ],
    });
    expect(plan.items[0]!.measures).toEqual(['深化与温州市鹿城区的产业链协作', '建立“飞地”收益返还机制。']);
    expect(plan.items[0]!.extra).toEqual({ 分管领导: '李副市长' });
    expect(findingsOf(plan, 'DATE_OUTSIDE_PLAN')).toEqual([
      {
        code: 'DATE_OUTSIDE_PLAN',
        item: 1,
        severity: 'info',
        phrase: '2027年',
        deadline: '2027-12-31',
        planYear: 2024,
      },
    ]);
  });

  it('item 2: a Chinese-numeral half year; the lead marked (牵头) in the middle of the list', () => {
    expect(view(plan.items[1]!)).toMatchObject({
      milestones: [
        ['2024-06-30', 'goals', '二〇二四年上半年'],
        ['2024-12-31', 'goals', '年底前'],
      ],
      targets: [
        ['2024-06-30', '>=', 12000000, '元'],
        ['2024-12-31', '>=', 300000, '元'],
      ],
      units: [
        ['市农业农村局', '市农业农村局', 'co'],
        ['市财政局', '市财政局', 'lead'],
        ['市自然资源和规划局', '市自然资源和规划局', 'co'],
      ],
    });
  });

  it('item 3: a range, two-digit growth and a ratio', () => {
    expect(view(plan.items[2]!)).toMatchObject({
      milestones: [
        ['2024-06-30', 'goals', '2024年6月底前'],
        ['2024-12-31', 'goals', '2024年12月底前'],
      ],
      targets: [
        ['2024-06-30', '>=', 1, '家'],
        ['2024-12-31', '>=', 10, '%'],
        ['2024-12-31', '<=', 1.65, ''],
      ],
    });
  });

  it('item 4: a figure in the measures without a date is not a target; units spelled two ways are one', () => {
    expect(view(plan.items[3]!)).toMatchObject({
      milestones: [['2024-12-31', 'goals', '年底前']],
      targets: [['2024-12-31', '=', 3, '个']],
      units: [
        ['市农业农村局', '市农业农村局', 'lead'],
        ['市自然资源规划局', '市自然资源和规划局', 'co'],
      ],
    });
    expect(findingsOf(plan, 'UNIT_ALIAS')).toEqual([
      {
        code: 'UNIT_ALIAS',
        item: 3,
        severity: 'warning',
        alias: '市自然资源规划局',
        canonical: '市自然资源和规划局',
      },
    ]);
  });
});

describe('2023年度衢江区营商环境“一号改革工程”改革任务 (CRLF; 编号/改革任务/主要举措/目标任务/工作成果/责任单位)', () => {
  const plan = load('qujiang-business-2023.txt');

  it('reads a Windows export and takes the year from "2023年度"', () => {
    expect(plan.title).toBe('2023年度衢江区营商环境“一号改革工程”改革任务');
    expect(plan.year).toBe(2023);
    expect(plan.items).toHaveLength(2);
    expect(plan.columns?.map((c) => c.field)).toEqual([
      'number',
      'title',
      'measures',
      'goals',
      'achievements',
      'units',
    ]);
    expect(() => planSchema.parse(plan)).not.toThrow();
  });

  it('item 1: 下半年 and 四季度 with the plan year; 十个; 不低于; 一、 markers', () => {
    expect(view(plan.items[0]!)).toEqual({
      number: 1,
      inferred: false,
      key: false,
      title: '涉企服务“一类事”集成改革',
      milestones: [
        ['2023-12-31', 'goals', '下半年'],
        ['2023-12-31', 'goals', '四季度'],
      ],
      targets: [
        ['2023-12-31', '=', 10, '个'],
        ['2023-12-31', '>=', 90, '%'],
        ['2023-12-31', '>=', 95, '%'],
      ],
      units: [
        ['区政务服务中心', '区政务服务中心', 'lead'],
        ['区市场监管局', '区市场监管局', 'co'],
        ['区发展改革局', '区发展改革局', 'co'],
      ],
    });
    expect(plan.items[0]!.measures).toEqual(['梳理涉企高频“一类事”清单', '推进“一类事”线上集成办理。']);
    expect(plan.items[0]!.achievements).toEqual(['形成营商环境“衢江样板”。']);
  });

  it('item 2: an exact day, a month, counts; no text from the note after the table', () => {
    expect(view(plan.items[1]!)).toEqual({
      number: 2,
      inferred: false,
      key: false,
      title: '“亩均论英雄”改革深化',
      milestones: [
        ['2023-03-15', 'goals', '2023年3月15日前'],
        ['2023-10-31', 'goals', '2023年10月底前'],
      ],
      targets: [
        ['2023-10-31', '=', 30, '家'],
        ['2023-10-31', '>=', 500, '亩'],
      ],
      units: [
        ['区经济和信息化局', '区经济和信息化局', 'lead'],
        ['区发改局', '区发展改革局', 'co'],
        ['区自然资源局', '区自然资源局', 'co'],
      ],
    });
    expect(plan.items[1]!.achievements).toEqual([]);
    expect(JSON.stringify(plan.items)).not.toContain('重点改革任务');
  });
});
