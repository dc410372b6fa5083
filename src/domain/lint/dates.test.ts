import { describe, expect, it } from 'vitest';
import { dateOutOfOrder } from './date-out-of-order.js';
import { dateOutsidePlan } from './date-outside-plan.js';
import { dominantYear } from './dates.js';
import { lintItem, type ItemSpec } from '../../../test/helpers/lint-item.factory.js';
import type { FindingDraft } from '../finding.js';

// Two ordinary 2022 items, so the plan's dominant year is 2022 whatever the item under test says.
const FILLER: ItemSpec[] = [
  {
    goals: '1.2022年3月底前，完成需求调研、数据归集；\n2.2022年9月底前，实现上线运行推广。',
    achievements: [],
  },
  {
    goals: '1.2022年6月底前，开展省“产业飞地”申报工作；\n2.2022年12月底前，“产业飞地”开始实质化运行。',
    achievements: [],
  },
];

function lint(spec: ItemSpec, year: number | null, filler = FILLER) {
  const items = [
    lintItem({ number: 50, achievements: [], ...spec }),
    ...filler.map((s, i) => lintItem({ number: 60 + i, ...s })),
  ];
  const brief = (d: FindingDraft) => ({
    code: d.code,
    variant: d.variant,
    severity: d.severity,
    field: d.field,
    ...d.params,
  });
  return [...dateOutOfOrder(items, { year }), ...dateOutsidePlan(items, { year })].map(brief);
}

describe('dominantYear', () => {
  it('is the year more than half of the written years are in', () => {
    const items = [lintItem({ goals: '2022年3月底前，…；2022年6月底前，…；2021年6月底前，…' })];
    expect(dominantYear(items)).toBe(2022);
    expect(dominantYear([lintItem({ goals: '2022年3月底前，…；2021年6月底前，…' })])).toBeNull();
  });
});

describe('date rules', () => {
  it.each<[string, ItemSpec, number | null, object[]]>([
    [
      'Sanmen item 50: "2.2021年6月底前" after "1.2022年3月底前" is one typo finding, not three',
      {
        goals:
          '1.2022年3月底前，上线10个准营“一件事”应用；\n2.2021年6月底前，上线20个准营“一件事”应用，企业开办一日办结率达到100%。',
      },
      2022,
      [
        {
          code: 'DATE_OUT_OF_ORDER',
          variant: 'year',
          severity: 'warning',
          field: 'goals',
          phrase: '2021年6月底前',
          year: 2021,
          planYear: 2022,
        },
      ],
    ],
    [
      "the same typo found without a plan year, from the plan's dominant year",
      { goals: '1.2022年3月底前，上线10个准营“一件事”应用；\n2.2021年6月底前，上线20个准营“一件事”应用。' },
      null,
      [{ code: 'DATE_OUT_OF_ORDER', variant: 'year', phrase: '2021年6月底前', year: 2021, planYear: 2022 }],
    ],
    [
      'a later year breaking the order is a typo too',
      {
        goals:
          '1.2022年3月底前，确定建设方案；\n2.2023年6月底前，落实创建启动资金；\n3.2022年9月底前，启动数字化建设前期工作。',
      },
      2022,
      [{ code: 'DATE_OUT_OF_ORDER', variant: 'year', phrase: '2023年6月底前', year: 2023, planYear: 2022 }],
    ],
    [
      'deadlines going backwards within the year',
      { goals: '1.2022年9月底前，完成平台开发验收；\n2.2022年3月底前，完成项目工作小组组建。' },
      2022,
      [
        {
          code: 'DATE_OUT_OF_ORDER',
          variant: undefined,
          field: 'goals',
          phrase: '2022年3月底前',
          deadline: '2022-03-31',
          previous: '2022年9月底前',
          previousDeadline: '2022-09-30',
        },
      ],
    ],
    [
      'one misplaced step is one finding (3, 12, 6, 9 月)',
      { goals: '2022年3月底前，甲；2022年12月底前，乙；2022年6月底前，丙；2022年9月底前，丁。' },
      2022,
      [{ code: 'DATE_OUT_OF_ORDER', phrase: '2022年6月底前', previous: '2022年12月底前' }],
    ],
    [
      'a year-level deadline in the past is outside the plan, not a typo',
      { goals: '1.2022年6月底前，完成红旗塘工程；\n2.2021年底前，沙柳旗门塘工程完工。' },
      2022,
      [
        {
          code: 'DATE_OUTSIDE_PLAN',
          variant: undefined,
          severity: 'warning',
          phrase: '2021年底前',
          deadline: '2021-12-31',
          planYear: 2022,
        },
      ],
    ],
    [
      '…and out of order when the plan year is unknown',
      { goals: '1.2022年6月底前，完成红旗塘工程；\n2.2021年底前，沙柳旗门塘工程完工。' },
      null,
      [{ code: 'DATE_OUT_OF_ORDER', variant: undefined, phrase: '2021年底前', previous: '2022年6月底前' }],
    ],
    [
      'a long-term goal in the achievements',
      { achievements: ['协作共富：争取到2025年落实资金8000万元以上，开展村村协作“飞塘”项目30个。'] },
      2022,
      [
        {
          code: 'DATE_OUTSIDE_PLAN',
          variant: 'after',
          severity: 'info',
          field: 'achievements',
          phrase: '到2025年',
          deadline: '2025-12-31',
          planYear: 2022,
        },
      ],
    ],
    [
      'a long-term goal leading the yearly steps is a style, not disorder',
      {
        goals:
          '到2025年，建成共同富裕现代化基本单元；\n1.2022年3月底前，确定建设方案；\n2.2022年12月底前，完成项目立项赋码。',
      },
      null,
      [],
    ],
    [
      'a genuine next-year step at the end keeps the order',
      { goals: '1.2022年6月底前，新村建设项目开始进场施工；\n2.2023年6月底前，基本完成新村村居建设。' },
      2022,
      [{ code: 'DATE_OUTSIDE_PLAN', variant: 'after', severity: 'info', phrase: '2023年6月底前' }],
    ],
    [
      '3, 6, 9, 12 月 in order',
      {
        goals: '1.2022年3月底前，甲；\n2.2022年6月底前，乙；\n3.2022年9月底前，丙；\n4.2022年12月底前，丁。',
      },
      2022,
      [],
    ],
    [
      'two steps due together',
      { goals: '2022年6月底前，发放贷款超1.2亿元；2022年6月底前，新创成省级民主法治村6个。' },
      2022,
      [],
    ],
    [
      'deadlines in the measures are not a timetable',
      {
        measures: ['2022年12月底前，科学布点，建设150及以上农村电子商务服务站', '2022年6月底前，完成试营运'],
        goals: '2022年12月底前，完成。',
      },
      2022,
      [],
    ],
  ])('%s', (_name, spec, year, expected) => {
    expect(lint(spec, year)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('DATE_OUTSIDE_PLAN says nothing when the plan year is unknown', () => {
    const items = [lintItem({ achievements: ['争取到2025年落实资金8000万元以上'] })];
    expect(dateOutsidePlan(items, { year: null })).toEqual([]);
  });

  it('without a dominant year nor a plan year, a past year is only out of order', () => {
    const spec = { goals: '1.2022年3月底前，上线10个应用；\n2.2021年6月底前，上线20个应用。' };
    expect(lint(spec, null, [])).toEqual([
      expect.objectContaining({ code: 'DATE_OUT_OF_ORDER', variant: undefined }),
    ]);
  });
});
