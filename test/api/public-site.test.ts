import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicAtDto, PublicationPeriodDto } from '../../src/shared/api/publications.js';
import { ENGINES } from '../helpers/test-database.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * The public site (/public/:orgId/…, /s/:code) as a citizen's browser meets it: status codes,
 * caching (Cache-Control, ETag, 304), the language, no cookie, the Atom feed, short links,
 * withdrawn periods gone, escaping, and its own rate limit. Both engines for the core paths.
 */

const get = (h: Harness, url: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers });

function hrefs(body: string): string[] {
  return [...body.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

function expectPublicHtml(r: LightMyRequestResponse, status = 200): void {
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(r.headers['set-cookie']).toBeUndefined();
  expect(String(r.headers['cache-control'])).toMatch(/^public, max-age=\d+/);
}

describe.each(ENGINES)('public site on %s', (engine) => {
  let h: Harness;
  let admin: Session;
  let base: string;
  let itemKey: string;

  beforeAll(async () => {
    h = await openHarness(engine);
    admin = await login(h, 'admin');
    base = `/public/${h.orgId}`;
    const view = (await call(h, admin, 'GET', '/api/publications/2022-05')).json<PublicationPeriodDto>();
    itemKey = view.items.find((i) => i.number === 1)!.itemKey;
    await call(h, admin, 'PUT', `/api/publications/2022-05/summaries/${itemKey}`, {
      body: { text: '<script>alert("x")</script> 已完成摸底调查。' },
    });
    for (const [period, includeScoreboard] of [
      ['2022-05', true],
      ['2022-04', false],
      ['2022-03', false],
    ] as const) {
      const r = await call(h, admin, 'POST', `/api/publications/${period}/publish`, {
        body: { includeScoreboard },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    await call(h, admin, 'POST', '/api/publications/2022-03/withdraw');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('serves the index: the published periods, cacheable, no cookie, Chinese by default', async () => {
    const r = await get(h, `${base}/`);
    expectPublicHtml(r);
    expect(r.body).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(r.body).toContain('三门县改革进展公开');
    expect(r.body).toContain(`href="${base}/periods/2022-05/"`);
    expect(r.body).toContain(`href="${base}/periods/2022-04/"`);
    expect(r.body).not.toContain('2022-03/');
    expect(r.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(r.body).not.toMatch(/<script/i);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await get(h, base)).statusCode).toBe(301);
    expect((await get(h, base)).headers.location).toBe(`${base}/`);
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await get(h, `${base}/periods/2022-05/`);
    const etag = String(first.headers.etag);
    const again = await get(h, `${base}/periods/2022-05/`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(String(again.headers['cache-control'])).toMatch(/^public/);
    expect(
      (await get(h, `${base}/periods/2022-05/`, { 'if-none-match': `"x", ${etag.replace(/^W\//, '')}` }))
        .statusCode,
    ).toBe(304);
    expect((await get(h, `${base}/periods/2022-05/`, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const zipped = await get(h, `${base}/periods/2022-05/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
    expect(zipped.rawPayload.length).toBeLessThan(first.rawPayload.length / 2);
    expect(
      (await get(h, `${base}/periods/2022-05/`, { 'accept-encoding': 'gzip;q=0' })).headers[
        'content-encoding'
      ],
    ).toBeUndefined();
    const head = await h.app.inject({ method: 'HEAD', url: `${base}/periods/2022-05/` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('speaks English with ?lang=en-US, and every link keeps the language', async () => {
    const r = await get(h, `${base}/periods/2022-05/?lang=en-US`);
    expectPublicHtml(r);
    expect(r.body).toContain('<html lang="en-US">');
    expect(r.body).toContain('Reform progress, 2022-05');
    const own = hrefs(r.body).filter((u) => u.startsWith('/public/') && !u.endsWith('.css'));
    const switched = own.filter((u) => !u.includes('lang=en-US'));
    // The language switch is the one link back to Chinese.
    expect(switched).toEqual([`${base}/periods/2022-05/`]);
    const zh = await get(h, `${base}/periods/2022-05/`);
    expect(zh.body).toContain(`href="${base}/periods/2022-05/?lang=en-US"`);
  });

  it('filters a period by status with plain links; counts agree with the list', async () => {
    const all = await get(h, `${base}/periods/2022-05/`);
    const cards = (body: string) => (body.match(/<a class="title" href="[^"]*\/items\//g) ?? []).length;
    const total = cards(all.body);
    expect(total).toBeGreaterThan(60);
    let sum = 0;
    for (const status of ['red', 'yellow', 'green', 'done']) {
      const r = await get(h, `${base}/periods/2022-05/?status=${status}`);
      expectPublicHtml(r);
      expect(r.body).toContain(`aria-current="page"`);
      sum += cards(r.body);
    }
    expect(sum).toBe(total);
    expect((await get(h, `${base}/periods/2022-05/?status=purple`)).statusCode).toBe(404);
  });

  it('shows an item: statuses in words, the office summary escaped, a QR code and a short link', async () => {
    const r = await get(h, `${base}/periods/2022-05/items/1`);
    expectPublicHtml(r);
    expect(r.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 已完成摸底调查。');
    expect(r.body).not.toContain('<script>alert');
    expect(r.body).toMatch(
      /<img\s+src="[^"]+\/items\/1\/qr\.svg"\s+width="168"\s+height="168"\s+alt="[^"]+二维码[^"]+"/,
    );
    const short = /href="(http:\/\/localhost(?::80)?\/s\/([a-z0-9]{7}))"/.exec(r.body);
    expect(short, 'short link').not.toBeNull();
    const qr = await get(h, `${base}/periods/2022-05/items/1/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/svg+xml');
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qr.body).not.toMatch(/<script/i);

    const redirect = await get(h, `/s/${short![2]}`);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`${base}/periods/2022-05/items/1`);
    expect(redirect.headers['set-cookie']).toBeUndefined();
    expect((await get(h, `/s/${short![2]}?lang=en-US`)).headers.location).toBe(
      `${base}/periods/2022-05/items/1?lang=en-US`,
    );
    expect((await get(h, '/s/zzzzzzz')).statusCode).toBe(404);
    expect((await get(h, '/s/<bad>')).statusCode).toBe(404);
  });

  it('publishes the scoreboard only with the period that includes it', async () => {
    const board = await get(h, `${base}/periods/2022-05/scoreboard`);
    expectPublicHtml(board);
    expect(board.body).toContain('<caption id="board-caption">');
    expect((await get(h, `${base}/periods/2022-04/scoreboard`)).statusCode).toBe(404);
    expect((await get(h, `${base}/periods/2022-04/`)).body).not.toContain('/scoreboard"');
  });

  it('says a withdrawn period is gone (410), an unpublished one or an unknown org is not found (404)', async () => {
    const gone = await get(h, `${base}/periods/2022-03/`);
    expectPublicHtml(gone, 410);
    expect(gone.body).toContain('已撤回');
    expect((await get(h, `${base}/periods/2022-03/items/1`)).statusCode).toBe(410);
    expectPublicHtml(await get(h, `${base}/periods/2022-02/`), 404);
    expectPublicHtml(await get(h, '/public/00000000-0000-0000-0000-000000000000/'), 404);
    expectPublicHtml(await get(h, `${base}/periods/2022-05/items/9999`), 404);
    const stray = await get(h, `${base}/no/such/page`);
    expectPublicHtml(stray, 404);
    expect(stray.body).toContain('页面不存在');
  });

  it('serves an Atom feed of the published periods that parses as XML', async () => {
    const r = await get(h, `${base}/feed.atom`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(XMLValidator.validate(r.body)).toBe(true);
    const feed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(r.body) as {
      feed: {
        title: string;
        entry: { title: string; id: string; updated: string; link: { '@_href': string }[] }[];
      };
    };
    expect(feed.feed.title).toBe('三门县改革进展公开');
    expect(feed.feed.entry.map((e) => e.title)).toEqual(['2022年5月改革进展', '2022年4月改革进展']);
    for (const e of feed.feed.entry) {
      expect(e.link[0]!['@_href']).toMatch(new RegExp(`^http://localhost(:80)?${base}/periods/2022-0[45]/$`));
      expect(Date.parse(e.updated)).not.toBeNaN();
    }
  });

  it('serves the stylesheet as a hashed file cached for a year', async () => {
    const page = await get(h, `${base}/`);
    const css = hrefs(page.body).find((u) => u.endsWith('.css'))!;
    expect(css).toMatch(/^\/public\/assets\/portal\.[0-9a-f]{12}\.css$/);
    const r = await get(h, css);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(h, '/public/assets/portal.000000000000.css')).statusCode).toBe(404);
  });

  it('keeps the frozen view: a summary edited after publishing is not public until republished', async () => {
    await call(h, admin, 'PUT', `/api/publications/2022-05/summaries/${itemKey}`, {
      body: { text: '新的说明' },
    });
    expect((await get(h, `${base}/periods/2022-05/items/1`)).body).not.toContain('新的说明');
    const at = (
      await call(
        h,
        admin,
        'GET',
        `/api/publications/public-at?at=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).json<PublicAtDto>();
    expect(at.periods.map((p) => p.period)).toEqual(['2022-05', '2022-04']);
  });
});

describe('public site: bulletins, rate limit, base URL', () => {
  let h: Harness;
  let admin: Session;
  let base: string;

  beforeAll(async () => {
    h = await openHarness('sqlite', {
      env: { PUBLIC_RATE_PER_MINUTE: '40', PUBLIC_BASE_URL: 'https://gk.sanmen.gov.cn/' },
    });
    admin = await login(h, 'admin');
    base = `/public/${h.orgId}`;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('offers a bulletin for download only once its period is published with it', async () => {
    const draft = (await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-05' } })).json<{
      id: string;
    }>();
    const other = (await call(h, admin, 'POST', '/api/bulletins', { body: { period: '2022-04' } })).json<{
      id: string;
    }>();
    await call(h, admin, 'POST', `/api/publications/2022-05/publish`, { body: { includeScoreboard: false } });
    // The draft is not listed; after it is published internally it is still not public…
    expect((await get(h, `${base}/bulletins/${draft.id}.docx`)).statusCode).toBe(404);
    expect((await call(h, admin, 'POST', `/api/bulletins/${draft.id}/publish`)).statusCode).toBe(200);
    expect((await get(h, `${base}/bulletins/${draft.id}.docx`)).statusCode).toBe(404);
    // …until the period is published again.
    await call(h, admin, 'POST', `/api/publications/2022-05/publish`, { body: { includeScoreboard: false } });
    const list = await get(h, `${base}/bulletins`);
    expectPublicHtml(list);
    expect(list.body).toContain(`${base}/bulletins/${draft.id}.docx`);
    const docx = await get(h, `${base}/bulletins/${draft.id}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(String(docx.headers['content-disposition'])).toContain('attachment');
    expect(
      (await get(h, `${base}/bulletins/${draft.id}.docx`, { 'if-none-match': String(docx.headers.etag) }))
        .statusCode,
    ).toBe(304);
    // A bulletin of a period that is not public: never.
    await call(h, admin, 'POST', `/api/bulletins/${other.id}/publish`);
    expect((await get(h, `${base}/bulletins/${other.id}.docx`)).statusCode).toBe(404);
  }, 60_000);

  it('writes absolute addresses from PUBLIC_BASE_URL, whatever the Host header says', async () => {
    const r = await get(h, `${base}/periods/2022-05/items/1`, { host: 'evil.example' });
    expect(r.body).toMatch(/href="https:\/\/gk\.sanmen\.gov\.cn\/s\/[a-z0-9]{7}"/);
    expect(r.body).not.toContain('evil.example');
  });

  it('limits each client on its own counter: 429 past the limit, the office API unaffected', async () => {
    const ip = { remoteAddress: '10.1.2.3' };
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      statuses.push((await h.app.inject({ method: 'GET', url: `${base}/`, ...ip })).statusCode);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(40);
    const limited = await h.app.inject({ method: 'GET', url: `${base}/`, ...ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['cache-control']).toBe('no-store');
    expect(limited.body).toContain('访问过于频繁');
    // Another reader is not limited by the first; the office's API has no share in the counter.
    expect(
      (await h.app.inject({ method: 'GET', url: `${base}/`, remoteAddress: '10.1.2.4' })).statusCode,
    ).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/health', ...ip })).statusCode).toBe(200);
    expect((await call(h, admin, 'GET', '/api/publications')).statusCode).toBe(200);
  });
});
