import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../src/shared/api/index.js';
import type { OrgDto } from '../../src/shared/api/org.js';
import type { ReportContent, ReportDto, TodoDto } from '../../src/shared/api/reports.js';
import { getOrgSettings } from '../../src/store/org-settings.repository.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';
import { body, homesteadContent, homesteadItem, PERIOD, reportUrl, save, step } from './reports-fixtures.js';

/** A report is checked against the item it is about: each refusal names the field at fault. */
describe('report validation', () => {
  let h: Harness;
  let admin: Session;
  let lead: Session;
  let item: ItemDetail;
  const put = (content: ReportContent, revision: number | null = null, period = PERIOD) =>
    call(h, lead, 'PUT', reportUrl(item, period), { body: body(content, revision) });
  const refused = async (content: ReportContent, period = PERIOD) => {
    const r = await put(content, null, period);
    expect(r.statusCode, r.body).toBe(400);
    return errorOf(r);
  };

  beforeAll(async () => {
    h = await openHarness('sqlite');
    [admin, lead] = await Promise.all([login(h, 'admin'), login(h, 'nongyeju')]);
    item = await homesteadItem(h, lead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a milestone at risk needs its reason', async () => {
    const e = await refused({ ...homesteadContent(), milestones: [{ state: 'at_risk', reason: '  ' }] });
    expect(e).toMatchObject({ code: 'validation', field: 'milestones.0.reason' });
    expect(e.message).toBe('标记为有风险时必须说明原因');
  });

  it('a target actual in a unit that does not convert to the target’s is refused', async () => {
    const content = homesteadContent();
    content.targets[1] = { actual: 45, unit: '个', reportedOn: '2022-06-20' };
    const e = await refused(content);
    expect(e).toMatchObject({ field: 'targets.1.unit' });
    expect(e.message).toBe('单位“个”无法换算为指标的单位“元”');
    content.targets[1] = { actual: '四十五', unit: '万元', reportedOn: '2022-06-20' };
    expect(await refused(content)).toMatchObject({ field: 'targets.1.actual' });
  });

  it('entries must match the item: one milestone, two targets, one achievement', async () => {
    const e = await refused({ ...homesteadContent(), milestones: [null, null] });
    expect(e).toMatchObject({ field: 'milestones' });
    expect(e.message).toBe('填报条目数与任务不符：应为 1 条，收到 2 条');
  });

  it('no date after today (2022-06-30), no period after the current one', async () => {
    const e = await refused({ ...homesteadContent(), milestones: [{ state: 'done', doneOn: '2022-07-01' }] });
    expect(e).toMatchObject({ field: 'milestones.0.doneOn' });
    expect(e.message).toBe('日期 2022-07-01 晚于填报日期');
    const reached = await refused({
      ...homesteadContent(),
      achievements: [{ reached: true, reachedOn: '2022-06-01' }],
    });
    expect(reached).toMatchObject({ field: 'achievements.0.evidence' });
    const future = await refused(homesteadContent(), '2022-07');
    expect(future).toMatchObject({ field: 'period' });
    expect(future.message).toBe('不能填报未来的周期 2022-07（当前周期为 2022-06）');
  });

  it('the request shape itself: a bad period, a missing field, an unknown state', async () => {
    const period = await call(h, lead, 'PUT', reportUrl(item, '2022-13'), {
      body: body(homesteadContent(), null),
    });
    expect(period.statusCode).toBe(400);
    expect(errorOf(period).message).toContain('周期的格式应为 2022-06');
    const { narrative: _n, ...noNarrative } = body(homesteadContent(), null);
    const missing = await call(h, lead, 'PUT', reportUrl(item), { body: noNarrative });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).field).toBe('narrative');
    const state = await call(h, lead, 'PUT', reportUrl(item), {
      body: { ...body(homesteadContent(), null), milestones: [{ state: 'finished' }] },
    });
    expect(errorOf(state)).toMatchObject({ code: 'validation', field: 'milestones.0.state' });
  });

  it('a stale revision is refused with 409 and the report is left as it was', async () => {
    const report = await save(h, lead, item, homesteadContent('第一稿'), null);
    const stale = await put(homesteadContent('第二稿'), report.revision + 1);
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).message).toBe('此报告已被他人修改，请刷新后再试');
    const staleSubmit = await call(h, lead, 'POST', `/api/reports/${report.id}/submit`, {
      body: { revision: report.revision - 1 },
    });
    expect(staleSubmit.statusCode).toBe(409);
    const now = (await call(h, lead, 'GET', reportUrl(item))).json<ReportDto>();
    expect(now).toMatchObject({ revision: report.revision, status: 'draft' });
    expect(now.content.narrative).toBe('第一稿');

    const submitted = await step(h, lead, report, 'submit');
    const noComment = await call(h, admin, 'POST', `/api/reports/${report.id}/return`, {
      body: { revision: submitted.revision, comment: '   ' },
    });
    expect(noComment.statusCode).toBe(400);
    expect(errorOf(noComment)).toMatchObject({ field: 'comment' });
    expect(errorOf(noComment).message).toContain('退回时必须填写意见');
  });

  it('the org reports quarterly from the 20th: periods, due dates and the ledger revision follow', async () => {
    const before = (await getOrgSettings(h.t.db.kysely, h.orgId)).revision;
    const r = await call(h, admin, 'PATCH', '/api/org', { body: { cadence: 'quarterly', dueDay: 20 } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<OrgDto>()).toMatchObject({ cadence: 'quarterly', dueDay: 20 });
    expect((await getOrgSettings(h.t.db.kysely, h.orgId)).revision).toBeGreaterThan(before);
    expect((await call(h, lead, 'GET', '/api/org')).json<OrgDto>()).toMatchObject({ cadence: 'quarterly' });

    const todo = (await call(h, lead, 'GET', '/api/reports/todo?asOf=2022-05-10')).json<TodoDto>();
    expect(todo).toMatchObject({ period: '2022Q2', dueDate: '2022-06-20', asOf: '2022-05-10' });
    const monthly = await refused(homesteadContent(), '2022-04');
    expect(monthly).toMatchObject({ field: 'period' });
    const quarter = await put(homesteadContent('二季度报告'), null, '2022Q2');
    expect(quarter.statusCode, quarter.body).toBe(201);
    expect(quarter.json<ReportDto>()).toMatchObject({ period: '2022Q2', dueDate: '2022-06-20' });

    const bad = await call(h, admin, 'PATCH', '/api/org', { body: { dueDay: 32 } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('dueDay');
    const viewer = await login(h, 'leader');
    expect((await call(h, viewer, 'PATCH', '/api/org', { body: { dueDay: 10 } })).statusCode).toBe(403);
  });
});
