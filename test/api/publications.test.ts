import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PublicAtDto,
  PublicationHistoryDto,
  PublicationPeriodDto,
  PublicationsDto,
  PublicationSummaryDto,
} from '../../src/shared/api/publications.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { ENGINES } from '../helpers/test-database.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * 政务公开, the office's API on both engines: publishing a period is one audited action that
 * freezes its public view; republishing bumps the revision; withdrawing takes it off the public
 * site; the history says what was public at any instant; only admins read or write any of it.
 */

describe.each(ENGINES)('publications API on %s', (engine) => {
  let h: Harness;
  let admin: Session;
  let viewer: Session;
  let reporter: Session;
  let target: { itemKey: string; number: number; value: number; unit: string };

  beforeAll(async () => {
    h = await openHarness(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    admin = await login(h, 'admin');
    viewer = await login(h, 'leader');
    reporter = await login(h, 'nongyeju');
    // An approved report with a target's actual: the public view shows the approved figure.
    const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
    const entry = ledger.items.find((e) => e.lead && e.item.targets.some((t) => t.value !== null))!;
    const t = entry.item.targets.find((x) => x.value !== null)!;
    const pos = entry.item.targets.indexOf(t);
    const item = await currentItem(h.t.db, h.orgId, entry.item.number!);
    target = { itemKey: entry.itemKey, number: entry.item.number!, value: t.value!, unit: t.unit };
    await insertReport(h.t.db, h.orgId, {
      item,
      period: '2022-04',
      unitId: entry.lead!.id,
      content: content(item, {
        targets: { [pos]: { actual: String(t.value! / 2), unit: t.unit, reportedOn: '2022-04-20' } },
        narrative: '内部进展说明：不应公开',
      }),
      steps: [
        ['submit', '2022-04-21T02:00:00.000Z'],
        ['approve', '2022-04-22T02:00:00.000Z'],
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const publish = (period: string, includeScoreboard = false, s = admin) =>
    call(h, s, 'POST', `/api/publications/${period}/publish`, { body: { includeScoreboard } });
  /** Moves the clock, signing in again: sessions end a day after sign-in. */
  const at = async (iso: string) => {
    h.clock.now = new Date(iso);
    [admin, viewer, reporter] = await Promise.all([
      login(h, 'admin'),
      login(h, 'leader'),
      login(h, 'nongyeju'),
    ]);
  };

  it('lists the periods that may be published, newest first, and nothing published yet', async () => {
    const r = await call(h, admin, 'GET', '/api/publications');
    expect(r.statusCode).toBe(200);
    const body = r.json<PublicationsDto>();
    expect(body.publications).toEqual([]);
    expect(body.periods.map((p) => p.period)).toEqual([
      '2022-06',
      '2022-05',
      '2022-04',
      '2022-03',
      '2022-02',
      '2022-01',
    ]);
    expect(body.periods[0]!.label).toBe('2022年6月');
    expect(body.publicPath).toBe(`/public/${h.orgId}/`);
  });

  it('publishes a period in one audited action: revision 1, counts, an event, the public page', async () => {
    await at('2022-06-30T02:00:00.000Z');
    const r = await publish('2022-05', true);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json<PublicationSummaryDto>();
    expect(p).toMatchObject({
      period: '2022-05',
      state: 'published',
      revision: 1,
      includeScoreboard: true,
      asOf: '2022-05-25',
      publishedBy: 'admin',
      withdrawnAt: null,
      publicPath: `/public/${h.orgId}/periods/2022-05/`,
    });
    expect(p.counts.total).toBeGreaterThan(60);
    const audit = await listAudit(h.t.db.kysely, h.orgId, { entity: 'publication', entityId: '2022-05' });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['create', 'admin']]);
    const page = await h.app.inject({ method: 'GET', url: p.publicPath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2022年5月');
  });

  it('freezes the approved actual of a target, never the report text', async () => {
    const r = await call(h, admin, 'GET', `/api/publications/public-at?at=2022-06-30T03:00:00Z`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<PublicAtDto>();
    expect(body.periods.map((p) => p.period)).toEqual(['2022-05']);
    const c = body.periods[0]!.content;
    const item = c.items.find((i) => i.itemKey === target.itemKey)!;
    expect(item.targets.some((t) => t.actual === target.value / 2)).toBe(true);
    expect(JSON.stringify(c)).not.toContain('内部进展说明');
    expect(c.scoreboard!.length).toBeGreaterThan(0);
  });

  it('keeps public summaries private until the period is published again', async () => {
    const url = `/api/publications/2022-05/summaries/${target.itemKey}`;
    const set = await call(h, admin, 'PUT', url, { body: { text: '  已完成项目招引，正在推进落地。  ' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      period: '2022-05',
      itemKey: target.itemKey,
      summary: '已完成项目招引，正在推进落地。',
    });
    const view = (await call(h, admin, 'GET', '/api/publications/2022-05')).json<PublicationPeriodDto>();
    const row = view.items.find((i) => i.itemKey === target.itemKey)!;
    expect(row).toMatchObject({ summary: '已完成项目招引，正在推进落地。', publishedSummary: null });
    const before = await h.app.inject({
      method: 'GET',
      url: `/public/${h.orgId}/periods/2022-05/items/${target.number}`,
    });
    expect(before.body).not.toContain('已完成项目招引');

    await at('2022-07-01T02:00:00.000Z');
    const again = await publish('2022-05', false);
    expect(again.statusCode).toBe(200);
    expect(again.json<PublicationSummaryDto>()).toMatchObject({ revision: 2, includeScoreboard: false });
    const after = await h.app.inject({
      method: 'GET',
      url: `/public/${h.orgId}/periods/2022-05/items/${target.number}`,
    });
    expect(after.body).toContain('已完成项目招引，正在推进落地。');
    const board = await h.app.inject({ method: 'GET', url: `/public/${h.orgId}/periods/2022-05/scoreboard` });
    expect(board.statusCode).toBe(404);
    const audit = await listAudit(h.t.db.kysely, h.orgId, { entity: 'public_summary' });
    expect(audit.map((a) => [a.action, a.actor, a.entityId])).toEqual([
      ['create', 'admin', `2022-05/${target.itemKey}`],
    ]);
  });

  it('clears a summary with an empty text; refuses an unknown item and an over-long text', async () => {
    const url = `/api/publications/2022-05/summaries/${target.itemKey}`;
    const cleared = await call(h, admin, 'PUT', url, { body: { text: '   ' } });
    expect(cleared.json()).toMatchObject({ summary: null });
    const unknown = await call(h, admin, 'PUT', '/api/publications/2022-05/summaries/no-such-item', {
      body: { text: '说明' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).field).toBe('itemKey');
    const long = await call(h, admin, 'PUT', url, { body: { text: '长'.repeat(2001) } });
    expect(long.statusCode).toBe(400);
  });

  it('withdraws: the period is gone from the public site (410), the history keeps every step', async () => {
    await at('2022-07-02T02:00:00.000Z');
    const r = await call(h, admin, 'POST', '/api/publications/2022-05/withdraw');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<PublicationSummaryDto>()).toMatchObject({
      state: 'withdrawn',
      revision: 3,
      withdrawnBy: 'admin',
      withdrawnAt: '2022-07-02T02:00:00.000Z',
    });
    const page = await h.app.inject({ method: 'GET', url: `/public/${h.orgId}/periods/2022-05/` });
    expect(page.statusCode).toBe(410);
    const again = await call(h, admin, 'POST', '/api/publications/2022-05/withdraw');
    expect(again.statusCode).toBe(409);
    const never = await call(h, admin, 'POST', '/api/publications/2022-02/withdraw');
    expect(never.statusCode).toBe(404);

    const history = (
      await call(h, admin, 'GET', '/api/publications/history?period=2022-05')
    ).json<PublicationHistoryDto>();
    expect(history.events.map((e) => [e.action, e.revision, e.actor, e.at])).toEqual([
      ['withdraw', 3, 'admin', '2022-07-02T02:00:00.000Z'],
      ['publish', 2, 'admin', '2022-07-01T02:00:00.000Z'],
      ['publish', 1, 'admin', '2022-06-30T02:00:00.000Z'],
    ]);
  });

  it('answers what was public at any instant', async () => {
    const publicAt = async (iso: string) =>
      (
        await call(h, admin, 'GET', `/api/publications/public-at?at=${encodeURIComponent(iso)}`)
      ).json<PublicAtDto>();
    expect((await publicAt('2022-06-29T00:00:00Z')).periods).toEqual([]);
    const first = await publicAt('2022-06-30T12:00:00+08:00');
    expect(first.periods.map((p) => [p.period, p.revision])).toEqual([['2022-05', 1]]);
    expect(first.periods[0]!.content.items.find((i) => i.itemKey === target.itemKey)!.summary).toBeNull();
    const second = await publicAt('2022-07-01T12:00:00Z');
    expect(second.periods.map((p) => p.revision)).toEqual([2]);
    expect(second.periods[0]!.content.items.find((i) => i.itemKey === target.itemKey)!.summary).toBe(
      '已完成项目招引，正在推进落地。',
    );
    expect((await publicAt('2022-07-02T02:00:00Z')).periods).toEqual([]);
    const bad = await call(h, admin, 'GET', '/api/publications/public-at?at=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('republishes a withdrawn period; two publishes at once never share a revision', async () => {
    await at('2022-07-03T02:00:00.000Z');
    const results = await Promise.all([publish('2022-05'), publish('2022-05')]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([200, 409], r.body).toContain(r.statusCode);
    const revisions = ok.map((r) => r.json<PublicationSummaryDto>().revision);
    expect(new Set(revisions).size).toBe(revisions.length);
    const list = (await call(h, admin, 'GET', '/api/publications')).json<PublicationsDto>();
    expect(list.publications).toHaveLength(1);
    expect(list.publications[0]).toMatchObject({ state: 'published', revision: 3 + ok.length });
    const events = (await call(h, admin, 'GET', '/api/publications/history')).json<PublicationHistoryDto>()
      .events;
    expect(events).toHaveLength(3 + ok.length);
    const page = await h.app.inject({ method: 'GET', url: `/public/${h.orgId}/periods/2022-05/` });
    expect(page.statusCode).toBe(200);
  });

  it('refuses a malformed period, a period not begun, and another cadence', async () => {
    expect((await publish('2022-13')).statusCode).toBe(400);
    const future = await publish('2022-08');
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).field).toBe('period');
    expect((await publish('2022Q1')).statusCode).toBe(400);
    expect((await call(h, admin, 'POST', '/api/publications/2022-06/publish', { body: {} })).statusCode).toBe(
      400,
    );
  });

  it('lets only the office read or write: viewer and reporter get 403, anonymous 401', async () => {
    for (const s of [viewer, reporter]) {
      expect((await call(h, s, 'GET', '/api/publications')).statusCode).toBe(403);
      expect((await call(h, s, 'GET', '/api/publications/2022-05')).statusCode).toBe(403);
      expect((await publish('2022-06', false, s)).statusCode).toBe(403);
      expect((await call(h, s, 'POST', '/api/publications/2022-05/withdraw')).statusCode).toBe(403);
    }
    expect((await call(h, null, 'GET', '/api/publications/history')).statusCode).toBe(401);
    const list = (await call(h, admin, 'GET', '/api/publications')).json<PublicationsDto>();
    expect(list.publications.map((p) => p.period)).toEqual(['2022-05']);
  });
});
