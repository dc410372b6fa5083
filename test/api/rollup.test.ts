import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Dashboard,
  ItemsPage,
  OrgTreeDto,
  OrgUserDto,
  ReportSummary,
  RollupDto,
  RollupSearchDto,
  RollupThemesDto,
} from '../../src/shared/api/index.js';
import { ENGINES } from '../helpers/test-database.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { findUnit } from '../../src/store/units.repository.js';
import { call, errorOf, PASSWORD } from './harness.js';
import { LEAD_UNIT, openOrgWorld, username, type OrgWorld } from './org-world.js';

/**
 * The roll-up views and the org admin API (issue 9) through HTTP, on both engines: numbers equal
 * each org's own dashboard, the ranking, caching that follows the data, themes across counties,
 * cross-org search and export within what the caller may read, a reader from above seeing no
 * drafts, creating orgs, moving users (their sessions end) and the read-below grant.
 */

const AS_OF = '2022-06-30';
type ReportsPage = { reports: ReportSummary[]; total: number };

describe.each(ENGINES)('roll-up and org admin on %s', (engine) => {
  let w: OrgWorld;
  const get = async <T>(who: string, url: string): Promise<T> => {
    const r = await call(w.h, await w.session(who), 'GET', url);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json<T>();
  };
  const cityViewer = username('taizhou', 'viewer', true);
  const provinceAdmin = username('province', 'admin', false);

  beforeAll(async () => {
    w = await openOrgWorld(engine);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it("gives each county its own dashboard's numbers and totals that are their sums", async () => {
    const r = await get<RollupDto>(cityViewer, `/api/rollup?asOf=${AS_OF}`);
    expect(r.org).toEqual({ id: w.orgs.taizhou, name: '台州市', type: 'city' });
    expect(r.rows.map((x) => x.org.name).sort()).toEqual(['三门县', '天台县']);
    const dash = async (id: string) =>
      (await get<Dashboard>(cityViewer, `/api/dashboard?org=${id}&asOf=${AS_OF}`)).counts;
    const sanmen = r.rows.find((x) => x.org.id === w.orgs.sanmen)!;
    expect(sanmen.own.items).toEqual(await dash(w.orgs.sanmen));
    expect(sanmen.plan?.title).toBeTruthy();
    // 三门县's subtree holds 海润街道: twice the county's items.
    expect(sanmen.subtree.items.total).toBe(2 * sanmen.own.items.total);
    expect(sanmen.subtree.orgs).toBe(2);
    const below = [w.orgs.sanmen, w.orgs.tiantai, w.orgs.hairun];
    const sum = { red: 0, yellow: 0, green: 0, done: 0, total: 0 };
    for (const id of below) {
      const c = await dash(id);
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
    }
    expect(r.totals.items).toEqual(sum);
    expect(r.self.items).toEqual(await dash(w.orgs.taizhou));
  });

  it('ranks every county of the province (赛马) by score, the unscored last', async () => {
    const r = await get<RollupDto>(provinceAdmin, `/api/rollup?asOf=${AS_OF}&scope=descendants&type=county`);
    expect(r.rows.map((x) => x.org.type)).toEqual(['county', 'county', 'county', 'county']);
    expect(r.weights).toEqual({ done: 40, onTime: 30, reports: 30, returnedPenalty: 10 });
    const ranked = r.rows.filter((x) => x.rank !== null);
    expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score!).toBeGreaterThanOrEqual(ranked[i]!.score!);
  });

  it('follows the data: an approved report in a county changes the roll-up at once', async () => {
    const before = await get<RollupDto>(cityViewer, `/api/rollup?asOf=${AS_OF}`);
    const item = await currentItem(w.t.db, w.orgs.tiantai, 1);
    const unit = (await findUnit(w.t.db.kysely, w.orgs.tiantai, LEAD_UNIT))!;
    await insertReport(w.t.db, w.orgs.tiantai, {
      item,
      period: '2022-05',
      unitId: unit.id,
      content: content(item, { milestones: { 0: { state: 'done', doneOn: '2022-05-20' } } }),
      steps: [
        ['submit', '2022-06-05T02:00:00.000Z'],
        ['approve', '2022-06-06T02:00:00.000Z'],
      ],
    });
    const after = await get<RollupDto>(cityViewer, `/api/rollup?asOf=${AS_OF}`);
    const tiantai = after.rows.find((x) => x.org.id === w.orgs.tiantai)!;
    expect(tiantai.own.lastApproved).toMatchObject({
      period: '2022-05',
      itemKey: item.itemKey,
      org: { name: '天台县' },
    });
    expect(tiantai.own.reports.submitted).toBe(1);
    expect(after.totals.lastApproved?.org.name).toBe('天台县');
    expect(before.rows.find((x) => x.org.id === w.orgs.tiantai)!.own.lastApproved).toBeNull();
  });

  it('shows a caller without the grant their own org only: no rows, no orgs below', async () => {
    const who = username('taizhou', 'viewer', false);
    const r = await get<RollupDto>(who, `/api/rollup?asOf=${AS_OF}`);
    expect(r.rows).toEqual([]);
    expect(r.totals.orgs).toBe(0);
    const tree = await get<OrgTreeDto>(who, '/api/orgs');
    expect(tree.readBelow).toBe(false);
    expect(tree.orgs.map((o) => o.name)).toEqual(['台州市']);
    const search = await get<RollupSearchDto>(who, '/api/rollup/search?q=%E9%9D%92%E8%9F%B9');
    expect(search.byOrg.map((o) => o.org.name)).toEqual(['台州市']);
    const refused = await call(w.h, await w.session(who), 'GET', `/api/rollup?org=${w.orgs.sanmen}`);
    expect(refused.statusCode).toBe(404);
  });

  it('groups the same reforms across counties into themes', async () => {
    const r = await get<RollupThemesDto>(cityViewer, `/api/rollup/themes?asOf=${AS_OF}`);
    expect(r.themes.length).toBeGreaterThan(10);
    // The city and its three orgs below hold the same plan: each theme spans all four.
    expect(r.themes.every((t) => t.orgCount === 4)).toBe(true);
    const first = r.themes[0]!;
    expect(first.counts.total).toBe(first.items.length);
    expect(new Set(first.items.map((i) => i.org.name))).toEqual(
      new Set(['台州市', '三门县', '天台县', '海润街道']),
    );
    const strict = await get<RollupThemesDto>(cityViewer, `/api/rollup/themes?asOf=${AS_OF}&minOrgs=5`);
    expect(strict.themes).toEqual([]);
  });

  it('searches across the orgs the caller may read, matching each org’s own search', async () => {
    const q = encodeURIComponent('青蟹');
    const r = await get<RollupSearchDto>(provinceAdmin, `/api/rollup/search?q=${q}&pageSize=200`);
    expect(r.byOrg).toHaveLength(8);
    for (const { org, count } of r.byOrg) {
      const own = await get<ItemsPage>(provinceAdmin, `/api/items?org=${org.id}&q=${q}`);
      expect(count, org.name).toBe(own.total);
    }
    expect(r.total).toBe(r.hits.length);
    const wenzhou = await get<RollupSearchDto>(
      provinceAdmin,
      `/api/rollup/search?org=${w.orgs.wenzhou}&q=${q}&self=false`,
    );
    expect(wenzhou.byOrg.map((o) => o.org.name).sort()).toEqual(['平阳县', '永嘉县']);
    const red = await get<RollupSearchDto>(
      provinceAdmin,
      `/api/rollup/search?status=red&type=county&pageSize=5`,
    );
    expect(red.hits.every((h) => h.item.status === 'red' && h.org.type === 'county')).toBe(true);
    expect(red.hits.length).toBeLessThanOrEqual(5);
  });

  it('exports the subtree as .xlsx with formula-like names neutralised', async () => {
    const admin = await w.session(username('taizhou', 'admin', false));
    const made = await call(w.h, admin, 'POST', '/api/orgs', {
      body: { name: '=SUM(A1:A9)', type: 'county' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const r = await call(
      w.h,
      admin,
      'GET',
      `/api/rollup/export.xlsx?asOf=${AS_OF}&q=${encodeURIComponent('青蟹')}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const [orgsSheet, itemsSheet] = wb.worksheets;
    const names = orgsSheet!.getColumn(1).values.slice(2).map(String);
    expect(names).toEqual(['台州市', "'=SUM(A1:A9)", '三门县', '海润街道', '天台县']);
    for (const row of orgsSheet!.getSheetValues().slice(2)) {
      for (const cell of (row as unknown[]).slice(1))
        expect(typeof cell === 'object' && cell !== null).toBe(false);
    }
    expect(itemsSheet!.rowCount).toBeGreaterThan(1);
  });

  it('lets a reader from above see no drafts or returned reports of a county', async () => {
    const item = await currentItem(w.t.db, w.orgs.sanmen, 2);
    const unit = (await findUnit(w.t.db.kysely, w.orgs.sanmen, LEAD_UNIT))!;
    const draft = await insertReport(w.t.db, w.orgs.sanmen, {
      item,
      period: '2022-04',
      unitId: unit.id,
      content: content(item, { narrative: '草稿' }),
      steps: [],
    });
    const own = await get<ReportsPage>(username('sanmen', 'admin', false), '/api/reports');
    expect(own.reports.map((x) => x.id)).toContain(draft);
    const fromAbove = await get<ReportsPage>(cityViewer, `/api/reports?org=${w.orgs.sanmen}`);
    expect(fromAbove.reports.map((x) => x.id)).not.toContain(draft);
    const one = await call(
      w.h,
      await w.session(username('taizhou', 'admin', false)),
      'GET',
      `/api/reports/${draft}?org=${w.orgs.sanmen}`,
    );
    expect(one.statusCode).toBe(404);
  });

  it('lets an admin create orgs below theirs only, by the tree’s type rules', async () => {
    const admin = await w.session(username('taizhou', 'admin', false));
    const bad = await call(w.h, admin, 'POST', '/api/orgs', { body: { name: '某市', type: 'city' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('type');
    const outside = await call(w.h, admin, 'POST', '/api/orgs', {
      body: { name: '某县', type: 'county', parentId: w.orgs.wenzhou },
    });
    expect(outside.statusCode).toBe(404);
    const taken = await call(w.h, admin, 'POST', '/api/orgs', { body: { name: '永嘉县', type: 'county' } });
    expect(taken.statusCode).toBe(409);
    const town = await call(w.h, admin, 'POST', '/api/orgs', {
      body: { name: '沙柳街道', type: 'town', parentId: w.orgs.tiantai },
    });
    expect(town.statusCode, town.body).toBe(201);
    expect(town.json()).toMatchObject({
      path: ['台州市', '天台县', '沙柳街道'],
      depth: 2,
      parentId: w.orgs.tiantai,
    });
    const tree = await get<OrgTreeDto>(username('taizhou', 'admin', false), '/api/orgs');
    expect(tree.manage).toBe(true);
    expect(tree.orgs.map((o) => o.name)).toContain('沙柳街道');
  });

  it('moves a user between orgs it manages (sessions end) and sets the read-below grant', async () => {
    const cityAdmin = await w.session(username('taizhou', 'admin', false));
    const who = username('taizhou', 'viewer', false);
    const victim = await w.session(who);
    const users = (
      await get<{ users: OrgUserDto[] }>(
        username('taizhou', 'admin', false),
        `/api/orgs/${w.orgs.taizhou}/users`,
      )
    ).users;
    const target = users.find((u) => u.username === who)!;
    expect(target.readBelowEffective).toBe(false);

    const granted = await call(w.h, cityAdmin, 'PUT', `/api/orgs/users/${target.id}/read-below`, {
      body: { readBelow: true },
    });
    expect(granted.json<OrgUserDto>().readBelowEffective).toBe(true);
    expect((await call(w.h, victim, 'GET', `/api/dashboard?org=${w.orgs.sanmen}`)).statusCode).toBe(200);

    // Into 三门县 as a reporter: a unit of 三门县 is required.
    const noUnit = await call(w.h, cityAdmin, 'POST', `/api/orgs/users/${target.id}/move`, {
      body: { orgId: w.orgs.sanmen, role: 'reporter' },
    });
    expect(noUnit.statusCode).toBe(400);
    expect(errorOf(noUnit).field).toBe('unitId');
    const outside = await call(w.h, cityAdmin, 'POST', `/api/orgs/users/${target.id}/move`, {
      body: { orgId: w.orgs.yongjia },
    });
    expect(outside.statusCode).toBe(404);
    const unit = (await findUnit(w.t.db.kysely, w.orgs.sanmen, LEAD_UNIT))!;
    const moved = await call(w.h, cityAdmin, 'POST', `/api/orgs/users/${target.id}/move`, {
      body: { orgId: w.orgs.sanmen, role: 'reporter', unitId: unit.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<OrgUserDto>()).toMatchObject({
      org: { name: '三门县' },
      role: 'reporter',
      readBelow: false,
    });
    // The old session is gone; signing in again lands in 三门县.
    expect((await call(w.h, victim, 'GET', '/api/org')).statusCode).toBe(401);
    const again = await w.h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: who, password: PASSWORD },
    });
    expect(again.json<{ user: { org: { name: string } } }>().user.org.name).toBe('三门县');

    // A county admin cannot reach users above it, nor move themself.
    const countyAdmin = await w.session(username('sanmen', 'admin', false));
    const up = users.find((u) => u.username === username('taizhou', 'viewer', true))!;
    expect(
      (
        await call(w.h, countyAdmin, 'PUT', `/api/orgs/users/${up.id}/read-below`, {
          body: { readBelow: false },
        })
      ).statusCode,
    ).toBe(404);
    const me = (
      await get<{ users: OrgUserDto[] }>(
        username('sanmen', 'admin', false),
        `/api/orgs/${w.orgs.sanmen}/users`,
      )
    ).users.find((u) => u.username === username('sanmen', 'admin', false))!;
    expect(
      (
        await call(w.h, countyAdmin, 'POST', `/api/orgs/users/${me.id}/move`, {
          body: { orgId: w.orgs.hairun },
        })
      ).statusCode,
    ).toBe(403);
  });
});
