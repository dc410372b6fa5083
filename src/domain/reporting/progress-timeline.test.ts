import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../status/dates.js';
import { itemStatus } from '../status/item-status.js';
import { progressAsOf, type DatedReport } from './latest-progress.js';
import { doneOn, doneTimeline, progressTimeline } from './progress-timeline.js';
import { toItemProgress, type ItemReport, type MilestoneReport, type TargetReport } from './progress.js';

/**
 * The done-timeline must say what rating the item from scratch on each approval day says
 * (issue 9: it replaced exactly that, once per item × approval day). Generated items and reports
 * cover same-day approvals in any input order, entries left null, shorter report lists, unit
 * conversion, and items that become done and undone again.
 */

interface TestItem {
  milestones: { deadline: string; text: string }[];
  targets: { op: '>=' | '<=' | '='; value: number | null; unit: string; deadline: string | null }[];
  achievements: string[];
}

const WARNING_DAYS = 30;
const START = '2022-01-01';
const day = (n: number) => addDays(START, n);

const itemArb: fc.Arbitrary<TestItem> = fc.record({
  milestones: fc.array(
    fc.record({ deadline: fc.integer({ min: 0, max: 900 }).map(day), text: fc.constant('里程碑') }),
    { minLength: 0, maxLength: 3 },
  ),
  targets: fc.array(
    fc.record({
      op: fc.constantFrom('>=' as const, '<=' as const, '=' as const),
      value: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null, freq: 6 }),
      unit: fc.constant('元'),
      deadline: fc.option(fc.integer({ min: 0, max: 900 }).map(day), { nil: null }),
    }),
    { maxLength: 2 },
  ),
  achievements: fc.array(fc.constant('标志性成果'), { maxLength: 2 }),
});

const milestoneArb: fc.Arbitrary<MilestoneReport | null> = fc.oneof(
  fc.constant(null),
  fc.record({ state: fc.constant('done' as const), doneOn: fc.integer({ min: 0, max: 900 }).map(day) }),
  fc.record({ state: fc.constant('in_progress' as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ state: fc.constant('at_risk' as const), reason: fc.constant('资金未到位') }),
);

const targetArb: fc.Arbitrary<TargetReport | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    actual: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 20 }).map(String)),
    unit: fc.constantFrom('元', '万元'),
    reportedOn: fc.integer({ min: 0, max: 900 }).map(day),
  }),
);

const achievementArb = fc.oneof(
  fc.constant(null),
  fc.record({
    reached: fc.boolean(),
    reachedOn: fc.integer({ min: 0, max: 900 }).map(day),
    evidence: fc.constant('文件'),
  }),
);

/** An item and its approved reports, on few distinct days (so many fall on the same day), unsorted. */
const caseArb = itemArb.chain((item) =>
  fc.record({
    item: fc.constant(item),
    reports: fc.array(
      fc.record({
        // Few distinct approval days: many reports share one.
        submittedOn: fc.integer({ min: 0, max: 30 }).map((n) => day(n * 30)),
        report: fc.record({
          // Sometimes shorter than the item's lists: a missing entry reads as not reported.
          milestones: fc.array(milestoneArb, { minLength: 0, maxLength: item.milestones.length }),
          targets: fc.array(targetArb, { minLength: 0, maxLength: item.targets.length }),
          achievements: fc.array(achievementArb, { minLength: 0, maxLength: item.achievements.length }),
        }) as fc.Arbitrary<ItemReport>,
      }) as fc.Arbitrary<DatedReport>,
      { maxLength: 24 },
    ),
  }),
);

/** What every item was rated by before the timeline: from scratch, as of the day. */
const doneFromScratch = (item: TestItem, reports: readonly DatedReport[], asOf: string) =>
  itemStatus(
    item,
    { asOf, warningDays: WARNING_DAYS },
    reports.length > 0 ? progressAsOf(reports, item, asOf) : undefined,
  ).status === 'done';

