import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../src/shared/api/index.js';
import type { ReportDto } from '../../src/shared/api/reports.js';
import { listReportEvents } from '../../src/store/report-events.repository.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';
import { body, homesteadContent, homesteadItem, reportUrl, save } from './reports-fixtures.js';

/**
 * Two people editing one report never lose each other's work: every write names the revision it
 * was made against, exactly one of two writes holding the same revision wins, and the other is
 * told (409) instead of silently overwriting.
 */
describe.each(ENGINES)('concurrent report writes on %s', (engine) => {
  let h: Harness;
  let admin: Session;
  let lead: Session;
  let item: ItemDetail;

  beforeAll(async () => {
    h = await openHarness(engine);
    [admin, lead] = await Promise.all([login(h, 'admin'), login(h, 'nongyeju')]);
    item = await homesteadItem(h, lead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('two creates of the same report: one 201, one 409, one report', async () => {
    const [a, b] = await Promise.all([
      call(h, lead, 'PUT', reportUrl(item, '2022-05'), { body: body(homesteadContent('甲稿'), null) }),
      call(h, admin, 'PUT', reportUrl(item, '2022-05'), { body: body(homesteadContent('乙稿'), null) }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).code).toBe('conflict');
    const list = await call(h, admin, 'GET', `/api/reports?itemKey=${item.itemKey}&period=2022-05`);
    expect(list.json()).toMatchObject({ total: 1 });
  });

  it('two updates with the same revision: exactly one wins, the loser retries and loses nothing', async () => {
    const first = await save(h, lead, item, homesteadContent('初稿'), null);
    const mine = homesteadContent('联络员：岩下村闲置农房盘活面积 3200 平方米。');
    const theirs = homesteadContent('改革办代填：黄泥洞村闲置农房已签约 2 户。');
    const [a, b] = await Promise.all([
      call(h, lead, 'PUT', reportUrl(item), { body: body(mine, first.revision) }),
      call(h, admin, 'PUT', reportUrl(item), { body: body(theirs, first.revision) }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [winner, loser, winnerText, loserText, loserSession] =
      a.statusCode === 200
        ? [a, b, mine.narrative, theirs.narrative, admin]
        : [b, a, theirs.narrative, mine.narrative, lead];
    expect(errorOf(loser)).toMatchObject({ code: 'conflict', message: '此报告已被他人修改，请刷新后再试' });
    expect(errorOf(loser).field).toBe('revision');

    // What is stored is the winner's, at the next revision.
    const stored = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    expect(stored.revision).toBe(first.revision + 1);
    expect(stored.content.narrative).toBe(winnerText);
    expect(winner.json<ReportDto>().revision).toBe(stored.revision);

    // The loser reloads, merges its text in and saves against the new revision.
    const merged = homesteadContent(`${winnerText}\n${loserText}`);
    const retry = await call(h, loserSession, 'PUT', reportUrl(item), {
      body: body(merged, stored.revision),
    });
    expect(retry.statusCode, retry.body).toBe(200);
    const final = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    expect(final.content.narrative).toBe(`${winnerText}\n${loserText}`);
    expect(final.events.map((e) => e.action)).toEqual(['create', 'save', 'save']);
  });

  it('a save racing a submit: one of them wins, the report is never both', async () => {
    const now = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    const [save2, submit] = await Promise.all([
      call(h, admin, 'PUT', reportUrl(item), { body: body(homesteadContent('改革办补充'), now.revision) }),
      call(h, lead, 'POST', `/api/reports/${now.id}/submit`, { body: { revision: now.revision } }),
    ]);
    expect([save2.statusCode, submit.statusCode].sort()).toEqual([200, 409]);
    const final = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    expect(final.revision).toBe(now.revision + 1);
    expect(final.status).toBe(submit.statusCode === 200 ? 'submitted' : 'draft');
    expect(final.content.narrative).toBe(submit.statusCode === 200 ? now.content.narrative : '改革办补充');
  });

  it('three starts of one contribution: one wins, every event numbered once, in order', async () => {
    const report = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    const before = report.events.length;
    const co = await login(h, 'jinrong');
    const writes = await Promise.all(
      ['一', '二', '三'].map(async (n) => {
        const r = await call(h, co, 'PUT', `/api/reports/${report.id}/contribution`, {
          body: { narrative: `县金融中心第${n}稿`, revision: null },
        });
        return r.statusCode;
      }),
    );
    // Three creates of one unit's contribution: one wins, two are stale.
    expect(writes.sort()).toEqual([200, 409, 409]);
    const events = await listReportEvents(h.t.db.kysely, h.orgId, report.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
  });
});
