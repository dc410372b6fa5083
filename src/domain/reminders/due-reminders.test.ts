import { describe, expect, it } from 'vitest';
import type { DatedReport } from '../reporting/latest-progress.js';
import { dueReminders, type ReminderInput, type ReminderItem, type ReminderReport } from './due-reminders.js';
import { DEFAULT_REMINDER_RULES, leadDaysDue, repeatIndex, type ReminderRules } from './rules.js';

/** Items of the Sanmen 2022 plan (data-seed/sanmen-2022.txt), as the scheduler sees them. */
const ITEM_23: ReminderItem = {
  itemKey: 'key-23',
  number: 23,
  title: '低收入农户数字化帮促机制',
  milestones: [
    { deadline: '2022-03-31', text: '2022年3月底前，形成低收入农户“幸福清单”，提高农户获得感、幸福感' },
    { deadline: '2022-06-30', text: '2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内。' },
  ],
  leadUnitId: 'u-nongye',
  coUnitIds: [],
  approved: [],
};
const ITEM_4: ReminderItem = {
  itemKey: 'key-4',
  number: 4,
  title: '小微企业联合辅导成长机制',
  milestones: [
    { deadline: '2022-06-30', text: '2022年6月底前，对接台州市启动北三县融辅试点' },
    { deadline: '2022-12-31', text: '2022年12月底前，积极辅导各类市场主体。' },
  ],
  leadUnitId: 'u-jinrong',
  coUnitIds: ['u-renminyinhang', 'u-jingxin'],
  approved: [],
};

const NO_REPORT_RULES: ReminderRules = { ...DEFAULT_REMINDER_RULES, reportDaysBefore: [] };

function input(today: string, over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    today,
    rules: NO_REPORT_RULES,
    cadence: 'monthly',
    dueDay: 25,
    reportsSince: '2022-03-01',
    items: [ITEM_23],
    reports: [],
    ...over,
  };
}

/** Milestone reminders only (the report rules have their own tests below). */
const keys = (i: ReminderInput) =>
  dueReminders(i)
    .filter((e) => e.kind.startsWith('milestone'))
    .map((e) => e.key);

describe('leadDaysDue and repeatIndex', () => {
  it.each([
    [[7, 1], 10, null],
    [[7, 1], 7, 7],
    [[7, 1], 3, 7],
    [[7, 1], 1, 1],
    [[7, 1], 0, 1], // on the deadline day the d-1 reminder still fits
    [[7, 1, 0], 0, 0],
    [[7, 1], -1, null],
    [[], 1, null],
  ] as [number[], number, number | null][])('rules %j, %i days left → d-%s', (rules, left, due) => {
    expect(leadDaysDue(rules, left)).toBe(due);
  });

  it.each([
    [1, 1, 7, 0],
    [7, 1, 7, 0],
    [8, 1, 7, 1],
    [15, 1, 7, 2],
    [6, 7, 7, null],
    [7, 7, 7, 0],
    [14, 7, 7, 1],
    [30, 7, null, 0],
  ] as [number, number, number | null, number | null][])(
    '%i days overdue, from day %i every %s → repeat %s',
    (overdue, from, every, index) => {
      expect(repeatIndex(overdue, from, every)).toBe(index);
    },
  );
});

