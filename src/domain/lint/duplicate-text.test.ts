import { describe, expect, it } from 'vitest';
import { duplicateText } from './duplicate-text.js';
import { lintItem, type ItemSpec } from '../../../test/helpers/lint-item.factory.js';

// Sanmen 2022, item 3 (激发创业创新活力集成改革) and item 50 (创新市场监管机制激发创业活力),
// whose measures 1–2 and achievement are the same text.
const MARKET_MEASURES = [
  '加快实施准入准营“一件事”改革，打造“证照分离”2.0版，对涉企经营许可事项实施清单管理全覆盖；',
  '深入实施企业开办全程网上办规范国家标准改革试点，提升企业开办便利度；推进企业注销便利化改革，开展市场主体强制退出改革试点，探索建立歇业制度；',
];
const MARKET_ACHIEVEMENT =
  '率先构建更大力度激发市场主体活力的体制机制，照后减证和优化审批、企业开办和注销便利度位居全市前列。';
const VOCATIONAL_ACHIEVEMENT =
  '推进中高职专业一体化课程建设、一体化教材开发、一体化教研体系构建，形成一体化培养经验。';

// Columns a test does not mention stay empty, so only the text under test can match.
const bare = (s: ItemSpec, i: number): ItemSpec => ({
  number: i + 1,
  measures: [],
  goals: '',
  achievements: [],
  ...s,
});
const plan = (...specs: ItemSpec[]) => specs.map((s, i) => lintItem(bare(s, i)));
const summary = (specs: ItemSpec[]) =>
  duplicateText(plan(...specs)).map((d) => ({
    item: d.item,
    field: d.field,
    variant: d.variant,
    ...d.params,
  }));

describe('DUPLICATE_TEXT across items', () => {
  it.each<[string, ItemSpec[], object[]]>([
    [
      'measures copied from an earlier item (Sanmen 3 → 50): one finding for the column, not per entry',
      [
        {
          number: 3,
          measures: [...MARKET_MEASURES, '排摸产业集聚区、龙头企业创新发展需求，协助企业专利导航项目立项。'],
        },
        { number: 50, measures: MARKET_MEASURES },
      ],
      [{ item: 50, field: 'measures', other: 3, otherField: 'measures', similarity: 100 }],
    ],
    [
      'achievement repeated word for word (Sanmen 16 → 20)',
      [
        { number: 16, achievements: [VOCATIONAL_ACHIEVEMENT] },
        { number: 20, achievements: [VOCATIONAL_ACHIEVEMENT] },
      ],
      [{ item: 20, field: 'achievements', other: 16, otherField: 'achievements', similarity: 100 }],
    ],
    [
      'achievement copied, its punctuation retyped (Sanmen 3 → 50)',
      [
        { number: 3, achievements: [MARKET_ACHIEVEMENT] },
        { number: 50, achievements: [MARKET_ACHIEVEMENT.replace(/，/g, ',').replace('。', '')] },
      ],
      [{ item: 50, field: 'achievements', other: 3, otherField: 'achievements', similarity: 100 }],
    ],
    [
      'goal sentence with one word changed (全县 → 全市)',
      [
        {
          goals:
            '2022年3月底前，形成低收入农户“幸福清单”；\n2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内。',
        },
        { goals: '2022年6月底前，低收入农户与全市农民收入倍差缩小到2.36以内；' },
      ],
      [{ item: 2, field: 'goals', other: 1, otherField: 'goals', similarity: 90 }],
    ],
    [
      'a measure of one item reused as the achievement of another',
      [
        { measures: ['建立健全防止返贫动态监测和精准帮扶机制，搭建多维帮促平台'] },
        { achievements: ['建立健全防止返贫动态监测和精准帮扶机制，搭建多维帮扶平台。'] },
      ],
      [{ item: 2, field: 'achievements', other: 1, otherField: 'measures', similarity: 94 }],
    ],
    [
      'the same sentence in three items: each later item names each earlier one',
      [
        { achievements: ['形成具有三门特色的公共文化服务模式，打造文化惠民品牌'] },
        { achievements: ['形成具有三门特色的公共文化服务模式，打造文化惠民品牌'] },
        { achievements: ['形成具有三门特色的公共文化服务模式，打造文化惠民品牌。'] },
      ],
      [
        { item: 2, field: 'achievements', other: 1, otherField: 'achievements', similarity: 100 },
        { item: 3, field: 'achievements', other: 1, otherField: 'achievements', similarity: 100 },
        { item: 3, field: 'achievements', other: 2, otherField: 'achievements', similarity: 100 },
      ],
    ],
  ])('%s', (_name, specs, expected) => {
    expect(summary(specs)).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
    expect(summary(specs)).toHaveLength(expected.length);
  });

  it.each<[string, ItemSpec[]]>([
    [
      'goals sharing only the date boilerplate',
      [{ goals: '2022年12月底前，完成。' }, { goals: '2022年12月底前，完成。' }],
    ],
    [
      'goals sharing the date and a verb, about different things',
      [
        { goals: '2022年12月底前，完成心湖未来社区项目的立项赋码。' },
        { goals: '2022年12月底前，完成新时代文明实践进礼堂活动。' },
      ],
    ],
    ['a short slogan in two items', [{ measures: ['深化改革'] }, { measures: ['深化改革'] }]],
    [
      'related but different wording (Dice 0.6)',
      [
        { goals: '2022年3月底前，建立企业合规监管代付专项基金和专家库，确定合规监督员' },
        { measures: ['建立专家库、确定合规监督员，明确工作职责'] },
      ],
    ],
    [
      'same official phrase inside otherwise different measures',
      [
        { measures: ['以数字化改革为牵引，建成县级农产品质量安全追溯平台，实现主体全覆盖'] },
        { measures: ['以数字化改革为牵引，推进未来社区建设，打造共同富裕现代化基本单元'] },
      ],
    ],
  ])('not for %s', (_name, specs) => {
    expect(summary(specs)).toEqual([]);
  });
});

