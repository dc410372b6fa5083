import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../src/shared/api/index.js';
import type { ItemReportsDto, ReportDto, TodoDto } from '../../src/shared/api/reports.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { getOrgSettings } from '../../src/store/org-settings.repository.js';
import { listReportEvents } from '../../src/store/report-events.repository.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';
import { homesteadContent, homesteadItem, PERIOD, reportUrl, save, step } from './reports-fixtures.js';

describe.each(ENGINES)('report workflow on %s', (engine) => {
  let h: Harness;
  let admin: Session;
  let lead: Session;
  let co: Session;
  let item: ItemDetail;
  let report: ReportDto;
  const revision = async () => (await getOrgSettings(h.t.db.kysely, h.orgId)).revision;
  const notifications = async (userId: string) =>
    h.t.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', h.orgId)
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    h = await openHarness(engine);
    [admin, lead, co] = await Promise.all([login(h, 'admin'), login(h, 'nongyeju'), login(h, 'jinrong')]);
    item = await homesteadItem(h, lead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the lead unit starts a draft (201) against the current plan, without bumping the ledger', async () => {
    const before = await revision();
    report = await save(h, lead, item, homesteadContent(), null);
    expect(report).toMatchObject({
      itemKey: item.itemKey,
      itemNumber: item.number,
      itemTitle: '农村宅基地改革',
      period: PERIOD,
      dueDate: '2022-06-25',
      status: 'draft',
      revision: 1,
      unit: { name: '县农业农村局' },
      updatedBy: 'nongyeju',
      can: { edit: true, submit: true, review: false, contribute: false },
    });
    expect(report.content.targets[1]).toEqual({ actual: '45', unit: '万元', reportedOn: '2022-06-20' });
    expect(report.events.map((e) => e.action)).toEqual(['create']);
    expect(await revision()).toBe(before);

    const again = await call(h, lead, 'GET', reportUrl(item));
    expect(again.json<ReportDto>().id).toBe(report.id);
  });

  it('我的待办 lists the item as needing the lead unit and the co-unit differently', async () => {
    const mine = (await call(h, lead, 'GET', '/api/reports/todo')).json<TodoDto>();
    expect(mine).toMatchObject({ period: PERIOD, dueDate: '2022-06-25', asOf: '2022-06-30' });
    expect(mine.items.find((i) => i.itemKey === item.itemKey)).toMatchObject({
      role: 'lead',
      title: '农村宅基地改革',
      report: { id: report.id, status: 'draft', revision: 1 },
      needsAction: true,
    });
    const theirs = (await call(h, co, 'GET', '/api/reports/todo')).json<TodoDto>();
    expect(theirs.items.find((i) => i.itemKey === item.itemKey)).toMatchObject({
      role: 'co',
      needsAction: true,
    });
  });

  it('saving again bumps the report revision and records a save event', async () => {
    report = await save(h, lead, item, homesteadContent('岩下村、黄泥洞村闲置农房已完成摸底。'), 1);
    expect(report).toMatchObject({ revision: 2, status: 'draft' });
    expect(report.content.narrative).toBe('岩下村、黄泥洞村闲置农房已完成摸底。');
    expect(report.events.map((e) => e.action)).toEqual(['create', 'save']);
  });

  it('a co-unit adds its own contribution with its own revision', async () => {
    const r = await call(h, co, 'PUT', `/api/reports/${report.id}/contribution`, {
      body: { narrative: '县金融中心已对接农商银行，推出闲置农房盘活专项贷款。', revision: null },
    });
    expect(r.statusCode, r.body).toBe(200);
    const seen = r.json<ReportDto>();
    expect(seen.revision).toBe(2);
    expect(seen.can).toMatchObject({ edit: false, contribute: true });
    expect(seen.contributions).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ name: '县金融中心' }), revision: 1 }),
    ]);
    const edited = await call(h, co, 'PUT', `/api/reports/${report.id}/contribution`, {
      body: { narrative: '专项贷款已发放 3 笔。', revision: 1 },
    });
    expect(edited.json<ReportDto>().contributions[0]).toMatchObject({
      narrative: '专项贷款已发放 3 笔。',
      revision: 2,
    });
    const stale = await call(h, co, 'PUT', `/api/reports/${report.id}/contribution`, {
      body: { narrative: '旧稿', revision: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const todo = (await call(h, co, 'GET', '/api/reports/todo')).json<TodoDto>();
    expect(todo.items.find((i) => i.itemKey === item.itemKey)?.needsAction).toBe(false);
  });

  it('submit → the office is notified, the event keeps the content, the ledger revision moves', async () => {
    const before = await revision();
    report = await step(h, lead, report, 'submit');
    expect(report).toMatchObject({
      status: 'submitted',
      revision: 3,
      submittedAt: h.clock.now.toISOString(),
    });
    expect(report.can).toMatchObject({ edit: false, submit: false });
    expect(await revision()).toBeGreaterThan(before);
    const events = await listReportEvents(h.t.db.kysely, h.orgId, report.id);
    const submit = events.find((e) => e.action === 'submit')!;
    expect(submit.content?.narrative).toBe('岩下村、黄泥洞村闲置农房已完成摸底。');
    expect(await notifications(h.users.admin.id)).toEqual([
      expect.objectContaining({ kind: 'report_submitted', link: `/reports/${item.itemKey}/${PERIOD}` }),
    ]);

    const queue = await call(h, admin, 'GET', '/api/reports?status=submitted');
    expect(queue.json()).toMatchObject({
      total: 1,
      reports: [{ id: report.id, itemTitle: '农村宅基地改革', status: 'submitted', onTime: false }],
    });
    // The lead unit may no longer change it.
    const edit = await call(h, lead, 'PUT', reportUrl(item), {
      body: { ...homesteadContent('改稿'), revision: 3 },
    });
    expect(edit.statusCode).toBe(409);
    expect(
      await call(h, admin, 'GET', `/api/reports/${report.id}`).then((r) => r.json<ReportDto>().can),
    ).toMatchObject({
      review: true,
    });
  });

  it('the office returns it with a comment; the lead unit is told and sees it in 我的待办', async () => {
    const comment = '请补充岩下村闲置农房盘活的具体面积和佐证材料。';
    report = await step(h, admin, report, 'return', comment);
    expect(report).toMatchObject({ status: 'returned', reviewComment: comment, reviewedBy: 'admin' });
    expect(await notifications(h.users.reporter.id)).toEqual([
      expect.objectContaining({ kind: 'report_returned', params: expect.stringContaining(comment) }),
    ]);
    const todo = (await call(h, lead, 'GET', '/api/reports/todo')).json<TodoDto>();
    expect(todo.returned.map((r) => [r.id, r.reviewComment])).toEqual([[report.id, comment]]);
    expect(todo.items.find((i) => i.itemKey === item.itemKey)).toMatchObject({
      report: { status: 'returned' },
      needsAction: true,
    });
  });

  it('the lead unit edits and resubmits; the office approves; every step is an event', async () => {
    const revised = {
      ...homesteadContent('岩下村闲置农房盘活面积 3200 平方米，佐证材料见附件。'),
      targets: [
        { actual: 3200, unit: '平方米', reportedOn: '2022-06-28' },
        { actual: '0.0052', unit: '亿元', reportedOn: '2022-06-28' },
      ],
    };
    report = await save(h, lead, item, revised, report.revision);
    expect(report.status).toBe('returned');
    report = await step(h, lead, report, 'submit');
    const before = await revision();
    report = await step(h, admin, report, 'approve');
    expect(report).toMatchObject({ status: 'approved', reviewComment: null, reviewedBy: 'admin' });
    expect(report.can).toEqual({ edit: false, submit: false, review: false, contribute: false });
    expect(await revision()).toBeGreaterThan(before);
    expect(report.events.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'create', 'nongyeju'],
      [2, 'save', 'nongyeju'],
      [3, 'contribute', 'jinrong'],
      [4, 'contribute', 'jinrong'],
      [5, 'submit', 'nongyeju'],
      [6, 'return', 'admin'],
      [7, 'save', 'nongyeju'],
      [8, 'submit', 'nongyeju'],
      [9, 'approve', 'admin'],
    ]);
    expect(report.events[5]!.comment).toBe('请补充岩下村闲置农房盘活的具体面积和佐证材料。');
    expect((await notifications(h.users.reporter.id)).map((n) => n.kind)).toEqual([
      'report_returned',
      'report_approved',
    ]);
    const contribute = await call(h, co, 'PUT', `/api/reports/${report.id}/contribution`, {
      body: { narrative: '补充', revision: 2 },
    });
    expect(contribute.statusCode).toBe(409);
  });

  it("the item's history lists the report, and approved actuals are in the target's unit", async () => {
    const r = await call(h, co, 'GET', `/api/items/by-key/${item.itemKey}/reports`);
    expect(r.statusCode, r.body).toBe(200);
    const history = r.json<ItemReportsDto>();
    expect(history.reports.map((x) => [x.period, x.status])).toEqual([[PERIOD, 'approved']]);
    expect(history.targets.map((t) => [t.metric, t.unit, t.actuals])).toEqual([
      ['激活闲置农房建筑面积', '平方米', [{ period: PERIOD, reportedOn: '2022-06-28', value: 3200 }]],
      ['年促农民增收', '元', [{ period: PERIOD, reportedOn: '2022-06-28', value: 520000 }]],
    ]);
  });

  it('every write left an audit row, before → after', async () => {
    // The test clock stands still, so order by the revision each write produced.
    const audit = (await listAudit(h.t.db.kysely, h.orgId, { entity: 'report', entityId: report.id })).sort(
      (a, b) => (a.after as { revision: number }).revision - (b.after as { revision: number }).revision,
    );
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['create', 'nongyeju'],
      ['update', 'nongyeju'],
      ['update', 'nongyeju'],
      ['update', 'admin'],
      ['update', 'nongyeju'],
      ['update', 'nongyeju'],
      ['update', 'admin'],
    ]);
    expect(audit.at(-1)).toMatchObject({
      before: { revision: 6, status: 'submitted' },
      after: { revision: 7, status: 'approved' },
    });
    const contributions = await listAudit(h.t.db.kysely, h.orgId, { entity: 'report_contribution' });
    expect(contributions.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });
});