/** progressAsOf as first written (copy, spread, sort, re-map per report): the reference. */
function progressAsOfReference(reports: readonly DatedReport[], item: TestItem, asOf: string) {
  const known = reports
    .map((r, order) => ({ ...r, order }))
    .filter((r) => r.submittedOn <= asOf)
    .sort((a, b) =>
      a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : a.order - b.order,
    );
  const merged: ItemReport = {
    milestones: item.milestones.map(() => null),
    targets: item.targets.map(() => null),
    achievements: item.achievements.map(() => null),
  };
  const latest = <T>(into: readonly (T | null)[], from: readonly (T | null)[]) =>
    into.map((old, i) => from[i] ?? old);
  for (const { report } of known) {
    merged.milestones = latest(merged.milestones, report.milestones);
    merged.targets = latest(merged.targets, report.targets);
    merged.achievements = latest(merged.achievements, report.achievements);
  }
  return toItemProgress(merged, item);
}

const approvalDays = (reports: readonly DatedReport[]) =>
  [...new Set(reports.map((r) => r.submittedOn))].sort();

describe('progressTimeline / doneTimeline', () => {
  it('gives progressAsOf on each approval day, and the item done exactly when rating it from scratch does', () => {
    fc.assert(
      fc.property(caseArb, ({ item, reports }) => {
        const days = approvalDays(reports);
        const progress = progressTimeline(reports, item);
        expect(progress.map((s) => s.on)).toEqual(days);
        for (const step of progress) expect(step.progress).toEqual(progressAsOf(reports, item, step.on));

        const done = doneTimeline(reports, item, WARNING_DAYS);
        expect(done).toEqual(days.map((on) => ({ on, done: doneFromScratch(item, reports, on) })));
      }),
      { numRuns: 300 },
    );
  });

  it('answers any date with the last approval day on or before it (not done before the first)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer({ min: -5, max: 960 }), { maxLength: 12 }),
        ({ item, reports }, dates) => {
          const days = approvalDays(reports);
          const timeline = doneTimeline(reports, item, WARNING_DAYS);
          for (const date of [...dates.map(day), ...days, ...days.map((d) => addDays(d, -1))]) {
            const last = days.filter((d) => d <= date).at(-1);
            expect(doneOn(timeline, date)).toBe(last !== undefined && doneFromScratch(item, reports, last));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('progressAsOf reads reports as it always did (same-day order, nulls, missing entries)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -5, max: 960 }), ({ item, reports }, n) => {
        expect(progressAsOf(reports, item, day(n))).toEqual(progressAsOfReference(reports, item, day(n)));
      }),
      { numRuns: 300 },
    );
  });

  // Hand-picked rows the generator may miss.
  const item: TestItem = {
    milestones: [{ deadline: '2022-06-30', text: '建成' }],
    targets: [{ op: '>=', value: 100, unit: '元', deadline: null }],
    achievements: [],
  };
  const done = (on: string): DatedReport => ({
    submittedOn: on,
    report: {
      milestones: [{ state: 'done', doneOn: '2022-05-01' }],
      targets: [{ actual: 150, unit: '元', reportedOn: on }],
      achievements: [],
    },
  });
  const undone = (on: string): DatedReport => ({
    submittedOn: on,
    report: {
      milestones: [null],
      targets: [{ actual: '0.001', unit: '万元', reportedOn: on }],
      achievements: [],
    },
  });
  it.each([
    ['no reports', [], []],
    ['done on its approval day', [done('2022-05-10')], [{ on: '2022-05-10', done: true }]],
    [
      'a later report undoes it (the target fell below)',
      [done('2022-05-10'), undone('2022-06-10')],
      [
        { on: '2022-05-10', done: true },
        { on: '2022-06-10', done: false },
      ],
    ],
    [
      'same day: the later one in input order wins',
      [done('2022-05-10'), undone('2022-05-10')],
      [{ on: '2022-05-10', done: false }],
    ],
    ['same day, other order', [undone('2022-05-10'), done('2022-05-10')], [{ on: '2022-05-10', done: true }]],
    [
      'input out of day order',
      [undone('2022-06-10'), done('2022-05-10')],
      [
        { on: '2022-05-10', done: true },
        { on: '2022-06-10', done: false },
      ],
    ],
  ] as const)('%s', (_, reports, expected) => {
    expect(doneTimeline(reports, item, WARNING_DAYS)).toEqual(expected);
    expect(expected).toEqual(
      approvalDays(reports).map((on) => ({ on, done: doneFromScratch(item, reports, on) })),
    );
  });
});
