import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinDetailDto, BulletinsDto, Dashboard } from '../../src/shared/api/index.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { docxText } from '../writers/open-report.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * Bulletins through the API (Sanmen 2022, today 2022-06-30): the office generates June's from its
 * kept snapshot, edits the opening, publishes; leaders and units list and download the published
 * ones and never see drafts.
 */

const sanmen = (date: string, hour = 10) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();
const OPENING = '为推动共同富裕“三十”工程落地见效，现将6月份改革推进情况通报如下。';

describe('bulletins API', () => {
  let h: Harness;
  let admin: Session;
  let viewer: Session;
  let reporter: Session;
  let draft: BulletinDetailDto;
  const overview = (b: BulletinDetailDto) => b.sections[0]!.blocks.map((x) => ('text' in x ? x.text : ''));

  beforeAll(async () => {
    h = await openHarness('sqlite');
    [admin, viewer, reporter] = await Promise.all([
      login(h, 'admin'),
      login(h, 'leader'),
      login(h, 'nongyeju'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lets only the office generate, and only for a period whose due date has passed', async () => {
    for (const s of [viewer, reporter]) {
      const r = await call(h, s, 'POST', '/api/bulletins', { body: { period: '2022-06' } });
      expect(r.statusCode).toBe(403);
    }
    const open = await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-07' } });
    expect(open.statusCode).toBe(400);
    expect(errorOf(open)).toMatchObject({ field: 'period' });
    expect(errorOf(open).message).toContain('2022-07-25');
  });

  it("generates June's draft with the status engine's counts as of the due date", async () => {
    const r = await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-06' } });
    expect(r.statusCode, r.body).toBe(200);
    draft = r.json<BulletinDetailDto>();
    expect(draft).toMatchObject({ period: '2022-06', status: 'draft', seq: null, asOf: '2022-06-25' });
    expect(draft.title).toBe('关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报');
    const dash = (await call(h, viewer, 'GET', '/api/dashboard?asOf=2022-06-25')).json<Dashboard>();
    expect(draft.counts).toEqual(dash.counts);
    expect(overview(draft)[0]).toBe(
      `截至2022年6月25日，三门县共同富裕“三十”工程改革库共有改革事项 67 项，其中已完成 ${dash.counts.done} 项、进展正常 ${dash.counts.green} 项、预警 ${dash.counts.yellow} 项、逾期 ${dash.counts.red} 项。`,
    );
    const late = draft.sections.find((s) => s.key === 'lateItems')!;
    const table = late.blocks.find((b) => b.kind === 'table');
    // 县农业农村局 leads 低收入农户数字化帮促机制 (item 23), overdue since 2022年3月底前.
    expect(table?.kind === 'table' && table.table.rows.flat().map((c) => c.text)).toEqual(
      expect.arrayContaining(['县农业农村局', '低收入农户数字化帮促机制']),
    );
  });

  it('gives the same content for the same period, even after a report is approved; refresh recomputes', async () => {
    const item = await currentItem(h.t.db, h.orgId, 23);
    await insertReport(h.t.db, h.orgId, {
      item,
      period: '2022-06',
      unitId: await h.unitId('县农业农村局'),
      content: content(item, {
        milestones: { 0: { state: 'done', doneOn: '2022-03-25' } },
        narrative: '低收入农户“幸福清单”已形成。',
      }),
      steps: [
        ['submit', sanmen('2022-06-20')],
        ['approve', sanmen('2022-06-22')],
      ],
    });
    const again = (
      await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-06' } })
    ).json<BulletinDetailDto>();
    expect(again.id).toBe(draft.id);
    expect(again.sections).toEqual(draft.sections);

    const refreshed = await call(h, admin, 'POST', '/api/bulletins', {
      body: { period: '2022-06', refresh: true },
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const r = refreshed.json<BulletinDetailDto>();
    expect(r.id).toBe(draft.id);
    // The kept snapshot holds the item statuses; the milestone figures now count the approved report.
    expect(r.counts).toEqual(draft.counts);
    const done = (b: BulletinDetailDto) => Number(/已完成 (\d+) 个/.exec(overview(b)[1]!)![1]);
    expect(done(r)).toBe(done(draft) + 1);
    draft = r;
  });

  it('keeps drafts from everybody but the office', async () => {
    for (const s of [viewer, reporter]) {
      expect((await call(h, s, 'GET', '/api/bulletins')).json<BulletinsDto>()).toEqual({
        bulletins: [],
        canEdit: false,
      });
      expect((await call(h, s, 'GET', `/api/bulletins/${draft.id}`)).statusCode).toBe(404);
      expect((await call(h, s, 'GET', `/api/bulletins/${draft.id}.docx`)).statusCode).toBe(404);
      expect(
        (await call(h, s, 'PATCH', `/api/bulletins/${draft.id}`, { body: { opening: 'x' } })).statusCode,
      ).toBe(403);
      expect((await call(h, s, 'POST', `/api/bulletins/${draft.id}/publish`)).statusCode).toBe(403);
    }
    const list = (await call(h, admin, 'GET', '/api/bulletins')).json<BulletinsDto>();
    expect(list.canEdit).toBe(true);
    expect(list.bulletins.map((b) => [b.period, b.status])).toEqual([['2022-06', 'draft']]);
  });

  it('lets the office edit the opening of a draft, and previews it as .docx', async () => {
    const r = await call(h, admin, 'PATCH', `/api/bulletins/${draft.id}`, {
      body: { opening: OPENING, redHead: true, issuer: '三门县改革办' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<BulletinDetailDto>()).toMatchObject({
      opening: OPENING,
      openingEdited: true,
      redHead: true,
    });
    const docx = await call(h, admin, 'GET', `/api/bulletins/${draft.id}.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain(OPENING);
    expect(text).toContain('三门县改革工作通报');
  });

  it('publishes once: numbered, stored, downloadable by every signed-in user, never edited again', async () => {
    const r = await call(h, admin, 'POST', `/api/bulletins/${draft.id}/publish`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<BulletinDetailDto>()).toMatchObject({ status: 'published', seq: 1, publishedBy: 'admin' });
    expect((await call(h, admin, 'POST', `/api/bulletins/${draft.id}/publish`)).statusCode).toBe(409);
    const edit = await call(h, admin, 'PATCH', `/api/bulletins/${draft.id}`, { body: { opening: '改' } });
    expect(edit.statusCode).toBe(409);

    expect((await call(h, viewer, 'GET', '/api/bulletins')).json<BulletinsDto>().bulletins).toHaveLength(1);
    const d = await call(h, viewer, 'GET', `/api/bulletins/${draft.id}.docx`);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toContain('wordprocessingml');
    expect(String(d.headers['content-disposition'])).toContain(encodeURIComponent('通报-2022-06.docx'));
    const text = await docxText(d.rawPayload);
    expect(text).toContain(draft.title);
    expect(text).toContain(OPENING);
    const media = Object.keys(unzipSync(new Uint8Array(d.rawPayload))).filter((p) => p.endsWith('.png'));
    expect(media).toHaveLength(2);
    // The stored document is served as it was published, byte for byte.
    const again = await call(h, reporter, 'GET', `/api/bulletins/${draft.id}.docx`);
    expect(Buffer.compare(again.rawPayload, d.rawPayload)).toBe(0);
  });

  it('starts a new draft of a published period from its locked content', async () => {
    const r = (
      await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-06' } })
    ).json<BulletinDetailDto>();
    expect(r.id).not.toBe(draft.id);
    expect(r.status).toBe('draft');
    expect(r.sections).toEqual(draft.sections);
    expect(r.opening).toBe(OPENING);
  });

  it('audits every step', async () => {
    const rows = await listAudit(h.t.db.kysely, h.orgId, { entity: 'bulletin', entityId: draft.id });
    // The test clock stands still: every row has the same time, so they are compared as a set.
    expect(rows.every((a) => a.actor === 'admin')).toBe(true);
    expect(rows.map((a) => a.action).sort()).toEqual(['create', 'update', 'update', 'update']);
    const after = rows.map((a) => a.after as { status?: string; opening?: string | null; seq?: number });
    expect(after).toContainEqual(expect.objectContaining({ opening: OPENING, redHead: true }));
    expect(after).toContainEqual(expect.objectContaining({ status: 'published', seq: 1 }));
  });
});
