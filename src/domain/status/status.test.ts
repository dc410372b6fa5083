import { describe, expect, it } from 'vitest';
import { milestoneStatus, targetStatus, worst, type Rag, type StatusOptions } from './status.js';
import { itemStatus } from './item-status.js';
import { countStatuses, milestonesByQuarter } from './counts.js';
import { addDays, daysBetween, isIsoDate, quarterBounds, quarterOf, quarterRange } from './dates.js';

const opts = (asOf: string, warningDays = 30): StatusOptions => ({ asOf, warningDays });

describe('milestoneStatus (calendar only, before reports exist)', () => {
  it.each([
    // deadline, asOf, warning days, expected
    ['2022-06-30', '2022-07-01', 30, 'red'], // a day late
    ['2022-06-30', '2022-06-30', 30, 'yellow'], // due today: not late yet, and inside the window
    ['2022-06-30', '2022-06-30', 0, 'yellow'], // a zero window still warns on the day itself
    ['2022-06-30', '2022-05-31', 30, 'yellow'], // exactly 30 days ahead: inside
    ['2022-06-30', '2022-05-30', 30, 'green'], // 31 days ahead: outside
    ['2022-06-30', '2022-06-29', 0, 'green'],
    ['2022-12-31', '2022-06-30', 30, 'green'],
    ['2022-12-31', '2022-06-30', 365, 'yellow'],
    ['2021-06-30', '2022-06-30', 30, 'red'],
  ] as const)('deadline %s as of %s, window %i → %s', (deadline, asOf, days, expected) => {
    expect(milestoneStatus({ deadline }, opts(asOf, days)).status).toBe(expected);
  });

  it.each([
    // completedOn, asOf, expected, late
    ['2022-06-15', '2022-07-01', 'done', false],
    ['2022-06-30', '2022-07-01', 'done', false], // completed on the deadline is on time
    ['2022-07-05', '2022-07-10', 'done', true],
    ['2022-07-05', '2022-07-01', 'red', false], // completed after asOf: not known as of asOf
  ] as const)('completed %s as of %s → %s (late %s)', (completedOn, asOf, status, late) => {
    expect(milestoneStatus({ deadline: '2022-06-30' }, opts(asOf), { completedOn })).toEqual({
      status,
      late,
    });
  });

  it('turns yellow when the latest report says at risk, even far from the deadline', () => {
    expect(milestoneStatus({ deadline: '2022-12-31' }, opts('2022-03-01'), { atRisk: true }).status).toBe(
      'yellow',
    );
  });
});

describe('targetStatus', () => {
  const t15 = { op: '>=' as const, value: 1_500_000_000, deadline: '2022-09-30' };
  it.each([
    // target, asOf, progress, expected
    [t15, '2022-10-01', undefined, 'red'],
    [t15, '2022-09-30', undefined, 'yellow'],
    [t15, '2022-06-30', undefined, 'green'],
    [t15, '2022-10-01', { actual: 1_600_000_000 }, 'done'],
    [t15, '2022-10-01', { actual: 1_400_000_000 }, 'red'],
    [t15, '2022-10-01', { actual: 1_600_000_000, reportedOn: '2022-10-05' }, 'red'], // not known yet
    [{ op: '<=' as const, value: 1.8, deadline: '2022-12-31' }, '2022-12-01', { actual: 1.7 }, 'done'],
    [{ op: '<=' as const, value: 1.8, deadline: '2022-12-31' }, '2022-12-01', { actual: 1.9 }, 'yellow'],
    [{ op: '=' as const, value: 1, deadline: '2022-12-31' }, '2023-01-01', { actual: 2 }, 'done'],
    [{ op: '=' as const, value: null, deadline: '2022-12-31' }, '2023-01-01', { actual: 99 }, 'red'], // blank value
    [{ op: '>=' as const, value: 5, deadline: null }, '2030-01-01', undefined, 'green'], // no deadline
  ])('%o as of %s with %o → %s', (target, asOf, progress, expected) => {
    expect(targetStatus(target, opts(asOf), progress).status).toBe(expected);
  });
});

