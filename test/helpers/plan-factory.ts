import { createHash } from 'node:crypto';
import type { Finding, Item, Plan } from '../../src/domain/plan.js';

/**
 * Plans for tests, built from phrases of the real 三门县 2022 reform library, so storage and diff
 * tests see the same shapes (full-width punctuation, quotes, 亿-scale values) the importer makes.
 */

export const PLAN_TITLE = '三门县共同富裕“三十”工程改革库';

export function financeItem(overrides: Partial<Item> = {}): Item {
  return {
    number: 1,
    numberText: '1*',
    numberInferred: false,
    key: true,
    title: '“农户家庭资产池”融资模式（小微金融助富改革）',
    measures: [
      '创新农户资产评估模型。在原有农户家庭资产评估标准基础上扩大评估标的，将当地特色种养殖业活体资产纳入农户家庭资产池范围；',
      '深化农户家庭资产池融资机制运用，建立“家庭信用分”评定机制，制定差异化利率定价模型。',
    ],
    goalsText:
      '1.2022年9月底前，“农户家庭资产池”融资达15亿元以上，全县农户小额信用贷款占农户小额贷款比例持续提升；\n2.2022年12月底前，“农户家庭资产池”融资达20亿元以上。',
    milestones: [
      {
        deadline: '2022-09-30',
        text: '2022年9月底前，“农户家庭资产池”融资达15亿元以上',
        source: 'goals',
        phrase: '2022年9月底前',
      },
      {
        deadline: '2022-12-31',
        text: '2022年12月底前，“农户家庭资产池”融资达20亿元以上',
        source: 'goals',
        phrase: '2022年12月底前',
      },
    ],
    targets: [
      {
        metric: '“农户家庭资产池”融资',
        op: '>=',
        value: 1500000000,
        unit: '元',
        deadline: '2022-09-30',
        text: '15亿元以上',
        source: 'goals',
      },
      {
        metric: '“农户家庭资产池”融资',
        op: '>=',
        value: 2000000000,
        unit: '元',
        deadline: '2022-12-31',
        text: '20亿元以上',
        source: 'goals',
      },
    ],
    achievements: [
      '创新建立“硬”“软”结合的农户家庭资产负债表，并将家庭荣誉、负面信息作为资产负债表重要信息；',
    ],
    units: [
      { name: '台州银保监分局三门监管组', canonical: '台州银保监分局三门监管组', role: 'lead' },
      { name: '县农业农村局', canonical: '县农业农村局', role: 'co' },
      { name: '县自然资源规划局', canonical: '县自然资源和规划局', role: 'co' },
    ],
    sourceRow: { table: 1, row: 2, line: 9 },
    ...overrides,
  };
}

export function insuranceItem(overrides: Partial<Item> = {}): Item {
  return {
    number: 2,
    numberText: '2',
    numberInferred: false,
    key: false,
    title: '保险制度改革',
    measures: [
      '持续健全农业保险基层服务网络，鼓励将服务网络向乡镇和村一级延伸；',
      '积极探索试点水稻等主粮作物完全成本保险。',
    ],
    goalsText:
      '1.2022年6月底前，推动提升对全县居（农）民的医疗保险保障水平；\n2.2022年12月底前，力争新增1个以上特色农业保险产品。',
    milestones: [
      {
        deadline: '2022-06-30',
        text: '2022年6月底前，推动提升对全县居（农）民的医疗保险保障水平',
        source: 'goals',
        phrase: '2022年6月底前',
      },
      {
        deadline: '2022-12-31',
        text: '2022年12月底前，力争新增1个以上特色农业保险产品',
        source: 'goals',
        phrase: '2022年12月底前',
      },
    ],
    targets: [
      {
        // A fraction, so the round trip through double precision is checked too.
        metric: '居（农）民医疗保险参保率',
        op: '>=',
        value: 99.35,
        unit: '%',
        deadline: '2022-06-30',
        text: '99.35%以上',
        source: 'goals',
      },
      {
        metric: '特色农业保险产品',
        op: '>=',
        value: 1,
        unit: '个',
        deadline: '2022-12-31',
        text: '1个以上',
        source: 'goals',
      },
    ],
    achievements: ['推动提高参保意识，在提供基础保障的同时为低收入农户提供综合保险。'],
    units: [
      { name: '台州银保监分局三门监管组', canonical: '台州银保监分局三门监管组', role: 'lead' },
      { name: '县医保局', canonical: '县医疗保障局', role: 'co' },
    ],
    ...overrides,
  };
}

export function pensionItem(overrides: Partial<Item> = {}): Item {
  return {
    number: 3,
    numberText: '',
    numberInferred: true,
    key: false,
    title: '城乡居民基本养老保险扩面改革',
    measures: ['推进全民参保计划，动员低收入群体参保。'],
    goalsText: '2022年底前，城乡居民基本养老保险参保率达  %。',
    milestones: [
      {
        deadline: '2022-12-31',
        text: '2022年底前，城乡居民基本养老保险参保率达  %',
        source: 'goals',
        phrase: '2022年底前',
      },
    ],
    targets: [
      {
        metric: '城乡居民基本养老保险参保率',
        op: '=',
        value: null,
        unit: '%',
        deadline: '2022-12-31',
        text: '  %',
        source: 'goals',
      },
    ],
    achievements: [],
    units: [{ name: '县人力社保局', canonical: '县人力社保局', role: 'lead' }],
    extra: { 备注: '省级试点' },
    section: '一、共同富裕基础改革',
    ...overrides,
  };
}

export function blankValueFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: 'BLANK_VALUE',
    severity: 'warning',
    item: 3,
    field: 'goals',
    excerpt: '城乡居民基本养老保险参保率达  %',
    message: '量化指标的数值是空白：“  %”',
    params: { text: '  %' },
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    title: PLAN_TITLE,
    year: 2022,
    items: [financeItem(), insuranceItem(), pensionItem()],
    findings: [
      blankValueFinding(),
      {
        code: 'MISSING_NUMBER',
        severity: 'info',
        item: 3,
        field: 'number',
        message: '序号为空，按上下文推断为 3',
        params: { number: 3 },
      },
      { code: 'SEQUENCE_GAP', severity: 'warning', item: null, field: null, message: '序号从 3 跳到 5' },
    ],
    columns: [
      { header: '序号', field: 'number' },
      { header: '改革事项', field: 'title' },
      { header: '备注', field: 'extra' },
    ],
    source: { file: 'sanmen-2022.txt', format: 'text' },
    ...overrides,
  };
}

/** The file descriptor importPlan wants; the hash is of the plan's JSON, standing in for the bytes. */
export function fileFor(plan: Plan, name = 'sanmen-2022.txt') {
  return { name, format: 'text', sha256: createHash('sha256').update(JSON.stringify(plan)).digest('hex') };
}
