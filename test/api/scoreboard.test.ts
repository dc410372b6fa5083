import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Dashboard,
  ItemDetail,
  ItemsPage,
  ScoreboardDto,
  ScoreboardHistoryDto,
  SnapshotChangesDto,
  TrendDto,
} from '../../src/shared/api/index.js';
import { WEIGHTS } from '../../src/domain/reporting/scoreboard.js';
import { content, currentItem, insertReport, type Step } from '../helpers/report-rows.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';

/** An instant at `hour` o'clock in Sanmen (UTC+8) on `date`. */
const sanmen = (date: string, hour = 10) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();
const onTime = (month: string): Step[] => [
  ['submit', sanmen(`2022-${month}-20`)],
  ['approve', sanmen(`2022-${month}-22`)],
];
const done = (doneOn: string) => ({ state: 'done' as const, doneOn });

describe('statuses from approved reports, snapshots and the scoreboard (Sanmen 2022, today 2022-06-30)', () => {
  let h: Harness;
  let s: Session;
  const get = async <T>(url: string): Promise<T> => {
    const r = await call(h, s, 'GET', url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
  };
  const itemStatus = async (number: number, asOf: string) =>
    (await get<ItemDetail>(`/api/items/${number}?asOf=${asOf}`)).status;

  beforeAll(async () => {
    h = await openHarness('sqlite');
    s = await login(h, 'leader');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('turns an item done once its milestones are reported done and the report is approved', async () => {
    // 23 低收入农户数字化帮促机制 (县农业农村局): 2022年3月底前 / 6月底前, “收入倍差缩小到2.36以内”.
    const before = await get<Dashboard>('/api/dashboard?asOf=2022-06-30');
    expect(await itemStatus(23, '2022-06-30')).toBe('red');

    const item = await currentItem(h.t.db, h.orgId, 23);
    const entries = {
      milestones: { 0: done('2022-03-25'), 1: done('2022-06-20') },
      targets: { 0: { actual: '2.3', unit: '', reportedOn: '2022-06-20' } },
      achievements: { 0: { reached: true, reachedOn: '2022-06-20', evidence: '数字化帮促应用上线通知.pdf' } },
    };
    // Submitted on 20 June; approved at 01:00 on 22 June in Sanmen (still the 21st in UTC).
    await insertReport(h.t.db, h.orgId, {
      item,
      period: '2022-06',
      unitId: await h.unitId('县农业农村局'),
      content: content(item, entries),
      steps: [
        ['submit', sanmen('2022-06-20')],
        ['approve', '2022-06-21T17:00:00.000Z'],
      ],
    });

    const page = await get<ItemsPage>('/api/items?asOf=2022-06-30&status=done&pageSize=200');
    expect(page.items.map((i) => [i.number, i.title])).toContainEqual([23, '低收入农户数字化帮促机制']);
    expect(await itemStatus(23, '2022-06-21')).toBe('red'); // not approved yet that day, in Sanmen
    expect(await itemStatus(23, '2022-06-22')).toBe('done');
    const after = await get<Dashboard>('/api/dashboard?asOf=2022-06-30');
    expect(after.counts.red).toBe(before.counts.red - 1);
    expect(after.counts.done).toBe(before.counts.done + 1);
  });

  it('ignores a report that was submitted but not approved, or returned', async () => {
    // 24 构建新型慈善体系 (县民政局): 2022年3月底前 / 6月底前.
    const item = await currentItem(h.t.db, h.orgId, 24);
    const unitId = await h.unitId('县民政局');
    const all = content(item, {
      milestones: { 0: done('2022-03-20'), 1: done('2022-06-10') },
      achievements: { 0: { reached: true, reachedOn: '2022-06-10', evidence: '慈善基地挂牌.jpg' } },
    });
    await insertReport(h.t.db, h.orgId, {
      item,
      period: '2022-05',
      unitId,
      content: all,
      steps: [
        ['submit', sanmen('2022-05-20')],
        ['return', sanmen('2022-05-21')],
      ],
    });
    await insertReport(h.t.db, h.orgId, {
      item,
      period: '2022-06',
      unitId,
      content: all,
      steps: [['submit', sanmen('2022-06-20')]],
    });
    expect(await itemStatus(24, '2022-06-30')).toBe('red');
  });

  it('ranks a lead unit reporting on time above one reporting late, with the formula’s weights', async () => {
    // 县金融中心 leads 4, 5, 17 and 56: a report for each, every month from March, on time.
    const jinrong = await h.unitId('县金融中心');
    const byItem: Record<number, Record<string, Parameters<typeof content>[1]>> = {
      4: { '06': { milestones: { 0: done('2022-06-15') } } },
      5: {},
      17: {
        // Done in March: 2022年3月底前, both shares met, the achievement reached. No reports owed after.
        '03': {
          milestones: { 0: done('2022-03-18') },
          targets: {
            0: { actual: '60', unit: '%', reportedOn: '2022-03-18' },
            1: { actual: '35', unit: '%', reportedOn: '2022-03-18' },
          },
          achievements: { 0: { reached: true, reachedOn: '2022-03-18', evidence: '员工持股方案.pdf' } },
        },
      },
      56: {
        '03': { milestones: { 0: done('2022-03-10') } },
        '06': { milestones: { 1: done('2022-06-12') } },
      },
    };
    for (const [number, months] of Object.entries(byItem)) {
      const item = await currentItem(h.t.db, h.orgId, Number(number));
      for (const month of number === '17' ? ['03'] : ['03', '04', '05', '06']) {
        await insertReport(h.t.db, h.orgId, {
          item,
          period: `2022-${month}`,
          unitId: jinrong,
          content: content(item, months[month] ?? {}),
          steps: onTime(month),
        });
      }
    }
    // 县应急管理局 leads 10 only (2022年3月底前 / 6月底前 / 9月底前): milestones done on time, but
    // every report submitted on the 28th, after the 25th it was due.
    const item10 = await currentItem(h.t.db, h.orgId, 10);
    for (const month of ['03', '04', '05', '06']) {
      const milestones: Record<number, ReturnType<typeof done>> = month === '03'
        ? { 0: done('2022-03-27') }
        : month === '06'
          ? { 1: done('2022-06-27') }
          : {};
      await insertReport(h.t.db, h.orgId, {
        item: item10,
        period: `2022-${month}`,
        unitId: await h.unitId('县应急管理局'),
        content: content(item10, { milestones }),
        steps: [
          ['submit', sanmen(`2022-${month}-28`)],
          ['approve', sanmen(`2022-${month}-29`)],
        ],
      });
    }

    const board = await get<ScoreboardDto>('/api/scoreboard?asOf=2022-06-30');
    expect(board).toMatchObject({
      asOf: '2022-06-30',
      period: '2022-06',
      previous: { period: '2022-06', asOf: '2022-06-25' },
      reportingFrom: '2022-03',
      weights: WEIGHTS,
    });
    const [first, second] = board.rows;
    expect(first).toMatchObject({
      rank: 1,
      previousRank: 1,
      unit: { name: '县金融中心' },
      score: 100,
      rates: { done: 1, onTime: 1, reports: 1, returned: 0 },
      // 17 and 56 due 2022-03-31; 4 and 56 due 2022-06-30, done by then.
      milestones: { due: 4, dueDone: 4, onTime: 4, late: 0 },
      // 4, 5 and 56 for March to June; 17 for March only (done since).
      reports: { due: 13, onTime: 13, submitted: 13, returned: 0 },
    });
    expect(second).toMatchObject({
      rank: 2,
      previousRank: 2,
      unit: { name: '县应急管理局' },
      score: 70, // 100 × (40 × 1 + 30 × 1 + 30 × 0) ÷ 100
      rates: { done: 1, onTime: 1, reports: 0 },
      reports: { due: 4, onTime: 0, submitted: 4 },
    });
    // The returned report of 县民政局 counts against it.
    const minzheng = board.rows.find((r) => r.unit.name === '县民政局')!;
    expect(minzheng.reports).toMatchObject({ submitted: 2, returned: 1 });
    expect(minzheng.rates.returned).toBe(0.5);
    // Units that never reported owe every month since March and are scored on it.
    const tax = board.rows.find((r) => r.unit.name === '县税务局')!;
    expect(tax).toMatchObject({ score: 0, reports: { due: 4, onTime: 0 }, milestones: { due: 0 } });
    expect(board.rows.map((r) => r.rank)).toEqual(board.rows.map((_, i) => i + 1));
  });

  it('keeps a scoreboard per period, each row with its previous rank', async () => {
    const h1 = await get<ScoreboardHistoryDto>('/api/scoreboard/history?from=2022-03&to=2022-07');
    expect(h1.periods.map((p) => [p.period, p.asOf, p.provisional])).toEqual([
      ['2022-03', '2022-03-25', false],
      ['2022-04', '2022-04-25', false],
      ['2022-05', '2022-05-25', false],
      ['2022-06', '2022-06-25', false],
      ['2022-07', '2022-06-30', true], // not due yet: as of today
    ]);
    const yingji = h1.periods.map((p) => p.rows.find((r) => r.unit.name === '县应急管理局')!);
    // As of 25 March nothing of its was due or known (its March report came on the 28th).
    expect(yingji[0]).toMatchObject({ score: null, previousRank: expect.any(Number) });
    expect(yingji[1]).toMatchObject({ score: 70, reports: { due: 1, onTime: 0 } });
    expect(yingji[2]!.previousRank).toBe(yingji[1]!.rank);
    const jinrong = h1.periods[0]!.rows.find((r) => r.unit.name === '县金融中心')!;
    expect(jinrong).toMatchObject({ rank: 1, score: 100, reports: { due: 4, onTime: 4 } });
  });

  it('keeps a snapshot per passed period for the trend and says what changed', async () => {
    const before = await h.t.db.kysely.selectFrom('status_snapshots').select('period').execute();
    expect(before).toEqual([]);
    const trend = await get<TrendDto>('/api/dashboard/trend?from=2022-04&to=2022-07');
    expect(trend.periods.map((p) => [p.period, p.asOf, p.provisional])).toEqual([
      ['2022-04', '2022-04-25', false],
      ['2022-05', '2022-05-25', false],
      ['2022-06', '2022-06-25', false],
      ['2022-07', '2022-06-30', true],
    ]);
    const kept = await h.t.db.kysely
      .selectFrom('status_snapshots')
      .select('period')
      .orderBy('period')
      .execute();
    expect(kept.map((k) => k.period)).toEqual(['2022-04', '2022-05', '2022-06']);
    const dashboard = await get<Dashboard>('/api/dashboard?asOf=2022-06-30');
    expect(trend.periods.at(-1)!.counts).toEqual(dashboard.counts);

    const changes = await get<SnapshotChangesDto>('/api/snapshots/2022-06/changes');
    expect(changes).toMatchObject({
      period: '2022-06',
      asOf: '2022-06-25',
      provisional: false,
      previous: { period: '2022-05', asOf: '2022-05-25' },
    });
    expect(changes.done).toContainEqual({
      itemKey: expect.any(String),
      number: 23,
      title: '低收入农户数字化帮促机制',
      from: 'red',
      to: 'done',
    });
    // Done since March: no news in June.
    expect(changes.done.map((c) => c.number)).not.toContain(17);
  });

  it('refuses a malformed period or range', async () => {
    const bad = await call(h, s, 'GET', '/api/snapshots/2022-13/changes');
    expect(bad.statusCode).toBe(400);
    const reversed = await call(h, s, 'GET', '/api/dashboard/trend?from=2022-06&to=2022-03');
    expect(reversed.statusCode).toBe(400);
    expect(errorOf(reversed).field).toBe('from');
    const mixed = await call(h, s, 'GET', '/api/scoreboard/history?from=2022Q1&to=2022-06');
    expect(mixed.statusCode).toBe(400);
    const anonymous = await call(h, null, 'GET', '/api/scoreboard');
    expect(anonymous.statusCode).toBe(401);
  });
});
