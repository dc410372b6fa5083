/**
 * The built web app under the server's own Content-Security-Policy (script-src 'self', no
 * inline script; style-src 'self' 'unsafe-inline' for antd's CSS-in-JS): every page renders
 * and the browser reports no violation — an inline script Vite or a library slipped in would
 * be blocked here exactly as in production. The API documentation page too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { ADMIN, startTestServer, type TestServer } from './test-server.js';

/** Runs in every page before its own scripts: collects what the CSP blocked. */
const WATCH = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  });
})()`;

const PAGES = [
  '/',
  '/items',
  '/items/1',
  '/units',
  '/scoreboard',
  '/timeline',
  '/findings',
  '/bulletins',
  '/review',
  '/audit',
  '/admin',
  '/reminders',
  '/import',
];

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

async function violations(): Promise<string[]> {
  return page.evaluate('window.__csp || []') as Promise<string[]>;
}

describe('the web app under its Content-Security-Policy', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
    ({ context } = await newGuardedContext(browser, server.url));
    await context.addInitScript(WATCH);
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        consoleErrors.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('serves the page with the policy, and the login page runs under it', async () => {
    const response = await page.goto('/login');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(await violations()).toEqual([]);
  });

  it.each(PAGES)(
    '%s renders with its styles and nothing blocked',
    async (path) => {
      await page.goto(path);
      await page.locator('main').first().waitFor();
      // antd's CSS-in-JS (inline <style> elements, allowed by style-src) took effect: its layout is
      // a flex box, which it would not be with the styles blocked.
      await expect
        .poll(() => page.evaluate(`getComputedStyle(document.querySelector('.ant-layout')).display`))
        .toBe('flex');
      expect(await violations(), path).toEqual([]);
      expect(consoleErrors, path).toEqual([]);
    },
    90_000,
  );

  it('would see a violation: an inline script injected into the page is blocked and reported', async () => {
    await page.goto('/');
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.appendChild(s);
    })()`);
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate('window.__ran === true')).toBe(false);
  });

  it('the API documentation page runs under it too', async () => {
    await page.goto('/api/docs/');
    await page.locator('.swagger-ui').first().waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(await violations()).toEqual([]);
  });
});
