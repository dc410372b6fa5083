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
import { signIn } from './sign-in.js';

let server: TestServer;
let receiver: HttpReceiver;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

/** Polls a value until it matches; generous, for a loaded machine (never a timing assertion). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

describe('reminders in chromium', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    // The receiver standing in for the robot is on 127.0.0.1.
    server = await startTestServer({ env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    receiver = await startHttpReceiver();
    browser = await launchChromium();
    // antd's popups (the bell's panel, any dropdown) are aligned after their opening motion; with
    // reduced motion they stay parked off-screen in headless Chromium, so this test lets them move.
    ({ context, foreign } = await newGuardedContext(browser, server.url, { reducedMotion: 'no-preference' }));
    page = await context.newPage();
    await signIn(page, ADMIN.username, ADMIN.password);
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
    await poll(() => page.getByTestId('test-result-webhook').innerText()).toContain('发送成功：HTTP 200');
    expect(receiver.requests).toHaveLength(1);
    expect((receiver.requests[0]!.body as { text: string }).text).toContain(
      '这是一条测试消息：三门县的催办通道“群机器人（Webhook）”可以正常发送。',
    );
    await screenshot(page, 'reminders-settings');

    await page.getByRole('button', { name: '保存设置' }).click();
    await poll(() => page.getByText('催办设置已保存').count()).toBeGreaterThan(0);
    const saved = await page.request.get('/api/org/reminders');
    expect((await saved.json()).channels.webhook).toMatchObject({
      enabled: true,
      kind: 'json',
      url: `${receiver.url}/hook`,
    });
  });

  it('an in-app test lands under the bell; opening it marks it read', async () => {
    const inApp = page.locator('.ant-card', { hasText: '提醒出现在联络员右上角的铃铛里' });
    await inApp.getByRole('button', { name: /测试发送/ }).click();
    await poll(() => page.getByTestId('test-result-in_app').innerText()).toContain('已给你发送一条站内消息');
    // The bell asks every minute, and whenever it is opened.
    const bell = page.getByTestId('notification-bell');
    await bell.click();
    const item = page.getByTestId('bell-item').first();
    await poll(() => item.innerText()).toContain(
      '这是一条测试消息：三门县的催办通道“站内消息”可以正常发送。',
    );
    await poll(() => bell.getAttribute('aria-label')).toBe('消息: 1 条未读消息');
    await screenshot(page, 'reminders-bell');
    await item.click();
    await poll(() => bell.getAttribute('aria-label')).toBe('消息: 0 条未读消息');
  });

  it('shows both tests in the send log', async () => {
    await page.goto('/reminders?tab=log');
    const rows = page.locator('[data-testid="reminder-log"] tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(2);
    const text = await page.getByTestId('reminder-log').innerText();
    expect(text).toContain('【测试】改革一本账催办通道测试');
    expect(text).toContain('已发送');
    await screenshot(page, 'reminders-log');
    expect(foreign).toEqual([]);
  });
});
