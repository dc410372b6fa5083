import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ReportSummary, reportsPageSchema } from '../../src/shared/api/reports.js';
import { findUnit } from '../../src/store/units.repository.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * GET /reports pages a list sorted as a whole: fetching it page by page gives the same order as
 * fetching it at once, in the order asked for. The review queue (审核) shows the oldest
 * submission first; it used to get pages in period order and sort each page itself, so page 2
 * could hold reports submitted before everything on page 1.
 */

const LEAD = '县农业农村局';
type ReportsPage = z.infer<typeof reportsPageSchema>;

/** [item number, period, submitted at]: periods and submission times deliberately disagree. */
const SUBMITTED: readonly [number, string, string][] = [
  [18, '2022-05', '2022-06-03T01:00:00.000Z'],
  [19, '2022-05', '2022-06-01T01:00:00.000Z'],
  [18, '2022-04', '2022-06-02T01:00:00.000Z'],
  [19, '2022-04', '2022-05-02T01:00:00.000Z'],
  [18, '2022-03', '2022-06-04T01:00:00.000Z'],
  [19, '2022-03', '2022-04-05T01:00:00.000Z'],
  // Two submitted at the same instant: ordered by period (newest first), then item number.
  [18, '2022-02', '2022-05-20T01:00:00.000Z'],
  [19, '2022-02', '2022-05-20T01:00:00.000Z'],
  [18, '2022-01', '2022-05-20T01:00:00.000Z'],
];

describe.each(ENGINES)('paging GET /reports (%s)', (engine) => {
  let h: Harness;
  let admin: Session;

  beforeAll(async () => {
    h = await openHarness(engine);
    admin = await login(h, 'admin');
    const unitId = (await findUnit(h.t.db.kysely, h.orgId, LEAD))!.id;
    for (const [number, period, at] of SUBMITTED) {
      const item = await currentItem(h.t.db, h.orgId, number);
      await insertReport(h.t.db, h.orgId, {
        item,
        period,
        unitId,
        content: content(item),
        steps: [['submit', at]],
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  async function page(query: string): Promise<ReportsPage> {
    const r = await call(h, admin, 'GET', `/api/reports?status=submitted&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<ReportsPage>();
  }
  const key = (r: ReportSummary) => `${r.period} #${r.itemNumber} ${r.submittedAt}`;

  /** Every page of `pageSize`, concatenated, against the whole list in one page. */
  async function pagesAndWhole(sort: string, pageSize: number) {
    const whole = await page(`${sort}pageSize=200`);
    const pages: ReportSummary[] = [];
    for (let n = 1; pages.length < whole.total; n++) {
      const p = await page(`${sort}pageSize=${pageSize}&page=${n}`);
      expect(p.total).toBe(whole.total);
      expect(p.reports.length).toBeGreaterThan(0);
      pages.push(...p.reports);
    }
    return { whole: whole.reports.map(key), paged: pages.map(key) };
  }

  it('gives the review queue oldest submission first across pages, not page by page', async () => {
    const { whole, paged } = await pagesAndWhole('sort=submitted&', 4);
    expect(whole).toEqual([
      '2022-03 #19 2022-04-05T01:00:00.000Z',
      '2022-04 #19 2022-05-02T01:00:00.000Z',
      '2022-02 #18 2022-05-20T01:00:00.000Z',
      '2022-02 #19 2022-05-20T01:00:00.000Z',
      '2022-01 #18 2022-05-20T01:00:00.000Z',
      '2022-05 #19 2022-06-01T01:00:00.000Z',
      '2022-04 #18 2022-06-02T01:00:00.000Z',
      '2022-05 #18 2022-06-03T01:00:00.000Z',
      '2022-03 #18 2022-06-04T01:00:00.000Z',
    ]);
    expect(paged).toEqual(whole);
    // A page boundary falls inside the tie: it is split the same way every time.
    expect((await page('sort=submitted&pageSize=4&page=1')).reports.map(key).at(-1)).toBe(whole[3]);
    expect((await page('sort=submitted&pageSize=4&page=2')).reports.map(key)[0]).toBe(whole[4]);
  });

  it('keeps the default order (newest period first, then the plan order) across pages', async () => {
    const { whole, paged } = await pagesAndWhole('', 2);
    expect(whole.map((k) => k.slice(0, 11))).toEqual([
      '2022-05 #18',
      '2022-05 #19',
      '2022-04 #18',
      '2022-04 #19',
      '2022-03 #18',
      '2022-03 #19',
      '2022-02 #18',
      '2022-02 #19',
      '2022-01 #18',
    ]);
    expect(paged).toEqual(whole);
    expect((await pagesAndWhole('sort=period&', 5)).paged).toEqual(whole);
  });

  it('refuses an order it does not know', async () => {
    const r = await call(h, admin, 'GET', '/api/reports?sort=unit');
    expect(r.statusCode).toBe(400);
  });
});
