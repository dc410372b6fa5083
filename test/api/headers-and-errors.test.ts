import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_DIR } from '../../src/server/app.js';
import { ENGINES } from '../helpers/test-database.js';
import { pdf } from '../helpers/evidence-files.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { call, login, openHarness, PASSWORD, type Harness, type Session } from './harness.js';
import { multipart } from './authz-world.js';

/**
 * Security headers on every kind of answer (the web app, the API, downloads), and answers to
 * requests made to break things that give nothing away: no stack frame, source path, SQL or
 * library message, whatever was sent. web-app.test.ts checks the CSP's wording; this checks
 * where it applies.
 */

/** What must never be in an answer: a stack frame, a source or module path, SQL, a driver's words. */
const LEAKS =
  /\bat [\w.<>]+ \(|\bat file:|\/work\/|node_modules|\.ts:\d+|\.js:\d+|\bSELECT\b|\bINSERT\b|\bUPDATE \w+ SET\b|SQLITE_|sqlite3|syntax error at|\bpg_|relation "|scrypt\$|"stack"|ECONNREFUSED/i;

function noLeak(r: LightMyRequestResponse | { statusCode: number; body: string }, what: string): void {
  expect(r.body, what).not.toMatch(LEAKS);
  expect(r.statusCode, what).toBeLessThan(600);
}

describe.each(ENGINES)('security headers and error answers (%s)', (engine) => {
  let h: Harness;
  let dataDir: string;
  let admin: Session;
  let lead: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-headers-'));
    h = await openHarness(engine, { env: { DATA_DIR: dataDir } });
    admin = await login(h, 'admin');
    lead = await login(h, 'nongyeju');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function evidenceId(): Promise<string> {
    const unitId = await h.unitId('县农业农村局');
    const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
    const led = ledger.items.find((e) => e.lead?.id === unitId)!;
    const item = await currentItem(h.t.db, h.orgId, led.item.number!);
    const report = await insertReport(h.t.db, h.orgId, {
      item,
      period: '2018-01',
      unitId,
      content: content(item),
      steps: [],
    });
    const r = await multipart(h, lead, `/api/reports/${report}/evidence`, '纪要.pdf', pdf());
    return r.json<{ id: string }>().id;
  }

  it('sends the headers on the API, on downloads and on errors: CSP, no framing, nosniff, referrer policy', async () => {
    const answers: [string, LightMyRequestResponse][] = [
      ['api json', await call(h, admin, 'GET', '/api/items')],
      ['api 401', await call(h, null, 'GET', '/api/items')],
      ['api 404', await call(h, admin, 'GET', '/api/no-such-route')],
      ['api 400 before routing', await h.app.inject({ method: 'GET', url: '/api/reports/%E0%A4%A' })],
      ['xlsx download', await call(h, admin, 'GET', '/api/items/export.xlsx')],
      ['docx download', await call(h, admin, 'GET', '/api/findings/report.docx')],
      ['evidence download', await call(h, lead, 'GET', `/api/evidence/${await evidenceId()}`)],
      ['openapi', await call(h, null, 'GET', '/api/openapi.json')],
      ['web app', await h.app.inject({ method: 'GET', url: '/' })],
    ];
    for (const [what, r] of answers) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(r.headers['x-content-type-options'], what).toBe('nosniff');
      expect(r.headers['referrer-policy'], what).toBe('same-origin');
      expect(r.headers['x-powered-by'], what).toBeUndefined();
      expect(r.headers['strict-transport-security'], what).toBeUndefined();
    }
    // A download is a file, never a page of this origin.
    const [, evidence] = answers.find(([w]) => w === 'evidence download')!;
    expect(evidence.headers['content-security-policy']).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'",
    );
    for (const [what, r] of answers.filter(([w]) => w.endsWith('download'))) {
      expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).toBe(200);
      expect(String(r.headers['content-disposition']), what).toMatch(/^attachment;/);
    }
  });

  it('adds HSTS (and upgrade-insecure-requests) only when the deployment is HTTPS (COOKIE_SECURE)', async () => {
    const https = await openHarness(engine, { env: { COOKIE_SECURE: 'true' } });
    try {
      const r = await https.app.inject({ method: 'GET', url: '/api/health' });
      expect(r.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
      expect(String(r.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });

  it('answers malformed requests with 4xx and a message key, never a stack or a library message', async () => {
    const raw = (opts: InjectOptions) => h.app.inject(opts);
    const withSession = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const cases: [string, Promise<LightMyRequestResponse>, number][] = [
      [
        'malformed JSON',
        raw({
          method: 'PATCH',
          url: '/api/org',
          headers: { ...withSession, 'content-type': 'application/json' },
          payload: '{"warningDays":',
        }),
        400,
      ],
      [
        '__proto__ in JSON',
        raw({
          method: 'PATCH',
          url: '/api/org',
          headers: { ...withSession, 'content-type': 'application/json' },
          payload: '{"__proto__":{"admin":true},"warningDays":5}',
        }),
        400,
      ],
      [
        'JSON nested 100 000 deep',
        raw({
          method: 'PATCH',
          url: '/api/org',
          headers: { ...withSession, 'content-type': 'application/json' },
          payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        }),
        400,
      ],
      [
        'JSON over the body limit',
        raw({
          method: 'PATCH',
          url: '/api/org',
          headers: { ...withSession, 'content-type': 'application/json' },
          payload: `{"x":"${'a'.repeat(6 * 1024 * 1024)}"}`,
        }),
        413,
      ],
      [
        'an unknown content type',
        raw({
          method: 'PATCH',
          url: '/api/org',
          headers: { ...withSession, 'content-type': 'application/xml' },
          payload: '<org/>',
        }),
        415,
      ],
      ['a malformed id', call(h, admin, 'GET', "/api/reports/1' OR '1'='1"), 400],
      [
        'a broken percent-encoding',
        raw({ method: 'GET', url: '/api/reports/%E0%A4%A', headers: withSession }),
        400,
      ],
      ['an item number past any integer', call(h, admin, 'GET', '/api/items/1e309'), 400],
      ['an invalid query value', call(h, admin, 'GET', '/api/dashboard?asOf=2022-13-45'), 400],
      [
        'a garbage cookie',
        raw({ method: 'GET', url: '/api/session', headers: { cookie: 'rl_session=%E0%A4%A' } }),
        401,
      ],
      [
        'a cookie with a non-id org',
        raw({ method: 'GET', url: '/api/session', headers: { cookie: "rl_session=x'--.token" } }),
        401,
      ],
      [
        'a 100 kB cookie',
        raw({
          method: 'GET',
          url: '/api/session',
          headers: { cookie: `rl_session=${'a'.repeat(100_000)}.b` },
        }),
        401,
      ],
      [
        'many cookies',
        raw({
          method: 'GET',
          url: '/api/session',
          headers: { cookie: Array.from({ length: 2000 }, (_, i) => `c${i}=v`).join('; ') },
        }),
        401,
      ],
      [
        'an unsupported method',
        raw({ method: 'PROPFIND' as 'GET', url: '/api/items', headers: withSession }),
        404,
      ],
      [
        'sign-in with a 10 kB password',
        raw({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'admin', password: 'x'.repeat(10_000) },
        }),
        400,
      ],
    ];
    for (const [what, pending, status] of cases) {
      const r = await pending;
      expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).toBe(status);
      noLeak(r, what);
      if (r.body)
        expect(r.json<{ error: { code: string; message: string } }>().error.message, what).toBeTruthy();
    }
    // Paths that climb out of the web app's folder get the app (or a 404), never the file.
    for (const url of [
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/api/..%2f..%2fpackage.json',
    ]) {
      const r = await raw({ method: 'GET', url });
      expect(r.body, url).not.toMatch(/root:x:0|"name": "reform-ledger"/);
      noLeak(r, url);
    }
    // Nothing above was taken: the org is as it was.
    expect((await call(h, admin, 'GET', '/api/org')).json<{ warningDays: number }>().warningDays).not.toBe(5);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('never puts a password hash, a session token or another session’s CSRF token in an answer', async () => {
    const token = admin.cookie.split('.').at(-1)!;
    const bodies = await Promise.all(
      ['/api/users', '/api/audit', '/api/audit?entity=session', '/api/session', '/api/audit?entity=user'].map(
        async (url) => (await call(h, admin, 'GET', url)).body,
      ),
    );
    for (const body of bodies) {
      expect(body).not.toContain('scrypt$');
      expect(body).not.toContain(token);
      expect(body).not.toContain(lead.csrf);
      expect(body).not.toMatch(/password_?hash/i);
    }
  });

  it('answers a database failure with a generic message key, nothing of the database', async () => {
    const broken = await openHarness(engine);
    const s = await login(broken, 'admin');
    await broken.t.db.destroy();
    try {
      for (const [method, url] of [
        ['GET', '/api/items'],
        ['GET', '/api/session'],
        ['PATCH', '/api/org'],
      ] as const) {
        const r = await call(broken, s, method, url, method === 'PATCH' ? { body: { warningDays: 9 } } : {});
        expect([500, 503], `${method} ${url}: ${r.body}`).toContain(r.statusCode);
        expect(r.json<{ error: { code: string } }>().error.code).toMatch(/^(internal|db_unavailable)$/);
        noLeak(r, `${method} ${url}`);
      }
      const signIn = await broken.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'admin', password: PASSWORD },
      });
      noLeak(signIn, 'sign-in');
    } finally {
      await broken.app.close();
      await broken.t.cleanup().catch(() => undefined);
    }
  });

  it('lets Node refuse oversized headers before the app (431, no body to leak)', async () => {
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const address = h.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const status = await new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: address.port,
          path: '/api/session',
          headers: { cookie: `rl_session=${'a'.repeat(64 * 1024)}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status.statusCode).toBe(431);
    noLeak(status, 'oversized headers');
  });
});

describe('the built web app runs under the CSP', () => {
  const index = join(DEFAULT_WEB_DIR, 'index.html');

  it.runIf(existsSync(index))('has no inline script or event handler in index.html', () => {
    const html = readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
