import { describe, expect, it } from 'vitest';
import { progressAsOf } from './latest-progress.js';
import { toItemProgress, validateItemReport, type ItemReport, type ReportedItem } from './progress.js';

// 三门县 item 1, “农户家庭资产池”融资模式: two milestones, two targets (元), three achievements.
const item: ReportedItem = {
  milestones: ['2022年9月底前，融资达15亿元以上', '2022年12月底前，融资达20亿元以上'],
  targets: [
    { op: '>=', value: 1_500_000_000, unit: '元' },
    { op: '>=', value: 2_000_000_000, unit: '元' },
  ],
  achievements: ['农户家庭资产负债表', '资产估值行业参考标准', '全流程线上办理'],
};

const valid: ItemReport = {
  milestones: [
    { state: 'done', doneOn: '2022-09-20' },
    { state: 'in_progress', percent: 60 },
  ],
  targets: [{ actual: '15.3', unit: '亿元', reportedOn: '2022-09-25' }, null],
  achievements: [
    { reached: true, reachedOn: '2022-09-01', evidence: '三门县农户家庭资产评估办法' },
    { reached: false },
    null,
  ],
};

const errorsOf = (report: ItemReport, submittedOn?: string) =>
  validateItemReport(report, item, submittedOn).map((e) => [e.key, e.place.field]);

describe('validateItemReport', () => {
  it('accepts a valid report', () => {
    expect(errorsOf(valid, '2022-09-25')).toEqual([]);
  });

  it.each([
    [
      'at risk without a reason',
      { milestones: [{ state: 'at_risk' }, null] },
      ['error.reason_required', 'milestones.0.reason'],
    ],
    [
      'at risk with a blank reason',
      { milestones: [null, { state: 'at_risk', reason: '  ' }] },
      ['error.reason_required', 'milestones.1.reason'],
    ],
    [
      'done without a date',
      { milestones: [{ state: 'done' }, null] },
      ['error.date_required', 'milestones.0.doneOn'],
    ],
    [
      'done on an impossible date',
      { milestones: [{ state: 'done', doneOn: '2022-09-31' }, null] },
      ['error.invalid_date', 'milestones.0.doneOn'],
    ],
    [
      'done after the report',
      { milestones: [{ state: 'done', doneOn: '2022-09-26' }, null] },
      ['error.date_in_future', 'milestones.0.doneOn'],
    ],
    [
      'in progress without a percentage',
      { milestones: [{ state: 'in_progress' }, null] },
      ['error.percent_required', 'milestones.0.percent'],
    ],
    [
      'a percentage over 100',
      { milestones: [{ state: 'in_progress', percent: 120 }, null] },
      ['error.percent_range', 'milestones.0.percent'],
    ],
    [
      'a negative percentage',
      { milestones: [null, { state: 'at_risk', reason: '资金未到位', percent: -1 }] },
      ['error.percent_range', 'milestones.1.percent'],
    ],
    [
      'an unknown state',
      { milestones: [{ state: 'finished' }, null] },
      ['error.invalid_state', 'milestones.0.state'],
    ],
    [
      '个 against a 元 target',
      { targets: [{ actual: 3, unit: '个', reportedOn: '2022-09-25' }, null] },
      ['error.unit_mismatch', 'targets.0.unit'],
    ],
    [
      'an actual that is no number',
      { targets: [null, { actual: '二十亿', unit: '元', reportedOn: '2022-09-25' }] },
      ['error.invalid_number', 'targets.1.actual'],
    ],
    [
      'a target figure without a date',
      { targets: [{ actual: 15, unit: '亿元', reportedOn: '' }, null] },
      ['error.date_required', 'targets.0.reportedOn'],
    ],
    [
      'an achievement reached without a date',
      { achievements: [{ reached: true, evidence: '办法' }, null, null] },
      ['error.date_required', 'achievements.0.reachedOn'],
    ],
    [
      'an achievement reached without evidence',
      { achievements: [null, { reached: true, reachedOn: '2022-09-01' }, null] },
      ['error.evidence_required', 'achievements.1.evidence'],
    ],
    ['one milestone too few', { milestones: [null] }, ['error.report_shape', 'milestones']],
  ] as [string, Partial<ItemReport>, [string, string]][])('%s', (_, change, expected) => {
    expect(errorsOf({ ...valid, ...change }, '2022-09-25')).toEqual([expected]);
  });
});

describe('toItemProgress and progressAsOf', () => {
  it('converts actuals to the target unit and states to the engine’s progress', () => {
    expect(toItemProgress(valid, item)).toEqual({
      milestones: [
        { completedOn: '2022-09-20', atRisk: false },
        { completedOn: null, atRisk: false },
      ],
      targets: [{ actual: 1_530_000_000, reportedOn: '2022-09-25' }, undefined],
      achievements: [
        { reached: true, reachedOn: '2022-09-01' },
        { reached: false, reachedOn: null },
        undefined,
      ],
    });
  });

  const september = { submittedOn: '2022-09-25', report: valid };
  const december: ItemReport = {
    milestones: [null, { state: 'at_risk', reason: '授信额度不足' }],
    targets: [null, { actual: '180000', unit: '万元', reportedOn: '2022-12-20' }],
    achievements: [null, null, null],
  };

  it.each([
    // asOf, milestone 2 at risk, target 1 actual, target 2 actual
    ['2022-09-24', false, undefined, undefined], // nothing submitted yet
    ['2022-09-25', false, 1_530_000_000, undefined],
    ['2022-12-25', true, 1_530_000_000, 1_800_000_000], // null entries keep September's
  ] as const)('as of %s', (asOf, atRisk, actual1, actual2) => {
    const p = progressAsOf([{ submittedOn: '2022-12-25', report: december }, september], item, asOf);
    expect(p.milestones?.[1]?.atRisk ?? false).toBe(atRisk);
    expect(p.targets?.[0]?.actual).toBe(actual1);
    expect(p.targets?.[1]?.actual).toBe(actual2);
  });
});