describe('DUPLICATE_TEXT within one list', () => {
  it.each<[string, ItemSpec, object[]]>([
    [
      'one measure drafted twice, same opening clause (Sanmen 58, Dice 0.72)',
      {
        measures: [
          '逐步完善融合型、共建型、协作型新时代城乡义务教育共同体模式；',
          '实施乡镇中心校战略，进一步优化中小学校网布局；',
          '实施乡镇中心校战略，调整中小学校网布局规划。',
        ],
      },
      [{ field: 'measures', variant: 'within', first: 2, second: 3, similarity: 72 }],
    ],
    [
      'two achievements nearly identical',
      {
        achievements: [
          '建成投用儿童入园体检系统，有效减少等候时间，提高工作效率和满意度',
          '打造育儿友好型社会',
          '建成投用儿童入园体检系统，有效减少等候时间，提高工作效率与满意度。',
        ],
      },
      [{ field: 'achievements', variant: 'within', first: 1, second: 3, similarity: 93 }],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(summary([spec])).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it.each<[string, ItemSpec]>([
    [
      'parallel measures that differ in their object (Dice 0.79)',
      { measures: ['建设县级农产品质量安全检测中心', '建设县级农产品质量安全追溯中心'] },
    ],
    [
      'goals restating a figure for a later date',
      {
        goals: '1.2022年6月底前，重点群体就业帮扶率达到60%；\n2.2022年12月底前，重点群体就业帮扶率达到90%。',
      },
    ],
    [
      'a measure restated as a dated goal of the same item',
      {
        measures: ['加强海洋自然灾害的监测预警系统建设，提高对台风、洪涝等易发频发灾害的监测预警预报能力。'],
        goals:
          '2022年6月底前，加强海洋自然灾害的监测预警系统建设，提高对台风、洪涝等易发频发灾害的监测预警预报能力。',
      },
    ],
    ['a short shared opening', { measures: ['加强领导，建立工作专班', '加强领导，落实工作责任'] }],
  ])('not for %s', (_name, spec) => {
    expect(summary([spec])).toEqual([]);
  });
});
