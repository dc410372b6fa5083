/**
 * 通报 in a real browser at 1366×768, on 30 June 2022: the office generates June's bulletin (the
 * period the page proposes), reads its content with the charts drawn by the web app's own chart
 * definitions, writes an opening, publishes it, and downloads the published Word document, which
 * carries the opening and the server-drawn charts. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { docxText } from '../writers/open-report.js';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { signIn } from './sign-in.js';

const START = Date.parse('2022-06-30T02:00:00.000Z');
const OPENING = '为推动共同富裕“三十”工程落地见效，现将6月份改革推进情况通报如下。';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

describe('bulletins in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    const t0 = Date.now();
    server = await startTestServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    const guarded = await newGuardedContext(browser, server.url);
    context = guarded.context;
    foreign = guarded.foreign;
    await context.clock.setSystemTime(START);
    page = await context.newPage();
    await signIn(page, ADMIN.username, ADMIN.password);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('generates June 2022 from the nav, with the content and charts on the page', async () => {
    await page.getByRole('link', { name: '通报' }).click();
    await page.waitForSelector('[data-testid="bulletins-page"]');
    // Today is 30 June and reports were due on the 25th: June is the period on offer.
    await expect.poll(() => page.getByLabel('周期').inputValue()).toBe('2022-06');
    await page.getByRole('button', { name: '生成草稿' }).click();
    await page.waitForSelector('[data-testid="bulletin-editor"]');
    const preview = page.locator('.bulletin-preview');
    await expect
      .poll(() => preview.locator('h2').textContent())
      .toBe('关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报');
    await expect.poll(() => preview.locator('h3').allTextContents()).toContain('五、逾期和预警事项');
    expect(await preview.locator('figure [role="img"]').count()).toBe(2);
    await expect.poll(() => preview.textContent()).toContain('低收入农户数字化帮促机制');
    await screenshot(page, 'bulletin-01-draft');
  });

  it('saves an opening and publishes; the published .docx carries both and the charts', async () => {
    await page.getByLabel('开头段落').fill(OPENING);
    await page.getByLabel(/红头/).check();
    // antd spaces out a two-character button label (保 存).
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await expect.poll(() => page.locator('.bulletin-preview p').first().textContent()).toBe(OPENING);
    // The confirmation pops up with an animation; a click that lands while it is still moving
    // can be lost on a busy machine, so confirm until the server has been asked to publish.
    for (let attempt = 0; attempt < 3; attempt++) {
      const published = page
        .waitForResponse((r) => r.url().includes('/publish') && r.request().method() === 'POST', {
          timeout: 10_000,
        })
        .then(() => true)
        .catch(() => false);
      if (!(await page.locator('.ant-popconfirm').isVisible())) {
        await page.getByRole('button', { name: /印\s?发$/ }).click();
      }
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s?定|OK/ })
        .click();
      if (await published) break;
    }
    // Publishing renders the .docx with its charts on the server: seconds on a busy machine.
    await expect
      .poll(() => page.locator('.ant-table-row').first().textContent(), { timeout: 30_000 })
      .toContain('已印发');
    await screenshot(page, 'bulletin-02-published');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /下载 .*（Word 文档）/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('通报-2022-06.docx');
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    const text = await docxText(bytes);
    expect(text).toContain('三门县改革工作通报');
    expect(text).toContain(OPENING);
    const pngs = Object.keys(unzipSync(bytes)).filter((p) => /^word\/media\/.*\.png$/.test(p));
    expect(pngs).toHaveLength(2);
    expect(foreign).toEqual([]);
  });
});