describe('milestone reminders (default rules: 7 and 1 days before, every 7 days overdue, escalate after 7)', () => {
  const m1 = 'milestone:key-23:1:2022-06-30';
  const m0 = 'milestone:key-23:0:2022-03-31';
  it.each([
    ['2022-03-20', []],
    ['2022-03-24', ['milestone:key-23:0:2022-03-31:d-7']],
    ['2022-03-29', ['milestone:key-23:0:2022-03-31:d-7']],
    ['2022-03-30', ['milestone:key-23:0:2022-03-31:d-1']],
    ['2022-03-31', ['milestone:key-23:0:2022-03-31:d-1']],
    ['2022-04-01', [`${m0}:overdue:every7:r0`]],
    ['2022-04-07', [`${m0}:overdue:every7:r0`, `${m0}:escalate:after7:every7:r0`]],
    ['2022-04-08', [`${m0}:overdue:every7:r1`, `${m0}:escalate:after7:every7:r0`]],
    ['2022-04-14', [`${m0}:overdue:every7:r1`, `${m0}:escalate:after7:every7:r1`]],
    // 84 days overdue: the 12th repeat (days 78–84), the 12th escalation (days 84–90).
    ['2022-06-23', [`${m0}:overdue:every7:r11`, `${m0}:escalate:after7:every7:r11`, `${m1}:d-7`]],
  ] as [string, string[]][])('on %s', (today, expected) => {
    expect(keys(input(today))).toEqual(expected);
  });

  it.each([
    // The 4th and last repeat (days 22–28) …
    ['2022-04-28', [`${m0}:overdue:every7:r3`, `${m0}:escalate:after7:every7:r3`]],
    // … then the unit is left alone; the office's 4th escalation (days 28–34) still stands …
    ['2022-04-29', [`${m0}:escalate:after7:every7:r3`]],
    // … and after it nobody is chased about this milestone again.
    ['2022-05-05', []],
    ['2022-06-23', [`${m1}:d-7`]],
  ] as [string, string[]][])('capped at 4 repeats, on %s', (today, expected) => {
    const rules = { ...NO_REPORT_RULES, overdueMaxRepeats: 4 };
    expect(keys(input(today, { rules }))).toEqual(expected);
  });

  it('the same reminder has one key on every day of its window', () => {
    const days = ['2022-06-23', '2022-06-24', '2022-06-25', '2022-06-26', '2022-06-27', '2022-06-28'];
    const all = new Set(days.flatMap((d) => keys(input(d)).filter((k) => k.startsWith(m1))));
    expect([...all]).toEqual([`${m1}:d-7`]);
  });

  it('tells the lead and the co-units of the milestone, and the office only on escalation', () => {
    const events = dueReminders(input('2022-07-08', { items: [ITEM_4] })).filter((e) => e.milestone);
    expect(events.map((e) => [e.kind, e.unitIds, e.office, e.days])).toEqual([
      ['milestone_overdue', ['u-jinrong', 'u-renminyinhang', 'u-jingxin'], false, 8],
      ['milestone_escalation', [], true, 8],
    ]);
    expect(events[0]!.milestone).toEqual({
      position: 0,
      deadline: '2022-06-30',
      text: '2022年6月底前，对接台州市启动北三县融辅试点',
    });
  });

  it('a milestone the accepted record says is done is not reminded, done late or not', () => {
    const approved = (doneOn: string, knownFrom: string): DatedReport => ({
      submittedOn: knownFrom,
      report: {
        milestones: [
          { state: 'done', doneOn },
          { state: 'in_progress', percent: 60 },
        ],
        targets: [],
        achievements: [],
      },
    });
    const on = '2022-06-29';
    const item = (a: DatedReport[]) => ({ items: [{ ...ITEM_23, approved: a }] });
    expect(keys(input(on, item([approved('2022-04-15', '2022-04-20')])))).toEqual([`${m1}:d-1`]);
    // Not yet known on the day (approved later): still reminded.
    expect(keys(input(on, item([approved('2022-04-15', '2022-07-02')])))).toContain(
      `${m0}:overdue:every7:r12`,
    );
  });

  it('a later approved report that leaves a milestone out (null) keeps the earlier "done"', () => {
    const approved: DatedReport[] = [
      {
        submittedOn: '2022-04-20',
        report: {
          milestones: [{ state: 'done', doneOn: '2022-04-10' }, null],
          targets: [],
          achievements: [],
        },
      },
      {
        submittedOn: '2022-05-20',
        report: {
          milestones: [null, { state: 'at_risk', reason: '资金未到位' }],
          targets: [],
          achievements: [],
        },
      },
    ];
    expect(keys(input('2022-06-29', { items: [{ ...ITEM_23, approved }] }))).toEqual([`${m1}:d-1`]);
  });

  it.each([
    [
      'no overdue repeats: escalation once',
      { overdueEveryDays: null },
      '2022-05-20',
      [`${m0}:escalate:after7:once:r0`],
    ],
    ['no escalation', { escalateAfterDays: null }, '2022-04-08', [`${m0}:overdue:every7:r1`]],
    [
      'every 3 days, escalate after 10, day 9',
      { overdueEveryDays: 3, escalateAfterDays: 10 },
      '2022-04-09',
      [`${m0}:overdue:every3:r2`],
    ],
    [
      'every 3 days, escalate after 10, day 13',
      { overdueEveryDays: 3, escalateAfterDays: 10 },
      '2022-04-13',
      [`${m0}:overdue:every3:r4`, `${m0}:escalate:after10:every3:r1`],
    ],
    ['no reminders before', { milestoneDaysBefore: [] }, '2022-03-30', []],
  ] as [string, Partial<ReminderRules>, string, string[]][])('%s', (_name, rules, today, expected) => {
    expect(keys(input(today, { rules: { ...NO_REPORT_RULES, ...rules } }))).toEqual(expected);
  });
});

