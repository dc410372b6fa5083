import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-database.js';
import { call } from './harness.js';
import { openOrgWorld, type OrgWorld } from './org-world.js';

/**
 * /public/, the portal's directory: the orgs with a period public now, in Chinese name order,
 * linking to each one's public page — or, when only one org publishes, that org's page itself.
 * Withdrawing an org's last period takes it out at once.
 */
describe.each(ENGINES)('the public directory on %s', (engine) => {
  let w: OrgWorld;
  const get = (url: string) => w.app.inject({ method: 'GET', url });
  const publish = async (admin: string, period: string, action: 'publish' | 'withdraw' = 'publish') => {
    const s = await w.session(admin);
    const r = await call(w.h, s, 'POST', `/api/publications/${period}/${action}`, {
      ...(action === 'publish' ? { body: { includeScoreboard: false } } : {}),
    });
    expect(r.statusCode, r.body).toBe(200);
  };

  beforeAll(async () => {
    w = await openOrgWorld(engine);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('says nothing is public yet before anything is', async () => {
    const r = await get('/public/');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1>改革进展公开</h1>');
    expect(r.body).toContain('目前还没有公开的内容。');
    expect(r.body).not.toContain('三门县');
  });

  it('sends readers straight to the only org that publishes', async () => {
    await publish('sanmen.admin', '2022-05');
    const r = await get('/public/?lang=en-US');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe(`/public/${w.orgs.sanmen}/?lang=en-US`);
  });

  it('lists every org with a public period, by name, with its latest period', async () => {
    await publish('taizhou.admin', '2022-04');
    await publish('sanmen.admin', '2022-06');
    const r = await get('/public/');
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['cache-control'])).toMatch(/^public, max-age=/);
    const names = [...r.body.matchAll(/class="title" href="\/public\/([^/]+)\/"\s*>([^<]+)</g)].map((m) => [
      m[1],
      m[2],
    ]);
    // 三 (sān) before 台 (tái) in the Chinese order; the province and the others publish nothing.
    expect(names).toEqual([
      [w.orgs.sanmen, '三门县改革进展公开'],
      [w.orgs.taizhou, '台州市改革进展公开'],
    ]);
    expect(r.body).toContain('最近一期：2022年6月');
    expect(r.body).toContain('最近一期：2022年4月');
    const en = await get('/public/?lang=en-US');
    expect(en.body).toContain(`href="/public/${w.orgs.taizhou}/?lang=en-US"`);
    expect(en.body).toContain('<html lang="en-US">');
  });

  it('drops an org once its last public period is withdrawn', async () => {
    await publish('taizhou.admin', '2022-04', 'withdraw');
    const r = await get('/public/');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe(`/public/${w.orgs.sanmen}/`);
  });
});
