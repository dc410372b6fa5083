import { describe, expect, it } from 'vitest';
import { reportStats, scoreboard, scoreboardHistory, unitScore, type ScoreInput } from './scoreboard.js';

const unit = (
  name: string,
  [dueMilestones, dueDone, dueOrDone, doneOnTime]: number[],
  [due, onTime, submitted, returned]: number[] = [0, 0, 0, 0],
  unitId = name,
): ScoreInput => ({
  unitId,
  name,
  milestones: {
    dueMilestones: dueMilestones!,
    dueDone: dueDone!,
    dueOrDone: dueOrDone!,
    doneOnTime: doneOnTime!,
  },
  reports: { due: due!, onTime: onTime!, submitted: submitted!, returned: returned! },
});

describe('unitScore', () => {
  it.each([
    // milestones [due, due done, due or done, on time], reports [due, on time, submitted, returned], score
    [[4, 4, 4, 4], [3, 3, 3, 0], 100],
    [[4, 2, 4, 2], [4, 2, 4, 0], 50], // 40·½ + 30·½ + 30·½
    [[4, 4, 4, 2], [4, 4, 4, 0], 85], // 40 + 15 + 30
    [[4, 4, 4, 4], [4, 4, 5, 1], 98], // 100 − 10·⅕
    [[4, 0, 4, 0], [4, 0, 4, 4], 0], // clamped at 0
    [[0, 0, 0, 0], [2, 1, 2, 0], 50], // only reports measurable: their rate alone
    [[0, 0, 1, 1], [0, 0, 0, 0], 100], // done early, nothing due yet: on-time rate only
    [[3, 1, 3, 1], [0, 0, 0, 0], 33.3], // 100·(40·⅓ + 30·⅓)/70, rounded to 0.1
    [[0, 0, 0, 0], [0, 0, 0, 0], null], // nothing to measure
  ])('%o %o → %s', (m, r, score) => {
    expect(unitScore(unit('x', m, r)).score).toBe(score);
  });
});

describe('scoreboard', () => {
  it('ranks by score, then more due milestones, then name in Chinese order, then id; unscored last', () => {
    const rows = scoreboard([
      unit('县民政局', [0, 0, 0, 0]), // nothing due: last
      unit('县农业农村局', [2, 2, 2, 2]), // 100 with 2 due
      unit('县人力社保局', [5, 5, 5, 5]), // 100 with 5 due: first
      unit('县金融中心', [2, 2, 2, 2]), // 100 with 2 due: 金 (jīn) before 农 (nóng)
      unit('县大数据发展中心', [4, 2, 4, 2]), // 50
      unit('县金融中心', [2, 2, 2, 2], undefined, 'b-id'), // same name: by id
    ]);
    expect(rows.map((r) => [r.rank, r.name, r.score, r.unitId])).toEqual([
      [1, '县人力社保局', 100, '县人力社保局'],
      [2, '县金融中心', 100, 'b-id'],
      [3, '县金融中心', 100, '县金融中心'],
      [4, '县农业农村局', 100, '县农业农村局'],
      [5, '县大数据发展中心', 50, '县大数据发展中心'],
      [6, '县民政局', null, '县民政局'],
    ]);
  });

  it('compares scores as shown (to 0.1): within that, more due milestones first, whatever the name', () => {
    const rows = scoreboard([
      unit('县财政局', [0, 0, 0, 0], [1000, 667, 1000, 0]), // 66.7 exactly, nothing due
      unit('县医保局', [3, 2, 3, 2]), // 66.666… shown 66.7, 3 due
      unit('县民政局', [3, 2, 3, 2], [0, 0, 0, 0], 'a-id'), // the same as 县医保局 but by name
    ]);
    expect(rows.map((r) => [r.rank, r.name, r.score])).toEqual([
      [1, '县民政局', 66.7], // mín before yī
      [2, '县医保局', 66.7],
      [3, '县财政局', 66.7],
    ]);
  });

  it('is independent of the input order', () => {
    const input = [
      unit('县财政局', [2, 1, 2, 1]),
      unit('县医保局', [2, 1, 2, 1]),
      unit('县卫生健康局', [2, 1, 2, 1]),
    ];
    const names = (u: ScoreInput[]) => scoreboard(u).map((r) => r.name);
    expect(names([...input].reverse())).toEqual(names(input));
  });

  it('keeps a history per period with the previous rank', () => {
    const h = scoreboardHistory([
      { period: '2022Q1', units: [unit('县财政局', [1, 1, 1, 1]), unit('县医保局', [1, 0, 1, 0])] },
      {
        period: '2022Q2',
        units: [
          unit('县财政局', [2, 1, 2, 1]),
          unit('县医保局', [2, 2, 2, 2]),
          unit('县民政局', [1, 1, 1, 1]),
        ],
      },
    ]);
    expect(h.map((p) => p.period)).toEqual(['2022Q1', '2022Q2']);
    expect(h[1]!.rows.map((r) => [r.name, r.rank, r.previousRank])).toEqual([
      ['县医保局', 1, 2],
      ['县民政局', 2, null],
      ['县财政局', 3, 1],
    ]);
  });
});

describe('reportStats', () => {
  // Due day 25: April's report is due 2022-04-25, May's 2022-05-25, June's 2022-06-25.
  const obligations = [
    { period: '2022-04' as const, submissions: [{ on: '2022-04-20', returned: false }] },
    {
      period: '2022-05' as const,
      submissions: [
        { on: '2022-05-24', returned: true },
        { on: '2022-05-28', returned: false },
      ],
    },
    { period: '2022-06' as const, submissions: [] },
  ];
  it.each([
    ['2022-05-25', { due: 1, onTime: 1, submitted: 2, returned: 1 }], // May is due today, returned: not due yet
    ['2022-05-26', { due: 2, onTime: 1, submitted: 2, returned: 1 }], // returned, resubmitted late
    ['2022-06-26', { due: 3, onTime: 1, submitted: 3, returned: 1 }], // June never submitted
  ])('as of %s', (asOf, expected) => {
    expect(reportStats(obligations, asOf, 25)).toEqual(expected);
  });
});
