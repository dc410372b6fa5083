/**
 * Users who ask their system for reduced motion get the same app: antd's popups (a Select's
 * list, the DatePicker's calendar) must open on screen. The app's reduced-motion CSS once cut
 * every animation to 0.01 ms, and antd's popups then stayed parked far off screen, where they
 * wait until their opening animation has run — the filters and date pickers simply did nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, VIEWPORT } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { signIn } from './sign-in.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Whether the element's box lies inside the viewport. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height
  );
}

describe('with prefers-reduced-motion: reduce', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
    ({ context } = await newGuardedContext(browser, server.url, { reducedMotion: 'reduce' }));
    page = await context.newPage();
    await signIn(page, ADMIN.username, ADMIN.password);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('opens the items page’s status filter on screen', async () => {
    await page.goto('/items');
    await page.waitForSelector('[data-testid="items-page"] .ant-table-tbody');
    await page.locator('[data-testid="items-page"] .ant-select').first().click();
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first();
    await expect.poll(() => onScreen(list)).toBe(true);
  });

  it('opens the as-of date picker’s calendar on screen', async () => {
    await page.goto('/');
    await page.waitForSelector('[data-testid="dashboard"]');
    await page.getByLabel('统计日期').first().click();
    const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first();
    await expect.poll(() => onScreen(calendar)).toBe(true);
  });
});
