/**
 * The public portal (政务公开) in chromium: every kind of public page at phone size (390 × 844,
 * touch), at the office's desktop size, and once with JavaScript off in a WeChat-like in-app
 * browser — axe-core (from node_modules, no network) finds no serious or critical violation,
 * nothing scrolls sideways on the phone, touch targets are ≥ 44 px, the skip link comes first.
 * Then the office's page: publish a period with one confirmed action and write a public note.
 * Screenshots go to test-results/public/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, SCREENSHOTS, VIEWPORT } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { auditPhonePage, PHONE } from './phone.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { signIn } from './sign-in.js';

const START = Date.parse('2022-06-30T02:00:00.000Z');
const SHOTS = join(SCREENSHOTS, 'public');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SUMMARY = '已完成低收入农户摸底，帮促系统上线运行。';

/** A WeChat-style in-app browser on Android: same engine, its own user agent, no script. */
const WECHAT: BrowserContextOptions = {
  ...PHONE,
  javaScriptEnabled: false,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.188 Mobile Safari/537.36 XWEB/1260117 MMWEBSDK/20240501 MMWEBID/2253 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let server: TestServer;
let browser: Browser;
let base: string;

/** The office's API over HTTP, as the web app calls it. */
async function office(): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
}

async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as Violation[];
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('public portal in chromium', { timeout: 300_000 }, () => {
  const pages = () => [
    { name: 'index', path: `${base}/`, status: 200 },
    { name: 'period', path: `${base}/periods/2022-05/`, status: 200 },
    { name: 'period-red', path: `${base}/periods/2022-05/?status=red`, status: 200 },
    { name: 'item', path: `${base}/periods/2022-05/items/1`, status: 200 },
    { name: 'item-en', path: `${base}/periods/2022-05/items/1?lang=en-US`, status: 200 },
    { name: 'scoreboard', path: `${base}/periods/2022-05/scoreboard`, status: 200 },
    { name: 'bulletins', path: `${base}/bulletins`, status: 200 },
    { name: 'withdrawn', path: `${base}/periods/2022-03/`, status: 410 },
    { name: 'not-found', path: `${base}/periods/2022-02/`, status: 404 },
  ];

  beforeAll(async () => {
    await ensureWebBuilt();
    const t0 = Date.now();
    server = await startTestServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    const api = await office();
    const list = (await api('GET', '/publications')) as { publicPath: string };
    base = list.publicPath.replace(/\/$/, '');
    const view = (await api('GET', '/publications/2022-05')) as {
      items: { itemKey: string; number: number }[];
    };
    const one = view.items.find((i) => i.number === 1)!;
    await api('PUT', `/publications/2022-05/summaries/${one.itemKey}`, { text: SUMMARY });
    const bulletin = (await api('POST', '/bulletins', { period: '2022-05' })) as { id: string };
    await api('POST', `/bulletins/${bulletin.id}/publish`);
    await api('POST', '/publications/2022-05/publish', { includeScoreboard: true });
    await api('POST', '/publications/2022-04/publish', { includeScoreboard: false });
    await api('POST', '/publications/2022-03/publish', { includeScoreboard: false });
    await api('POST', '/publications/2022-03/withdraw');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [device, options] of [
    ['phone', PHONE],
    ['desktop', { viewport: VIEWPORT }],
    ['wechat-nojs', WECHAT],
  ] as const) {
    it(`${device}: every page type passes axe, fits the screen, keeps targets large`, async () => {
      const { context, foreign } = await newGuardedContext(browser, server.url, { device: options });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const p of pages()) {
        const res = await page.goto(p.path);
        expect(res?.status(), p.path).toBe(p.status);
        expect(await res?.headerValue('set-cookie')).toBeNull();
        const lang = await page.locator('html').getAttribute('lang');
        expect(lang).toBe(p.name.endsWith('-en') ? 'en-US' : 'zh-CN');
        expect(await page.locator('h1').count(), p.name).toBe(1);
        // axe.run waits on the page's own timers, which do not run with JavaScript off; the
        // markup is the same either way (the site has no script), so the two other runs cover it.
        for (const v of device === 'wechat-nojs' ? [] : await axe(page)) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            problems.push(`${device} ${p.name}: ${v.id} (${v.impact}) ${v.help} @ ${v.targets.join(' | ')}`);
          }
        }
        if (device !== 'desktop') {
          const audit = await auditPhonePage(page);
          if (audit.scrollWidth > audit.innerWidth) {
            problems.push(
              `${device} ${p.name}: scrolls sideways ${audit.scrollWidth} > ${audit.innerWidth}: ${audit.overflowing.join(', ')}`,
            );
          }
          for (const s of audit.small)
            problems.push(`${device} ${p.name}: small target ${s.what} ${s.width}×${s.height}`);
        }
        await shot(page, `${device}-${p.name}`);
      }
      expect(problems).toEqual([]);
      // The page's own content: the office's note and a status in words, no script needed.
      await page.goto(`${base}/periods/2022-05/items/1`);
      await expect.poll(() => page.locator('main').innerText()).toContain(SUMMARY);
      expect(await page.locator('main .st').first().innerText()).toMatch(/逾期|即将到期|正常推进|已完成/);
      await expect
        .poll(() => page.evaluate("document.querySelector('.share img').naturalWidth"))
        .toBeGreaterThan(0);
      expect(await page.locator('.share img').getAttribute('alt')).toMatch(/二维码/);
      expect(await page.locator('script').count()).toBe(0);
      expect(foreign).toEqual([]);
      await context.close();
    });
  }

  it('desktop keyboard: the skip link comes first and is visible when focused; focus is outlined', async () => {
    const { context } = await newGuardedContext(browser, server.url);
    const page = await context.newPage();
    await page.goto(`${base}/periods/2022-05/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect
      .poll(() => page.evaluate("document.activeElement === document.querySelector('a.skip')"))
      .toBe(true);
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate("getComputedStyle(document.querySelector('a.skip')).outlineStyle")).not.toBe(
      'none',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('location.hash')).toBe('#main');
    await shot(page, 'desktop-skip-link');
    await context.close();
  });

  it('the office publishes a period with one confirmed action and writes a public note', async () => {
    const { context, foreign } = await newGuardedContext(browser, server.url);
    await context.clock.setSystemTime(START);
    const page = await context.newPage();
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: '政务公开' }).click();
    await page.waitForSelector('[data-testid="publications-page"]');
    const periods = page.locator('.ant-card').filter({ hasText: '各期公开情况' }).locator('.ant-table-row');
    await expect.poll(() => periods.count()).toBe(3);

    // The form proposes the newest period (June); publish it after the confirmation.
    for (let attempt = 0; attempt < 3; attempt++) {
      const done = page
        .waitForResponse((r) => r.url().endsWith('/publish') && r.request().method() === 'POST', {
          timeout: 10_000,
        })
        .then(() => true)
        .catch(() => false);
      if (!(await page.locator('.ant-popconfirm').isVisible())) {
        await page.getByRole('button', { name: /^公\s?开$/ }).click();
      }
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s?定|OK/ })
        .click();
      if (await done) break;
    }
    await expect.poll(() => periods.count(), { timeout: 30_000 }).toBe(4);
    expect(await periods.first().innerText()).toContain('2022年6月');

    await periods.first().getByRole('button', { name: '编辑说明' }).click();
    const editor = page.locator('[data-testid="summary-editor"]');
    await editor.getByLabel('第 1 项的进展说明').fill('六月已完成年度任务的一半。');
    await editor
      .getByRole('button', { name: /保\s?存/ })
      .first()
      .click();
    await expect.poll(() => editor.locator('.ant-tag').first().innerText()).toBe('未公开的修改');
    await shot(page, 'office-publications');
    const res = await page.request.get(`${base}/periods/2022-06/`);
    expect(res.status()).toBe(200);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
