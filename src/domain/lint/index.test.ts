import { describe, expect, it } from 'vitest';
import { lintItems } from './index.js';
import { renderFinding } from '../finding.js';
import { lintItem } from '../../../test/helpers/lint-item.factory.js';

// A slice of Sanmen 2022 in the shape the extraction produces: item 3, a copy of it as item 50
// with a year typo, and an item whose goals are principles only.
const MEASURES = [
  '加快实施准入准营“一件事”改革，打造“证照分离”2.0版，对涉企经营许可事项实施清单管理全覆盖；',
  '深入实施企业开办全程网上办规范国家标准改革试点，提升企业开办便利度；',
];
const ACHIEVEMENT =
  '率先构建更大力度激发市场主体活力的体制机制，照后减证和优化审批、企业开办和注销便利度位居全市前列。';
const items = [
  lintItem({
    number: 3,
    title: '激发创业创新活力集成改革',
    measures: [...MEASURES, '完善三门县知识产权服务园建设，实现最多跑一地功能。'],
    goals:
      '1.2022年3月底前，开始实施“三门青蟹“地理标志运用促进项目；\n2.2022年6月底前，企业开办一日办结率达到100%。',
    achievements: [ACHIEVEMENT],
    units: ['县市场监管局'],
  }),
  lintItem({
    number: 34,
    title: '探索推进长期护理保险改革',
    measures: ['摸清我县失能人员的数据底数；', '积极配合市里探索长期护理保险制度标准化规范化建设。'],
    goals: '按照“政府主导、市场运作、社会参与、多方筹资”原则，配合市局共同推动探索推进长期护理保险覆盖全民。',
    achievements: ['为稳步推动建立满足我市群众多元需求的长期护理保障制度贡献三门智慧。'],
    units: ['县医保局'],
  }),
  lintItem({
    number: 50,
    title: '创新市场监管机制激发创业活力',
    measures: MEASURES,
    goals:
      '1.2022年3月底前，上线10个准营“一件事”应用；\n2.2021年6月底前，上线20个准营“一件事”应用，企业开办一日办结率达到100%。',
    achievements: [ACHIEVEMENT],
    units: [],
  }),
];

describe('lintItems', () => {
  const drafts = lintItems(items, { year: 2022 });

  it('runs every rule and returns the findings in item order', () => {
    expect(drafts.map((d) => [d.item, d.code, d.variant ?? '', d.field])).toEqual([
      [34, 'NO_DEADLINE', '', 'goals'],
      [34, 'NO_MEASURABLE_TARGET', '', 'goals'],
      [50, 'EMPTY_CELL', '', 'units'],
      [50, 'DATE_OUT_OF_ORDER', 'year', 'goals'],
      [50, 'DUPLICATE_TEXT', '', 'measures'],
      [50, 'DUPLICATE_TEXT', '', 'achievements'],
    ]);
  });

  it('renders in Chinese', () => {
    expect(drafts.map((d) => renderFinding(d, 'zh-CN').message)).toEqual([
      '主要目标中没有可识别的时间节点',
      '主要目标中没有可量化的指标',
      '“责任单位”栏为空',
      '“2021年6月底前”的年份 2021 与本方案其他时间节点（2022 年）不一致，疑为笔误',
      '与第 3 项的“改革举措”几乎相同（相似度 100%）',
      '与第 3 项的“标志性成果”几乎相同（相似度 100%）',
    ]);
  });

  it('renders in English', () => {
    expect(drafts.map((d) => renderFinding(d, 'en-US').message)).toEqual([
      'The main goals contain no recognisable deadline',
      'The main goals contain no measurable target',
      'The "responsible units" field is empty',
      'The year 2021 in "2021年6月底前" breaks the sequence of the plan\'s other milestones (2022); probably a typo',
      'Almost the same as "measures" of item 3 (100% similar)',
      'Almost the same as "landmark achievements" of item 3 (100% similar)',
    ]);
  });

  it.each([
    [
      lintItem({
        measures: [
          '实施乡镇中心校战略，进一步优化中小学校网布局；',
          '实施乡镇中心校战略，调整中小学校网布局规划。',
        ],
      }),
      '本栏第 1 条与第 2 条内容重复（相似度 72%），疑为同一条写了两遍',
      'Entries 1 and 2 of this field repeat each other (72% similar): probably one point written twice',
    ],
    [
      lintItem({ measures: ['对接落实低担保费低担保费低门槛的专项产品'] }),
      '文字重复：“低担保费”连续出现两次',
      'Repeated words: "低担保费" appears twice in a row',
    ],
    [
      lintItem({
        goals: '打造一批电商专业镇（村），构建县级物流分拨中心。',
        achievements: ['2022年12月底前，建设150个农村电子商务服务站'],
      }),
      '“主要目标”栏没有时间节点，“标志性成果”栏却写有“2022年12月底前”：两栏内容可能错位',
      'The main goals hold no deadline, but "landmark achievements" holds "2022年12月底前": the two columns may be swapped',
    ],
    [
      lintItem({ achievements: ['争取到2025年落实资金8000万元以上'] }),
      '“到2025年”（2025-12-31）晚于方案年度 2022 年，属远期目标',
      '"到2025年" (2025-12-31) is after the plan year 2022: a long-term goal',
    ],
  ])('renders variant messages in both locales (%#)', (item, zh, en) => {
    const [draft] = lintItems([item], { year: 2022 }).filter((d) => d.variant);
    expect(renderFinding(draft!, 'zh-CN').message).toBe(zh);
    expect(renderFinding(draft!, 'en-US').message).toBe(en);
  });

  it('is quiet about a well-formed item', () => {
    expect(lintItems([lintItem()], { year: 2022 })).toEqual([]);
  });
});