describe('worst and itemStatus', () => {
  it.each([
    [[], 'green'],
    [['done', 'done'], 'done'],
    [['done', 'green'], 'green'],
    [['green', 'yellow', 'done'], 'yellow'],
    [['yellow', 'red', 'green'], 'red'],
  ] as [Rag[], Rag][])('worst(%o) = %s', (statuses, expected) => {
    expect(worst(statuses)).toBe(expected);
  });

  // 三门县 item 1: two milestones (2022-09-30, 2022-12-31) and their targets.
  const financeItem = {
    milestones: [
      { deadline: '2022-09-30', text: '2022年9月底前，“农户家庭资产池”融资达15亿元以上' },
      { deadline: '2022-12-31', text: '2022年12月底前，“农户家庭资产池”融资达20亿元以上' },
    ],
    targets: [
      { op: '>=' as const, value: 1_500_000_000, deadline: '2022-09-30' },
      { op: '>=' as const, value: 2_000_000_000, deadline: '2022-12-31' },
    ],
  };

  it.each([
    ['2022-06-30', 'green', '2022-09-30'],
    ['2022-09-01', 'yellow', '2022-09-30'],
    ['2022-09-30', 'yellow', '2022-09-30'],
    ['2022-10-01', 'red', '2022-12-31'],
    ['2023-01-01', 'red', null],
  ])('as of %s the item is %s, next deadline %s', (asOf, status, next) => {
    const s = itemStatus(financeItem, opts(asOf));
    expect(s.status).toBe(status);
    expect(s.next?.deadline ?? null).toBe(next);
  });

  it('is done when every milestone and target is done', () => {
    const s = itemStatus(financeItem, opts('2023-01-10'), {
      milestones: [{ completedOn: '2022-09-20' }, { completedOn: '2022-12-20' }],
      targets: [{ actual: 1_600_000_000 }, { actual: 2_100_000_000 }],
    });
    expect(s.status).toBe('done');
    expect(s.next).toBeNull();
  });

  it('skips done milestones when looking for the next deadline', () => {
    const s = itemStatus(financeItem, opts('2022-09-10'), { milestones: [{ completedOn: '2022-09-01' }] });
    expect(s.next?.deadline).toBe('2022-12-31');
    expect(s.milestones.map((m) => m.status)).toEqual(['done', 'green']);
  });
});

describe('counts and quarters', () => {
  it('counts statuses', () => {
    expect(countStatuses(['red', 'red', 'green', 'done'])).toEqual({
      red: 2,
      yellow: 0,
      green: 1,
      done: 1,
      total: 4,
    });
  });

  it('groups milestones by quarter with no gaps', () => {
    expect(
      milestonesByQuarter([
        { deadline: '2022-03-31', status: 'red' },
        { deadline: '2022-12-31', status: 'green' },
        { deadline: '2022-12-01', status: 'yellow' },
      ]),
    ).toEqual([
      { quarter: '2022Q1', red: 1, yellow: 0, green: 0, done: 0 },
      { quarter: '2022Q2', red: 0, yellow: 0, green: 0, done: 0 },
      { quarter: '2022Q3', red: 0, yellow: 0, green: 0, done: 0 },
      { quarter: '2022Q4', red: 0, yellow: 1, green: 1, done: 0 },
    ]);
  });

  it.each([
    ['2022-01-01', '2022Q1'],
    ['2022-03-31', '2022Q1'],
    ['2022-04-01', '2022Q2'],
    ['2022-09-30', '2022Q3'],
    ['2025-12-31', '2025Q4'],
  ])('quarterOf(%s) = %s', (date, q) => expect(quarterOf(date)).toBe(q));

  it('does date arithmetic across months, years and leap days', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2022-06-30', '2022-07-30')).toBe(30);
    expect(quarterRange('2022Q3', '2023Q2')).toEqual(['2022Q3', '2022Q4', '2023Q1', '2023Q2']);
    expect(quarterBounds('2022Q4')).toEqual({ from: '2022-10-01', to: '2022-12-31' });
    expect(quarterBounds('2024Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(isIsoDate('2022-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2022-6-30')).toBe(false);
  });
});
