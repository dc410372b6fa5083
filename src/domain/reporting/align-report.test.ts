import { describe, expect, it } from 'vitest';
import { alignReport, type ReportSubjects } from './align-report.js';
import type { ItemReport, MilestoneReport } from './progress.js';

/** 三门县 item 1, “农户家庭资产池”融资模式, as imported and as an office might revise it. */
const M15 = '2022年9月底前，“农户家庭资产池”融资达15亿元以上';
const M20 = '2022年12月底前，“农户家庭资产池”融资达20亿元以上';
const M25 = '2022年12月底前，“农户家庭资产池”融资达25亿元以上';
const ASSET_SHEET = '农户家庭资产负债表';
const VALUATION = '农户家庭资产评估体系';
const ONLINE = '全流程线上办理';

const target = (text: string, value: number, deadline: string | null, unit = '元') => ({
  metric: '“农户家庭资产池”融资',
  op: '>=' as const,
  value,
  text,
  deadline,
  unit,
});

const v1: ReportSubjects = {
  milestones: [
    { deadline: '2022-09-30', text: M15 },
    { deadline: '2022-12-31', text: M20 },
  ],
  targets: [target('15亿元以上', 1.5e9, '2022-09-30'), target('20亿元以上', 2e9, '2022-12-31')],
  achievements: [ASSET_SHEET, VALUATION, ONLINE],
};

const done = (doneOn: string): MilestoneReport => ({ state: 'done', doneOn });
const report: ItemReport = {
  milestones: [done('2022-09-20'), { state: 'in_progress', percent: 60 }],
  targets: [
    { actual: '16', unit: '亿元', reportedOn: '2022-09-20' },
    { actual: '17', unit: '亿元', reportedOn: '2022-09-20' },
  ],
  achievements: [
    { reached: true, reachedOn: '2022-09-01', evidence: '资产负债表.pdf' },
    null,
    { reached: false },
  ],
};

describe('alignReport', () => {
  it('keeps positions for the same version, padding or cutting to the item', () => {
    expect(alignReport(report, null, v1)).toEqual(report);
    const short = { ...report, milestones: [done('2022-09-20')] };
    expect(alignReport(short, null, v1).milestones).toEqual([done('2022-09-20'), null]);
    const long = { ...report, achievements: [...report.achievements, { reached: false }] };
    expect(alignReport(long, null, v1).achievements).toHaveLength(3);
  });

  it.each([
    [
      'reordered, with the second milestone reworded (25亿元): the reworded one starts unreported',
      {
        ...v1,
        milestones: [
          { deadline: '2022-12-31', text: M25 },
          { deadline: '2022-09-30', text: M15 },
        ],
      },
      [null, done('2022-09-20')],
    ],
    [
      'postponed to 2022-10-31 with the same words: matched by its text',
      { ...v1, milestones: [{ deadline: '2022-10-31', text: M15 }, v1.milestones[1]!] },
      report.milestones,
    ],
    [
      'a milestone added in front',
      {
        ...v1,
        milestones: [{ deadline: '2022-06-30', text: '2022年6月底前，完成资产评估' }, ...v1.milestones],
      },
      [null, ...report.milestones],
    ],
    ['every milestone removed', { ...v1, milestones: [] }, []],
  ] as const)('%s', (_, current, milestones) => {
    expect(alignReport(report, v1, current).milestones).toEqual(milestones);
  });

  it('prefers the exact deadline when the same words appear twice', () => {
    const twice: ReportSubjects = {
      ...v1,
      milestones: [
        { deadline: '2022-06-30', text: '完成试点' },
        { deadline: '2022-12-31', text: '完成试点' },
      ],
    };
    const r = { ...report, milestones: [done('2022-06-20'), done('2022-12-20')] };
    const swapped = { ...twice, milestones: [twice.milestones[1]!, twice.milestones[0]!] };
    expect(alignReport(r, twice, swapped).milestones).toEqual([done('2022-12-20'), done('2022-06-20')]);
    // One postponed: the exact one keeps its entry, the other takes the one left by text.
    const postponed = {
      ...twice,
      milestones: [{ deadline: '2023-03-31', text: '完成试点' }, twice.milestones[1]!],
    };
    expect(alignReport(r, twice, postponed).milestones).toEqual([done('2022-06-20'), done('2022-12-20')]);
  });

  it('carries targets by figure and drops an actual the new unit cannot take', () => {
    const current: ReportSubjects = {
      ...v1,
      targets: [
        target('20亿元以上', 2e9, '2022-12-31'),
        target('15亿元以上', 1.5e9, '2022-09-30'),
        target('25亿元以上', 2.5e9, '2022-12-31'),
      ],
    };
    expect(alignReport(report, v1, current).targets).toEqual([report.targets[1], report.targets[0], null]);
    // Re-imported as a count of households: 亿元 does not convert to 户.
    const perHousehold = { ...v1, targets: [target('15亿元以上', 15, '2022-09-30', '户'), v1.targets[1]!] };
    expect(alignReport(report, v1, perHousehold).targets).toEqual([null, report.targets[1]]);
    // Same version, a bad unit still never reaches the status engine.
    const bad = { ...report, targets: [{ actual: '16', unit: '个', reportedOn: '2022-09-20' }, null] };
    expect(alignReport(bad, null, v1).targets).toEqual([null, null]);
  });

  it('carries landmark achievements by their text', () => {
    const current = { ...v1, achievements: [ONLINE, '农户资产池数字化应用', ASSET_SHEET] };
    expect(alignReport(report, v1, current).achievements).toEqual([
      report.achievements[2],
      null,
      report.achievements[0],
    ]);
  });
});
