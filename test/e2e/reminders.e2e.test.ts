/**
 * 催办 in a real browser: the office configures a webhook (a local receiver stands in for the
 * DingTalk robot), tests it and the in-app channel from the settings page before and after saving,
 * sees the test message under the bell, opens it (read, and followed to its link), and finds both
 * tests in the send log. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { startHttpReceiver, type HttpReceiver } from '../reminders/receivers.js';

let server: TestServer;
let receiver: HttpReceiver;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

describe('reminders in chromium', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    receiver = await startHttpReceiver();
    browser = await launchChromium();
    ({ context, foreign } = await newGuardedContext(browser, server.url));
    page = await context.newPage();
    page.on('response', (r) => { if (r.url().includes('/api/') || r.status() >= 400) console.log('RESP', r.status(), r.url()); });
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    await page.goto('/login');
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForSelector('[data-testid="dashboard"]');
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('tests the webhook from the form before saving it, then saves', async () => {
    await page.getByRole('link', { name: '催办' }).click();
    await page.waitForSelector('[data-testid="reminder-settings"]');
    const webhook = page.locator('.ant-card', { hasText: '群机器人（Webhook）' });
    await webhook.getByRole('switch').click();
    await webhook.getByLabel('通用 JSON').check();
    await webhook.getByLabel('Webhook 地址').fill(`${receiver.url}/hook`);
    await webhook.getByRole('button', { name: /测试发送/ }).click();
    await expect
      .poll(() => page.locator('[data-testid="test-result-webhook"]').innerText())
      .toContain('发送成功：HTTP 200');
    expect(receiver.requests).toHaveLength(1);
    expect((receiver.requests[0]!.body as { text: string }).text).toContain(
      '这是一条测试消息：三门县的催办通道“群机器人（Webhook）”可以正常发送。',
    );
    await screenshot(page, 'reminders-settings');

    await page.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => page.getByText('催办设置已保存').count()).toBeGreaterThan(0);
    const saved = await page.request.get('/api/org/reminders');
    expect((await saved.json()).channels.webhook).toMatchObject({ enabled: true, kind: 'json', url: `${receiver.url}/hook` });
  });

  it('an in-app test lands under the bell; opening it marks it read', async () => {
    const inApp = page.locator('.ant-card', { hasText: '提醒出现在联络员右上角的铃铛里' });
    await inApp.getByRole('button', { name: /测试发送/ }).click();
    await expect
      .poll(() => page.locator('[data-testid="test-result-in_app"]').innerText())
      .toContain('已给你发送一条站内消息');
    // The bell polls every minute; reopening the page asks at once.
    console.log(await (await page.request.get('/api/notifications')).text());
    console.log(await (await page.request.get('/api/reminders/log')).text());
    await page.reload();
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息: 1 条未读消息');
    console.log('STEP bell has 1');
    await bell.click();
    console.log('STEP clicked');
    await page.waitForTimeout(1000);
    console.log('BOXES', JSON.stringify(await page.locator('.ant-popover').first().boundingBox()), JSON.stringify(await bell.boundingBox()), JSON.stringify(await page.getByTestId('bell-item').first().boundingBox()), await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight]));
    console.log('POPOVERS', await page.locator('.ant-popover').count(), await page.locator('.ant-popover').first().getAttribute('class'), await page.getByTestId('bell-item').count(), await page.getByTestId('bell-item').first().isVisible());
    const item = page.getByTestId('bell-item').first();
    await expect.poll(() => item.innerText()).toContain('这是一条测试消息：三门县的催办通道“站内消息”可以正常发送。');
    console.log('STEP item');
    await screenshot(page, 'reminders-bell');
    await item.click({ timeout: 5000 }).catch((e) => console.log('CLICKERR', String(e).slice(0, 2000)));
    console.log('STEP item clicked');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息: 0 条未读消息');
  });

  it('shows both tests in the send log', async () => {
    await page.goto('/reminders?tab=log');
    const log = page.getByTestId('reminder-log');
    await expect.poll(() => log.locator('tbody tr.ant-table-row').count()).toBe(2);
    const text = await log.innerText();
    expect(text).toContain('【测试】改革一本账催办通道测试');
    expect(text).toContain('已发送');
    await screenshot(page, 'reminders-log');
    expect(foreign).toEqual([]);
  });
});
