import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openHarness, type Harness } from './harness.js';

/** The web app's files, the SPA fallback, the API's 404, security headers, the OpenAPI pages. */
describe('serving the web app and the documentation', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("app")');
    h = await openHarness('sqlite', { webDir: dir });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/items/3', '/units/abc?asOf=2022-06-30']) {
      const r = await h.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('<div id="root">');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown /api path with a JSON 404, not the web app', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['POST', '/api/items'],
      ['GET', '/api'],
    ] as const) {
      const r = await h.app.inject({ method, url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
  });

  it('sends a CSP without inline scripts, no framing, no sniffing, and no-store on the API', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const api = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('publishes the OpenAPI document and a browsable page from local files', async () => {
    const doc = (await call(h, null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/items');
    const items = doc.paths['/api/items'].get;
    expect(items.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'unit', 'status', 'quarter', 'asOf', 'page', 'pageSize']),
    );
    expect(doc.components.schemas.ItemSummary).toBeDefined();
    const page = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(page.body).not.toMatch(/https?:\/\/(?!127)/);
    const asset = await h.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });
});

describe('without a built web app', () => {
  it('says how to build it', async () => {
    const h = await openHarness('sqlite', { webDir: join(tmpdir(), 'rl-no-such-dir') });
    try {
      const r = await h.app.inject({ method: 'GET', url: '/items', headers: { 'accept-language': 'en' } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('npm run build');
      expect(r.body).not.toContain('<script');
    } finally {
      await h.close();
    }
  });
});