describe('report reminders (monthly, due on the 25th, 3 days before)', () => {
  const rules = {
    ...DEFAULT_REMINDER_RULES,
    milestoneDaysBefore: [],
    overdueEveryDays: 7,
    escalateAfterDays: 7,
  };
  const only = (today: string, over: Partial<ReminderInput> = {}) =>
    dueReminders(input(today, { rules, items: [ITEM_4], reportsSince: '2022-06-01', ...over }))
      .filter((e) => e.kind.startsWith('report'))
      .map((e) => [e.key, e.unitIds, e.office]);
  const report = (period: string, status: ReminderReport['status']): ReminderReport => ({
    itemKey: 'key-4',
    period,
    status,
  });

  it.each([
    ['2022-06-21', []],
    ['2022-06-22', [['report:key-4:2022-06:d-3', ['u-jinrong'], false]]],
    ['2022-06-25', [['report:key-4:2022-06:d-3', ['u-jinrong'], false]]],
    ['2022-06-26', [['report:key-4:2022-06:overdue:every7:r0', ['u-jinrong'], false]]],
    [
      '2022-07-02',
      [
        ['report:key-4:2022-06:overdue:every7:r0', ['u-jinrong'], false],
        ['report:key-4:2022-06:escalate:after7:every7:r0', [], true],
      ],
    ],
  ] as [string, unknown[]][])('no report: on %s', (today, expected) => {
    expect(only(today)).toEqual(expected);
  });

  it('a submitted or approved report stops them; a draft or a returned one does not', () => {
    expect(only('2022-06-23', { reports: [report('2022-06', 'submitted')] })).toEqual([]);
    expect(only('2022-06-28', { reports: [report('2022-06', 'approved')] })).toEqual([]);
    expect(only('2022-06-23', { reports: [report('2022-06', 'draft')] })).toHaveLength(1);
    expect(only('2022-06-28', { reports: [report('2022-06', 'returned')] })).toHaveLength(1);
  });

  it('only the latest period already due is chased, and none due before the plan was imported', () => {
    // 2022-07-10: June's report is 15 days late (May's is older and no longer chased).
    expect(only('2022-07-10').map((r) => r[0])).toEqual([
      'report:key-4:2022-06:overdue:every7:r2',
      'report:key-4:2022-06:escalate:after7:every7:r1',
    ]);
    expect(only('2022-07-10', { reportsSince: '2022-07-01' })).toEqual([]);
  });

  it('quarterly: the quarter is due on the 25th of its last month', () => {
    const quarterly = { cadence: 'quarterly', reportsSince: '2022-07-01' } as const;
    expect(only('2022-09-23', quarterly).map((r) => r[0])).toEqual(['report:key-4:2022Q3:d-3']);
    expect(only('2022-08-23', quarterly)).toEqual([]);
    // Since 2022-06-01 the second quarter (due 06-25) is owed: 59 days late on 08-23.
    expect(only('2022-08-23', { cadence: 'quarterly' }).map((r) => r[0])).toEqual([
      'report:key-4:2022Q2:overdue:every7:r8',
      'report:key-4:2022Q2:escalate:after7:every7:r7',
    ]);
  });

  it('an item whose milestones are all done owes no report', () => {
    const done: DatedReport = {
      submittedOn: '2022-05-20',
      report: {
        milestones: [
          { state: 'done', doneOn: '2022-05-10' },
          { state: 'done', doneOn: '2022-05-18' },
        ],
        targets: [],
        achievements: [],
      },
    };
    expect(only('2022-06-23', { items: [{ ...ITEM_4, approved: [done] }] })).toEqual([]);
  });
});
