import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemsPage } from '../../src/shared/api/index.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, login, openHarness, PASSWORD, type Harness, type Session } from './harness.js';

/**
 * Text search finds two-character Chinese words anywhere in an item — title, measures, goals,
 * achievements, unit names — on both engines, and the whole sign-in → list → item flow works on
 * PostgreSQL as on SQLite.
 */
describe.each(ENGINES)('search and the sign-in flow on %s', (engine) => {
  let h: Harness;
  let s: Session;
  const search = async (q: string, extra = '') => {
    const r = await call(h, s, 'GET', `/api/items?pageSize=200&q=${encodeURIComponent(q)}${extra}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<ItemsPage>().items.map((i) => i.number);
  };

  beforeAll(async () => {
    h = await openHarness(engine);
    s = await login(h, 'leader');
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    // 青蟹: in item 3's goals (“三门青蟹”地标), item 68's measures (共富渔塘), item 69's title.
    ['青蟹', [3, 68, 69]],
    // 保险: titles of 2, 30, 34; measures and goals of 22, 23, 26, 56.
    ['保险', [2, 22, 23, 26, 30, 34, 56]],
    ['托育', [60]],
    // Three characters and more: the trigram index's case on PostgreSQL.
    ['三门青蟹', [3, 69]],
    ['长期护理保险', [34]],
  ])('finds %s in items %j', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it('finds items by the name of a unit named in them, as written or canonical', async () => {
    const byCanonical = await search('县自然资源和规划局');
    expect(byCanonical).toContain(1);
    // Item 1 writes it in full; 县自然资源规划局 is an alias some other items use.
    expect(await search('人民银行三门支行')).toContain(1);
  });

  it('treats % and _ as text, folds full-width letters, ignores ASCII case', async () => {
    const percent = await search('%');
    const hundred = await search('100%');
    expect(hundred.length).toBeGreaterThan(0);
    expect(hundred.every((n) => percent.includes(n))).toBe(true);
    expect(await search('_')).toEqual([]);
    expect(await search('５Ｇ')).toEqual(await search('5G'));
    expect(await search('5g')).toEqual(await search('5G'));
  });

  it('combines search with the other filters and pages', async () => {
    expect(await search('保险', '&key=true')).toEqual([]);
    const r = await call(h, s, 'GET', `/api/items?q=${encodeURIComponent('保险')}&pageSize=3&page=2`);
    expect(r.json<ItemsPage>()).toMatchObject({ total: 7, page: 2 });
    expect(r.json<ItemsPage>().items.map((i) => i.number)).toEqual([26, 30, 34]);
  });

  it('signs in, lists, opens an item and signs out', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nongyeju', password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const session = {
      cookie: String(r.headers['set-cookie']).split(';')[0]!,
      csrf: r.json().csrfToken as string,
    };
    const list = await call(
      h,
      session,
      'GET',
      '/api/items?asOf=2022-06-30&unit=' + h.users.reporter.unitId + '&role=lead',
    );
    const led = list.json<ItemsPage>().items;
    expect(led.length).toBeGreaterThan(0);
    expect(led.every((i) => i.leadUnit?.name === '县农业农村局')).toBe(true);
    const item = await call(h, session, 'GET', `/api/items/${led[0]!.number}?asOf=2022-06-30`);
    expect(item.json()).toMatchObject({
      number: led[0]!.number,
      units: expect.arrayContaining([expect.objectContaining({ canonical: '县农业农村局', role: 'lead' })]),
    });
    expect((await call(h, session, 'DELETE', '/api/session')).statusCode).toBe(204);
    expect((await call(h, session, 'GET', '/api/items')).statusCode).toBe(401);
  });

  if (engine === 'postgres') {
    it('has a trigram index that serves terms of three or more characters', async () => {
      // One connection (a transaction) for the setting and the plan; the table is small, so the
      // planner is told to avoid sequential scans to show which index can serve the condition.
      const plan = await h.t.db.kysely.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const r = await sql<{
          'QUERY PLAN': string;
        }>`explain select id from items where search_text ilike ${'%三门青蟹%'}`.execute(trx);
        return r.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('items_search_trgm_idx');
    });
  }
});
