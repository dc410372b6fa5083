import { describe, expect, it } from 'vitest';
import type { Rag } from '../status/status.js';
import { changesBetween, takeSnapshot, trend, type Snapshot, type SnapshotItem } from './snapshot.js';

const m = (deadline: string) => ({ deadline, text: '' });
// Sanmen items by their deadlines: 2022年3月底前 / 6月底前 / 9月底前 (finance, 15亿元以上) / 12月底前.
const items: SnapshotItem[] = [
  {
    itemKey: 'k1',
    item: {
      milestones: [m('2022-09-30')],
      targets: [{ op: '>=', value: 1_500_000_000, deadline: '2022-09-30' }],
    },
  },
  { itemKey: 'k4', item: { milestones: [m('2022-03-31'), m('2022-06-30')], targets: [] } },
  {
    itemKey: 'k5',
    item: { milestones: [m('2022-03-31')], targets: [], achievements: ['慈善基地'] },
    progress: {
      milestones: [{ completedOn: '2022-03-25' }],
      achievements: [{ reached: true, reachedOn: '2022-03-30' }],
    },
  },
];

describe('takeSnapshot', () => {
  it.each([
    // period, due day, asOf, statuses k1 k4 k5
    ['2022-03', 25, '2022-03-25', ['green', 'yellow', 'yellow']], // k5's achievement is reached after the 25th
    ['2022-03', 31, '2022-03-31', ['green', 'yellow', 'done']],
    ['2022-04', 25, '2022-04-25', ['green', 'red', 'done']],
    ['2022-09', 31, '2022-09-30', ['yellow', 'red', 'done']], // due day 31 in a 30-day month: on the deadline
    ['2022Q4', 25, '2022-12-25', ['red', 'red', 'done']],
  ] as const)('%s (due day %i) is as of %s', (period, dueDay, asOf, statuses) => {
    const s = takeSnapshot(period, items, { dueDay, warningDays: 30 });
    expect(s.asOf).toBe(asOf);
    expect(s.items.map((e) => e.status)).toEqual(statuses);
    expect(s.counts.total).toBe(3);
  });

  it('counts statuses per period for the trend, oldest first', () => {
    const snaps = (['2022-05', '2022-03', '2022-04'] as const).map((p) =>
      takeSnapshot(p, items, { warningDays: 30 }),
    );
    expect(trend(snaps).map((t) => [t.period, t.counts.red])).toEqual([
      ['2022-03', 0],
      ['2022-04', 1],
      ['2022-05', 1],
    ]);
  });
});

describe('changesBetween', () => {
  const snap = (period: '2022-05' | '2022-06', entries: [string, Rag][]): Snapshot => ({
    period,
    asOf: `${period}-25`,
    items: entries.map(([itemKey, status]) => ({ itemKey, status })),
    counts: { red: 0, yellow: 0, green: 0, done: 0, total: entries.length },
  });
  const may = snap('2022-05', [
    ['a', 'green'],
    ['b', 'red'],
    ['c', 'red'],
    ['d', 'yellow'],
    ['e', 'done'],
    ['f', 'green'],
    ['g', 'red'],
  ]);
  const june = snap('2022-06', [
    ['a', 'red'], // became red
    ['b', 'yellow'], // recovered
    ['c', 'done'], // done (from red: done, not recovered)
    ['d', 'yellow'], // unchanged
    ['e', 'red'], // reopened
    ['h', 'green'], // new
    ['g', 'red'], // still red: not news
  ]);

  it('sorts every item into at most one change', () => {
    const c = changesBetween(may, june);
    const keys = (list: { itemKey: string }[]) => list.map((x) => x.itemKey);
    expect(keys(c.becameRed)).toEqual(['a']);
    expect(keys(c.recovered)).toEqual(['b']);
    expect(keys(c.done)).toEqual(['c']);
    expect(keys(c.reopened)).toEqual(['e']);
    expect(c.new).toEqual([{ itemKey: 'h', from: null, to: 'green' }]);
    expect(c.removed).toEqual([{ itemKey: 'f', from: 'green', to: null }]);
  });

  it('calls every item new in the first period', () => {
    const c = changesBetween(null, may);
    expect(c.new).toHaveLength(7);
    expect(c.becameRed).toEqual([]);
  });
});
