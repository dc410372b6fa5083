import { describe, expect, it } from 'vitest';
import { achievementStatus, milestoneStatus, satisfies, targetStatus, type StatusOptions } from './status.js';
import { itemStatus } from './item-status.js';
import { unitStats } from './unit-status.js';

/** The status engine with progress from reports (issue 7), on phrases of the Sanmen plan (2022). */
const opts = (asOf: string, warningDays = 30): StatusOptions => ({ asOf, warningDays });

describe('milestones with reports', () => {
  // “2022年6月底前，实现新就业形态劳动者工伤保险全覆盖”: deadline 2022-06-30.
  const m = { deadline: '2022-06-30' };
  it.each([
    // progress, asOf, status, late
    [{ completedOn: '2022-07-15' }, '2022-07-31', 'done', true], // done late
    [{ completedOn: '2022-06-30' }, '2022-06-30', 'done', false], // done on its deadline, as of that day
    [{}, '2022-06-30', 'yellow', false], // deadline exactly on the as-of date: not red yet
    [{}, '2022-07-01', 'red', false],
    [{ atRisk: true }, '2022-03-01', 'yellow', false], // at risk, deadline four months away
    [{ atRisk: true }, '2022-07-01', 'red', false], // at risk and overdue: red wins
    [{ completedOn: '2022-05-20', atRisk: true }, '2022-06-01', 'done', false], // done beats an old risk
  ] as const)('%o as of %s → %s (late %s)', (progress, asOf, status, late) => {
    expect(milestoneStatus(m, opts(asOf), progress)).toEqual({ status, late });
  });
});

describe('targets with reports', () => {
  // “2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内” (<=, no unit).
  const gap = { op: '<=' as const, value: 2.36, deadline: '2022-06-30' };
  // “2022年9月底前，“农户家庭资产池”融资达15亿元以上” (>=, 元).
  const loans = { op: '>=' as const, value: 1_500_000_000, deadline: '2022-09-30' };
  // “新增1个以上…特色农业保险产品” recorded as =.
  const product = { op: '=' as const, value: 1, deadline: '2022-12-31' };
  // A blank figure (“覆盖率达到__%”): the document left the value out.
  const blank = { op: '>=' as const, value: null, deadline: '2022-12-31' };

  it.each([
    [gap, '2022-06-30', { actual: 2.36 }, 'done'], // exactly the bound
    [gap, '2022-06-30', { actual: 2.3600000000000003 }, 'done'], // float noise within the tolerance
    [gap, '2022-06-30', { actual: 2.37 }, 'yellow'], // unmet, due today
    [gap, '2022-07-01', { actual: 2.37 }, 'red'], // unmet after its deadline
    [gap, '2022-05-01', { actual: 2.5 }, 'green'], // unmet, outside the window
    [loans, '2022-09-30', { actual: 1_500_000_000 }, 'done'],
    [loans, '2022-09-30', { actual: 1_499_999_999 }, 'yellow'], // one 元 short is short
    [product, '2022-12-31', { actual: 1 }, 'done'],
    [product, '2022-12-31', { actual: 2 }, 'done'], // = means "reach it"
    [product, '2023-01-01', { actual: 0 }, 'red'],
    [blank, '2022-01-10', undefined, 'yellow'], // blank: never green, even far from its deadline
    [blank, '2022-12-31', { actual: 100 }, 'yellow'], // nor done, whatever is reported
    [blank, '2023-01-01', undefined, 'red'],
    [{ ...blank, deadline: null }, '2030-01-01', undefined, 'yellow'],
  ] as const)('%o as of %s with %o → %s', (target, asOf, progress, status) => {
    expect(targetStatus(target, opts(asOf), progress).status).toBe(status);
  });

  it('marks a blank target unknown, and only it', () => {
    expect(targetStatus(blank, opts('2022-06-01')).unknown).toBe(true);
    expect(targetStatus(loans, opts('2022-06-01')).unknown).toBeUndefined();
  });

  it.each([
    [2.36, '<=', 2.36, true],
    [2.3600001, '<=', 2.36, false],
    [0, '<=', 0, true],
    [1e-13, '<=', 0, true], // absolute floor of the tolerance
    [0.1 * 3, '<=', 0.3, true], // 0.30000000000000004
    [1_499_999_999.99, '>=', 1_500_000_000, false], // a fen (0.01 元) short is short
    [0.9, '=', 1, false],
  ] as const)('satisfies(%d %s %d) = %s', (actual, op, value, expected) => {
    expect(satisfies(actual, op, value)).toBe(expected);
  });
});

