import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../src/shared/api/index.js';
import type { ItemReportsDto, ReportDto } from '../../src/shared/api/reports.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';
import { body, homesteadContent, itemLedBy, PERIOD, reportUrl, save, step } from './reports-fixtures.js';

/**
 * Who may do what, through the API (rules: domain/reporting/report-access.ts). The draft is
 * 县农业农村局's report on 共富渔塘, an item 县金融中心 has no part in.
 */
describe('report permissions', () => {
  let h: Harness;
  let admin: Session;
  let lead: Session;
  let other: Session;
  let viewer: Session;
  let item: ItemDetail;
  let draft: ReportDto;
  const content = () => ({
    milestones: [
      { state: 'done' as const, doneOn: '2022-03-25' },
      { state: 'in_progress' as const, percent: 80 },
      null,
      null,
    ],
    targets: [null, null, null, null],
    achievements: [null, null, null],
    narrative: '“共富渔塘”数字化应用平台方案设计已完成，可行性研究报告正在评审。',
  });

  beforeAll(async () => {
    h = await openHarness('sqlite');
    [admin, lead, other, viewer] = await Promise.all([
      login(h, 'admin'),
      login(h, 'nongyeju'),
      login(h, 'jinrong'),
      login(h, 'leader'),
    ]);
    item = await itemLedBy(h, lead, '县农业农村局', '共富渔塘');
    expect(item.units.map((u) => u.canonical)).not.toContain('县金融中心');
    draft = await save(h, lead, item, content(), null);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reporter of another unit cannot see the draft: 404 by id, by item, absent from lists', async () => {
    const byId = await call(h, other, 'GET', `/api/reports/${draft.id}`);
    expect(byId.statusCode).toBe(404);
    expect(errorOf(byId).code).toBe('not_found');
    expect((await call(h, other, 'GET', reportUrl(item))).statusCode).toBe(404);
    const list = await call(h, other, 'GET', `/api/reports?itemKey=${item.itemKey}`);
    expect(list.json()).toEqual({ reports: [], total: 0 });
    const history = await call(h, other, 'GET', `/api/items/by-key/${item.itemKey}/reports`);
    expect(history.json<ItemReportsDto>().reports).toEqual([]);
    // Nor can a viewer, but the office can.
    expect((await call(h, viewer, 'GET', `/api/reports/${draft.id}`)).statusCode).toBe(404);
    expect((await call(h, admin, 'GET', `/api/reports/${draft.id}`)).statusCode).toBe(200);
    expect((await call(h, admin, 'GET', '/api/reports?status=draft')).json()).toMatchObject({ total: 1 });
  });

  it('a reporter of another unit cannot write it: 403 whether a draft exists or not', async () => {
    const put = await call(h, other, 'PUT', reportUrl(item), { body: body(content(), draft.revision) });
    expect(put.statusCode).toBe(403);
    expect(errorOf(put).code).toBe('forbidden');
    const earlier = await call(h, other, 'PUT', reportUrl(item, '2022-05'), { body: body(content(), null) });
    expect(earlier.statusCode).toBe(403);
    expect(errorOf(put).message).toBe(errorOf(earlier).message);
    // By id, a report it cannot read does not exist.
    const submit = await call(h, other, 'POST', `/api/reports/${draft.id}/submit`, {
      body: { revision: draft.revision },
    });
    expect(submit.statusCode).toBe(404);
    const contribute = await call(h, other, 'PUT', `/api/reports/${draft.id}/contribution`, {
      body: { narrative: '县金融中心意见', revision: null },
    });
    expect(contribute.statusCode).toBe(404);
  });

  it('a viewer writes nothing (403), reads submitted reports', async () => {
    const put = await call(h, viewer, 'PUT', reportUrl(item), { body: body(content(), draft.revision) });
    expect(put.statusCode).toBe(403);
    expect((await call(h, viewer, 'GET', '/api/reports/todo')).statusCode).toBe(403);
    for (const action of ['submit', 'approve']) {
      const r = await call(h, viewer, 'POST', `/api/reports/${draft.id}/${action}`, {
        body: { revision: draft.revision },
      });
      expect(r.statusCode, action).toBe(403);
    }
  });

  it('anonymous callers get 401, a write without the CSRF header 403', async () => {
    expect((await call(h, null, 'GET', `/api/reports/${draft.id}`)).statusCode).toBe(401);
    expect((await call(h, null, 'GET', '/api/reports')).statusCode).toBe(401);
    expect((await call(h, null, 'GET', '/api/reports/todo')).statusCode).toBe(401);
    expect((await call(h, null, 'GET', `/api/items/by-key/${item.itemKey}/reports`)).statusCode).toBe(401);
    const anon = await call(h, null, 'PUT', reportUrl(item), { body: body(content(), draft.revision) });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await call(h, lead, 'PUT', reportUrl(item), {
      body: body(content(), draft.revision),
      csrf: null,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe('csrf');
    const wrongCsrf = await call(h, lead, 'POST', `/api/reports/${draft.id}/submit`, {
      body: { revision: draft.revision },
      csrf: 'not-the-token',
    });
    expect(wrongCsrf.statusCode).toBe(403);
    // Nothing was written by any of them.
    const now = (await call(h, lead, 'GET', `/api/reports/${draft.id}`)).json<ReportDto>();
    expect(now).toMatchObject({ status: 'draft', revision: draft.revision });
  });

  it('only the office reviews; a reporter cannot approve its own report', async () => {
    const submitted = await step(h, lead, draft, 'submit');
    const approve = await call(h, lead, 'POST', `/api/reports/${draft.id}/approve`, {
      body: { revision: submitted.revision },
    });
    expect(approve.statusCode).toBe(403);
    const ret = await call(h, lead, 'POST', `/api/reports/${draft.id}/return`, {
      body: { revision: submitted.revision, comment: '自己退回' },
    });
    expect(ret.statusCode).toBe(403);
    // Submitted, it is part of the record: every signed-in user may read it, none but the office act.
    const seen = await call(h, other, 'GET', `/api/reports/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ReportDto>().can).toEqual({
      edit: false,
      submit: false,
      review: false,
      contribute: false,
    });
    expect((await call(h, viewer, 'GET', reportUrl(item))).statusCode).toBe(200);
    const contribute = await call(h, other, 'PUT', `/api/reports/${draft.id}/contribution`, {
      body: { narrative: '县金融中心意见', revision: null },
    });
    expect(contribute.statusCode).toBe(403);
    // The office contributes nothing either: a contribution is a co-unit's.
    const office = await call(h, admin, 'PUT', `/api/reports/${draft.id}/contribution`, {
      body: { narrative: '改革办意见', revision: null },
    });
    expect(office.statusCode).toBe(403);
  });

  it('approving a draft or approving twice is a conflict, not a permission problem', async () => {
    // The office may write on the unit's behalf, but this period's report already exists.
    const again = await call(h, admin, 'PUT', reportUrl(item), { body: body(content(), null) });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toBe('该事项本期的报告已由他人创建，请刷新后在其基础上修改');
    const other2 = await call(h, admin, 'PUT', reportUrl(item, '2022-05'), { body: body(content(), null) });
    expect(other2.statusCode, other2.body).toBe(201);
    const may = other2.json<ReportDto>();
    expect(may.unit.name).toBe('县农业农村局');
    const approveDraft = await call(h, admin, 'POST', `/api/reports/${may.id}/approve`, {
      body: { revision: may.revision },
    });
    expect(approveDraft.statusCode).toBe(409);
    expect(errorOf(approveDraft).message).toBe('只有已提交、待审核的报告可以退回或通过');
  });

  it('a report that does not exist is 404, an item the plan does not have is 404', async () => {
    expect((await call(h, admin, 'GET', `/api/reports/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await call(h, admin, 'GET', reportUrl(item, '2022-04'))).statusCode).toBe(404);
    const unknown = await call(h, admin, 'PUT', `/api/reports/by-item/no-such-item/${PERIOD}`, {
      body: body(homesteadContent(), null),
    });
    expect(unknown.statusCode).toBe(404);
    expect((await call(h, admin, 'GET', '/api/items/by-key/no-such-item/reports')).statusCode).toBe(404);
  });
});
