import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatuses, itemStatus, milestonesByQuarter } from '../../src/domain/status/index.js';
import type { ItemDetail, ItemsPage } from '../../src/shared/api/index.js';
import { call, errorOf, login, openHarness, sanmen, type Harness, type Session } from './harness.js';

const AS_OF = '2022-06-30';

describe('items, dashboard, timeline, findings on the Sanmen plan', () => {
  let h: Harness;
  let s: Session;
  const get = (url: string, headers?: Record<string, string>) =>
    call(h, s, 'GET', url, headers ? { headers } : {});
  const page = async (query: string) => {
    const r = await get(`/api/items?asOf=${AS_OF}&pageSize=200&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<ItemsPage>();
  };
  const numbers = async (query: string) => (await page(query)).items.map((i) => i.number);

  beforeAll(async () => {
    h = await openHarness('sqlite');
    s = await login(h, 'leader');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the current plan 20 at a time in document order, with statuses as of a date', async () => {
    const r = (await get(`/api/items?asOf=${AS_OF}`)).json<ItemsPage>();
    expect(r).toMatchObject({ total: 67, page: 1, pageSize: 20, asOf: AS_OF });
    expect(r.items.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(r.items[0]).toMatchObject({
      number: 1,
      title: '“农户家庭资产池”融资模式（小微金融助富改革）',
      key: true,
      status: 'green',
      leadUnit: { name: '台州银保监分局三门监管组' },
      nextDeadline: { deadline: '2022-09-30', status: 'green' },
      milestones: { total: 2, green: 2 },
    });
    expect(r.items[0]!.coUnits.map((u) => u.name)).toContain('县农业农村局');
    const last = (await get(`/api/items?asOf=${AS_OF}&page=4`)).json<ItemsPage>();
    expect(last.items).toHaveLength(7);
    expect(last.items.at(-1)?.number).toBe(69);
  });

  it('defaults asOf to today in Asia/Shanghai', async () => {
    h.clock.now = new Date('2022-06-30T17:00:00Z'); // 01:00 on 1 July in Sanmen
    try {
      const late = await login(h, 'leader');
      expect((await call(h, late, 'GET', '/api/items')).json<ItemsPage>().asOf).toBe('2022-07-01');
    } finally {
      h.clock.now = new Date('2022-06-30T02:00:00Z');
      // Signing in at 01:00 swept the morning session away as expired: sign in again.
      s = await login(h, 'leader');
    }
  });

  it('filters by key, status, unit and role, quarter and deadline range', async () => {
    expect(await numbers('key=true')).toEqual([1, 9, 10, 11, 14, 16, 52, 58]);
    const plan = (await sanmen()).plan;
    const opts = { asOf: AS_OF, warningDays: 30 };
    const red = plan.items.filter((i) => itemStatus(i, opts).status === 'red').map((i) => i.number);
    expect(await numbers('status=red')).toEqual(red);
    const finance = await h.unitId('县金融中心');
    const led = plan.items.filter((i) =>
      i.units.some((u) => u.canonical === '县金融中心' && u.role === 'lead'),
    );
    expect(await numbers(`unit=${finance}&role=lead`)).toEqual(led.map((i) => i.number));
    const any = plan.items.filter((i) => i.units.some((u) => u.canonical === '县金融中心'));
    expect(await numbers(`unit=${finance}`)).toEqual(any.map((i) => i.number));
    const q3 = plan.items.filter((i) =>
      i.milestones.some((m) => m.deadline >= '2022-07-01' && m.deadline <= '2022-09-30'),
    );
    expect(await numbers('quarter=2022Q3')).toEqual(q3.map((i) => i.number));
    expect(await numbers('deadlineFrom=2022-07-01&deadlineTo=2022-09-30')).toEqual(q3.map((i) => i.number));
    expect(await numbers('key=true&status=green&q=金融')).toEqual(
      plan.items
        .filter((i) => i.key && itemStatus(i, opts).status === 'green')
        .filter((i) => JSON.stringify(i).includes('金融'))
        .map((i) => i.number),
    );
    // Empty parameters, as a form sends them, filter nothing.
    expect((await page('q=&unit=&status=&key=')).total).toBe(67);
  });

  it('sorts by deadline, status and title in both directions; ties keep document order', async () => {
    const byDeadline = (await page('sort=deadline')).items.map((i) => i.nextDeadline?.deadline ?? '~');
    expect(byDeadline).toEqual([...byDeadline].sort());
    const byStatus = (await page('sort=status')).items.map((i) => i.status);
    const rank = { red: 0, yellow: 1, green: 2, done: 3 };
    expect(byStatus.map((x) => rank[x])).toEqual([...byStatus.map((x) => rank[x])].sort((a, b) => a - b));
    const desc = (await page('sort=number&order=desc')).items.map((i) => i.number);
    expect(desc[0]).toBe(69);
    const titles = (await page('sort=title')).items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=201', 'pageSize'],
    ['page=abc', 'page'],
    ['asOf=2022-13-01', 'asOf'],
    ['asOf=2022-02-30', 'asOf'],
    ['status=purple', 'status'],
    ['sort=colour', 'sort'],
    ['unit=not-a-uuid', 'unit'],
    ['quarter=2022Q5', 'quarter'],
    ['key=yes', 'key'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const r = await get(`/api/items?${query}`);
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation', field });
    expect(errorOf(r).message).toContain(field);
  });

  it('says what is wrong in the language asked for', async () => {
    const zh = errorOf(await get('/api/items?asOf=30/06/2022'));
    const en = errorOf(
      await get('/api/items?asOf=30/06/2022', { 'accept-language': 'en-GB,en;q=0.8,zh;q=0.5' }),
    );
    expect(zh.message).toBe('“asOf”不正确：应为 YYYY-MM-DD 格式的有效日期');
    expect(en.message).toBe('Invalid asOf: must be a valid date as YYYY-MM-DD');
  });

  it('shows one item with statuses, unit ids, findings and history', async () => {
    const r = await get(`/api/items/30?asOf=${AS_OF}`);
    expect(r.statusCode).toBe(200);
    const item = r.json<ItemDetail>();
    expect(item).toMatchObject({ number: 30, title: '完善城乡居民基本养老保险制度', asOf: AS_OF });
    expect(item.units.every((u) => /^[0-9a-f-]{36}$/.test(u.id))).toBe(true);
    expect(item.milestones.every((m) => ['red', 'yellow', 'green'].includes(m.status))).toBe(true);
    expect(item.history).toEqual([
      expect.objectContaining({ version: 1, change: 'added', fields: [], sourceFile: 'sanmen-2022.txt' }),
    ]);
    const findings = (await get('/api/findings')).json<{ findings: { item: number | null }[] }>().findings;
    expect(item.findings).toEqual(findings.filter((f) => f.item === 30));
    expect(item.findings.length).toBeGreaterThan(0);
  });

  it('answers 404 for an item number the plan does not have, 400 for one that is not a number', async () => {
    const r = await get('/api/items/999');
    expect(r.statusCode).toBe(404);
    expect(errorOf(r)).toMatchObject({ code: 'not_found', message: '当前改革库中没有序号为 999 的改革事项' });
    expect(errorOf(await get('/api/items/abc'))).toMatchObject({ code: 'validation', field: 'number' });
  });

  it('counts the dashboard as of 2022-06-30 as the status engine does', async () => {
    const d = (await get(`/api/dashboard?asOf=${AS_OF}`)).json();
    const plan = (await sanmen()).plan;
    const opts = { asOf: AS_OF, warningDays: 30 };
    const rated = plan.items.map((i) => itemStatus(i, opts));
    expect(d.counts).toEqual(countStatuses(rated.map((r) => r.status)));
    expect(d.counts).toMatchObject({ total: 67 });
    expect(d.counts.red + d.counts.yellow + d.counts.green).toBe(67);
    expect(d.milestonesByQuarter).toEqual(
      milestonesByQuarter(
        plan.items.flatMap((i, n) =>
          i.milestones.map((m, k) => ({ deadline: m.deadline, status: rated[n]!.milestones[k]!.status })),
        ),
      ),
    );
    expect(d.plan).toMatchObject({ title: '三门县共同富裕“三十”工程改革库', year: 2022, version: 1 });
    expect(d.keyItems.map((i: { number: number }) => i.number)).toEqual([1, 9, 10, 11, 14, 16, 52, 58]);
    const finance = d.unitWorkload.find((u: { name: string }) => u.name === '县金融中心');
    const led = plan.items.filter((i) =>
      i.units.some((u) => u.canonical === '县金融中心' && u.role === 'lead'),
    );
    expect(finance.lead).toBe(led.length);
  });

  it('gives the timeline every quarter from the first deadline to the last', async () => {
    const tl = (await get(`/api/timeline?asOf=${AS_OF}`)).json();
    expect(tl.quarters[0]).toBe('2021Q2');
    expect(tl.quarters.at(-1)).toBe('2025Q4');
    expect(tl.quarters).toHaveLength(19);
    expect(tl.items).toHaveLength(67);
    expect(tl.items[0].milestones[0]).toEqual({
      deadline: '2022-09-30',
      quarter: '2022Q3',
      status: 'green',
      text: '2022年9月底前，“农户家庭资产池”融资达15亿元以上，全县农户小额信用贷款占农户小额贷款比例持续提升',
    });
  });

  it('lists the findings of the current version with counts by code', async () => {
    const f = (await get('/api/findings')).json();
    expect(f.findings).toHaveLength((await sanmen()).plan.findings.length);
    expect(Object.values(f.byCode as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      f.findings.length,
    );
  });

  it('lists units with their items, one unit in detail, and the graph of shared items', async () => {
    const { units } = (await get(`/api/units?asOf=${AS_OF}`)).json<{
      units: { id: string; name: string; lead: number; co: number; aliases: string[] }[];
    }>();
    const agri = units.find((u) => u.name === '县农业农村局')!;
    expect(agri.lead).toBeGreaterThan(0);
    const detail = (await get(`/api/units/${agri.id}?asOf=${AS_OF}`)).json();
    expect(detail.lead).toHaveLength(agri.lead);
    expect(detail.co).toHaveLength(agri.co);
    expect(detail.nextDeadlines.every((d: { deadline: string }) => d.deadline >= AS_OF)).toBe(true);
    const graph = (await get('/api/units/graph')).json();
    const finance = units.find((u) => u.name === '县金融中心')!;
    // Item 1 names both 县农业农村局 and 县金融中心.
    expect(graph.links).toContainEqual(
      expect.objectContaining({
        source: [agri.id, finance.id].sort()[0],
        target: [agri.id, finance.id].sort()[1],
      }),
    );
    expect((await get('/api/units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('exports the filtered list as .xlsx in the request language', async () => {
    const r = await get(`/api/items/export.xlsx?asOf=${AS_OF}&key=true`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('改革事项')}-${AS_OF}.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('改革事项');
    expect(sheet.getRow(1).getCell(3).value).toBe('改革事项');
    expect(sheet.rowCount).toBe(9);
    expect(sheet.getRow(2).getCell(3).value).toBe('“农户家庭资产池”融资模式（小微金融助富改革）');
    expect(sheet.getRow(2).getCell(5).value).toBe('绿（正常）');
  });
});