describe('achievements and items', () => {
  // 三门县 item 1 (abridged): milestones 2022-09-30 and 2022-12-31, three landmark achievements.
  const item = {
    milestones: [
      { deadline: '2022-09-30', text: '2022年9月底前，“农户家庭资产池”融资达15亿元以上' },
      { deadline: '2022-12-31', text: '2022年12月底前，“农户家庭资产池”融资达20亿元以上' },
    ],
    targets: [
      { op: '>=' as const, value: 1_500_000_000, deadline: '2022-09-30' },
      { op: '>=' as const, value: 2_000_000_000, deadline: '2022-12-31' },
    ],
    achievements: ['农户家庭资产负债表', '农户家庭资产评估体系', '全流程线上办理'],
  };
  const allDone = {
    milestones: [{ completedOn: '2022-09-20' }, { completedOn: '2022-12-20' }],
    targets: [{ actual: 1_600_000_000 }, { actual: 2_100_000_000 }],
  };
  const reached = { reached: true, reachedOn: '2022-12-01' };

  it.each([
    ['all reached', [reached, reached, reached], '2023-01-10', 'done'],
    ['one not reached, after the last deadline', [reached, { reached: false }, reached], '2023-01-10', 'red'],
    ['one not reached, within the window', [reached, reached, undefined], '2022-12-25', 'yellow'],
    [
      'one reached after asOf',
      [reached, reached, { reached: true, reachedOn: '2023-02-01' }],
      '2023-01-10',
      'red',
    ],
  ] as const)('%s → %s', (_, achievements, asOf, status) => {
    const s = itemStatus(item, opts(asOf), { ...allDone, achievements });
    expect(s.status).toBe(status);
    expect(s.achievements).toHaveLength(3);
  });

  it('does not change the calendar-only status of an item with achievements', () => {
    for (const asOf of ['2022-06-30', '2022-09-01', '2022-10-01', '2023-01-01']) {
      const { achievements: _, ...without } = item;
      expect(itemStatus(item, opts(asOf)).status).toBe(itemStatus(without, opts(asOf)).status);
    }
  });

  it('dates an achievement reached late, and keeps one without deadline green', () => {
    expect(
      achievementStatus('2022-12-31', opts('2023-02-01'), { reached: true, reachedOn: '2023-01-15' }),
    ).toEqual({ status: 'done', late: true });
    expect(achievementStatus(null, opts('2030-01-01'))).toEqual({ status: 'green', late: false });
  });
});

describe('unitStats', () => {
  const milestones = [{ deadline: '2022-03-31' }, { deadline: '2022-06-30' }, { deadline: '2022-09-30' }];
  const rate = (asOf: string, completed: (string | undefined)[]) => {
    const rating = itemStatus(
      { milestones: milestones.map((m) => ({ ...m, text: '' })), targets: [] },
      opts(asOf),
      {
        milestones: completed.map((completedOn) => ({ completedOn })),
      },
    );
    return unitStats([{ milestones, rating }], asOf);
  };

  it.each([
    // asOf, completed on, due, due done, due or done, on time, late
    ['2022-06-30', ['2022-03-20', undefined, undefined], 1, 1, 1, 1, 0], // 06-30 deadline on asOf: not due
    ['2022-06-30', ['2022-03-20', '2022-06-30', undefined], 2, 2, 2, 2, 0], // …unless done that day
    ['2022-07-01', ['2022-04-10', undefined, '2022-06-01'], 2, 1, 3, 1, 1], // late, open, early
  ] as const)('as of %s with %o', (asOf, completed, due, dueDone, dueOrDone, onTime, late) => {
    expect(rate(asOf, [...completed])).toMatchObject({
      items: 1,
      dueMilestones: due,
      dueDone,
      dueOrDone,
      doneOnTime: onTime,
      doneLate: late,
    });
  });
});
