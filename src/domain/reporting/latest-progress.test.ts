import { describe, expect, it } from 'vitest';
import { itemStatus } from '../status/item-status.js';
import type { Rag } from '../status/status.js';
import { progressAsOf, type DatedReport } from './latest-progress.js';
import type { ItemReport, MilestoneReport } from './progress.js';

/**
 * The status engine fed by reports, end to end (progressAsOf → itemStatus), on the edge cases the
 * issue names: a milestone done late, a `<=` target, a target left blank, a deadline on the as-of
 * date — and what "known as of" means for the reports themselves.
 */

// 三门县 item 23 低收入农户数字化帮促机制: 2022年3月底前 …, 2022年6月底前 收入倍差缩小到2.36以内.
const item23 = {
  milestones: [
    { deadline: '2022-03-31', text: '2022年3月底前，建成低收入农户数字化帮促应用' },
    { deadline: '2022-06-30', text: '2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内' },
  ],
  targets: [{ op: '<=' as const, value: 2.36, unit: '', deadline: '2022-06-30' }],
  achievements: ['低收入农户数字化帮促应用'],
};
// 三门县 item 30 完善城乡居民基本养老保险制度: “参保率达到__%” — the figure was left blank.
const item30 = {
  milestones: [
    { deadline: '2022-03-31', text: '2022年3月底前，参保率达到%' },
    { deadline: '2022-06-30', text: '2022年6月底前，参保率达到%' },
  ],
  targets: [
    { op: '>=' as const, value: null, unit: '%', deadline: '2022-03-31' },
    { op: '>=' as const, value: null, unit: '%', deadline: '2022-06-30' },
  ],
  achievements: ['城乡居民基本养老保险全覆盖'],
};

const done = (doneOn: string): MilestoneReport => ({ state: 'done', doneOn });
const ratio = (actual: string, reportedOn: string) => ({ actual, unit: '', reportedOn });
const reached = (reachedOn: string) => ({ reached: true, reachedOn, evidence: '应用上线通知.pdf' });
const report = (submittedOn: string, r: Partial<ItemReport>): DatedReport => ({
  submittedOn,
  report: {
    milestones: r.milestones ?? [null, null],
    targets: r.targets ?? [null, null].slice(0, 1),
    achievements: r.achievements ?? [null],
  },
});

const status = (item: typeof item23 | typeof item30, reports: DatedReport[], asOf: string) =>
  itemStatus(item, { asOf, warningDays: 30 }, progressAsOf(reports, item, asOf));

describe('statuses from reports', () => {
  it.each([
    // what, reports, asOf, item, milestones, target
    [
      'milestone done late (reported in April)',
      [report('2022-04-12', { milestones: [done('2022-04-10'), null] })],
      '2022-04-15',
      'green',
      [
        { status: 'done', late: true },
        { status: 'green', late: false },
      ],
      'green',
    ],
    [
      'a deadline on the as-of date, not reported: yellow, not red',
      [report('2022-03-28', { milestones: [done('2022-03-28'), null] })],
      '2022-06-30',
      'yellow',
      [
        { status: 'done', late: false },
        { status: 'yellow', late: false },
      ],
      'yellow',
    ],
    [
      'the day after it: red',
      [report('2022-03-28', { milestones: [done('2022-03-28'), null] })],
      '2022-07-01',
      'red',
      [
        { status: 'done', late: false },
        { status: 'red', late: false },
      ],
      'red',
    ],
    [
      'done on its deadline, reported that day: done as of that day',
      [
        report('2022-03-28', { milestones: [done('2022-03-28'), null] }),
        report('2022-06-30', {
          milestones: [null, done('2022-06-30')],
          targets: [ratio('2.36', '2022-06-30')], // exactly the bound of “2.36以内”
          achievements: [reached('2022-06-30')],
        }),
      ],
      '2022-06-30',
      'done',
      [
        { status: 'done', late: false },
        { status: 'done', late: false },
      ],
      'done',
    ],
    [
      '<= target missed by 0.01 on its deadline',
      [report('2022-06-30', { targets: [ratio('2.37', '2022-06-30')] })],
      '2022-06-30',
      'red', // the March milestone is overdue
      [
        { status: 'red', late: false },
        { status: 'yellow', late: false },
      ],
      'yellow',
    ],
    [
      'a report not yet known on the as-of date changes nothing',
      [report('2022-07-02', { milestones: [done('2022-03-28'), done('2022-06-28')] })],
      '2022-07-01',
      'red',
      [
        { status: 'red', late: false },
        { status: 'red', late: false },
      ],
      'red',
    ],
  ] as const)('%s', (_, reports, asOf, itemRag, milestones, target) => {
    const s = status(item23, [...reports], asOf);
    expect(s.status).toBe(itemRag);
    expect(s.milestones).toEqual(milestones);
    expect(s.targets[0]!.status).toBe(target);
  });

  it.each([
    // Everything else is done: the blank figures alone decide, yellow until a deadline passes.
    ['2022-03-30', ['yellow', 'yellow'], 'yellow'],
    ['2022-03-31', ['yellow', 'yellow'], 'yellow'],
    ['2022-04-01', ['red', 'yellow'], 'red'],
    ['2030-01-01', ['red', 'red'], 'red'],
  ] as [string, Rag[], Rag][])(
    'a blank target (参保率达到__%%) never lets the item be done: as of %s',
    (asOf, targets, rag) => {
      const pct = { actual: '99', unit: '%', reportedOn: '2022-03-30' };
      const all = report('2022-03-30', {
        milestones: [done('2022-03-30'), done('2022-03-30')],
        targets: [pct, pct],
        achievements: [reached('2022-03-30')],
      });
      const s = status(item30, [all], asOf);
      expect(s.milestones.map((m) => m.status)).toEqual(['done', 'done']);
      expect(s.achievements.map((a) => a.status)).toEqual(['done']);
      expect(s.targets.map((t) => [t.status, t.unknown])).toEqual(targets.map((t) => [t, true]));
      expect(s.status).toBe(rag);
    },
  );

  it('keeps an earlier entry when a later report leaves it out, and lets a later one override it', () => {
    const april = report('2022-04-12', { milestones: [done('2022-03-29'), null] });
    const may = report('2022-05-20', { milestones: [null, { state: 'in_progress', percent: 50 }] });
    const june = report('2022-06-20', { milestones: [null, { state: 'at_risk', reason: '数据接口未打通' }] });
    const p = progressAsOf([june, april, may], item23, '2022-06-25');
    expect(p.milestones).toEqual([
      { completedOn: '2022-03-29', atRisk: false },
      { completedOn: null, atRisk: true },
    ]);
    // Same day: the order given wins (the later period last).
    const fix = report('2022-06-20', { milestones: [null, done('2022-06-19')] });
    expect(progressAsOf([june, fix], item23, '2022-06-20').milestones?.[1]).toEqual({
      completedOn: '2022-06-19',
      atRisk: false,
    });
  });
});
