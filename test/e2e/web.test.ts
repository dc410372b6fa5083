/**
 * The web app in a real browser (Debian's chromium via playwright-core) against the real server
 * on a temp SQLite database seeded with the Sanmen plan: log in, the dashboard's counts as of
 * 2022-06-30, filters and search, an item, the import wizard end to end with a .docx (diff
 * included), the other pages, the language switch. A screenshot of every page goes to
 * test-results/. No request may leave for another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { sanmenDocxWithOneChange } from './sanmen-docx.js';

const AS_OF = '2022-06-30';

interface Counts {
  red: number;
  yellow: number;
  green: number;
  done: number;
  total: number;
}

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

async function apiGet<T>(path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The list's total as the page shows it ("共 N 项"). */
async function shownTotal(): Promise<number> {
  const text = await page.locator('.page-header-sub').innerText();
  return Number(/(\d+)/.exec(text)![1]);
}

/** A findings group has finished opening (its panel has its height). */
async function panelOpen(): Promise<void> {
  const panel = page.locator('.ant-collapse-panel-active').first();
  await expect.poll(async () => (await panel.boundingBox())?.height ?? 0).toBeGreaterThan(100);
}

async function waitForList(): Promise<void> {
  await page.waitForSelector('[data-testid="items-page"] .ant-table-tbody');
  await page.locator('[data-testid="items-page"] .ant-spin-spinning').waitFor({ state: 'hidden' });
}

describe('web app in chromium', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
    ({ context, foreign } = await newGuardedContext(browser, server.url));
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sends an anonymous visitor to the login page, and logs the admin in', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('wrong-password-1');
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await expect.poll(() => page.getByRole('alert').innerText()).not.toBe('');
    await screenshot(page, '01-login');
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForSelector('[data-testid="dashboard"]');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('shows the Sanmen plan’s counts as of 2022-06-30, as the API computes them', async () => {
    const picker = page.locator('[data-testid="asof-picker"] input').or(page.getByLabel('统计日期')).first();
    await picker.click();
    await picker.fill(AS_OF);
    await picker.press('Enter');
    await page.waitForURL(new RegExp(`asOf=${AS_OF}`));
    const api = await apiGet<{ counts: Counts; plan: { title: string } }>(`/api/dashboard?asOf=${AS_OF}`);
    expect(api.counts.total).toBe(67);
    expect(api.counts.red + api.counts.yellow + api.counts.green + api.counts.done).toBe(api.counts.total);
    for (const k of ['total', 'red', 'yellow', 'green', 'done'] as const) {
      await expect
        .poll(() => page.locator(`[data-testid="count-${k}"] .stat-value`).innerText(), { message: k })
        .toBe(String(api.counts[k]));
    }
    await expect.poll(() => page.locator('h1').innerText()).toContain('三门县');
    await page.waitForSelector('canvas');
    await screenshot(page, '02-dashboard');

    // A number is a link to the list filtered the same way.
    await page.locator('[data-testid="count-red"]').click();
    await page.waitForURL(/\/items\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('red');
    expect(url.searchParams.get('asOf')).toBe(AS_OF);
    await waitForList();
    expect(await shownTotal()).toBe(api.counts.red);
  });

  it('filters the list by key items and by a unit, and searches 青蟹', async () => {
    await page.goto(`/items?asOf=${AS_OF}`);
    await waitForList();
    expect(await shownTotal()).toBe(67);

    await page.locator('[data-testid="filter-key"]').click();
    await page.waitForURL(/key=true/);
    await waitForList();
    const key = await apiGet<{ total: number }>(`/api/items?key=true&asOf=${AS_OF}`);
    expect(key.total).toBeGreaterThan(0);
    expect(key.total).toBeLessThan(67);
    await expect.poll(shownTotal).toBe(key.total);
    await screenshot(page, '03-items-key');

    // A unit, chosen by typing in its box, as a keyboard user would.
    await page.goto(`/items?asOf=${AS_OF}`);
    await waitForList();
    const unitBox = page.locator('[data-testid="filter-unit"] input');
    await unitBox.click();
    await unitBox.fill('县农业农村局');
    await page.keyboard.press('Enter');
    await page.waitForURL(/unit=/);
    const unitId = new URL(page.url()).searchParams.get('unit')!;
    await waitForList();
    const byUnit = await apiGet<{ total: number }>(`/api/items?unit=${unitId}&asOf=${AS_OF}`);
    expect(byUnit.total).toBeGreaterThan(1);
    await expect.poll(shownTotal).toBe(byUnit.total);

    // Search, on top of nothing else.
    await page.goto(`/items?asOf=${AS_OF}`);
    await waitForList();
    const search = page.getByRole('searchbox').or(page.locator('[data-testid="search"] input')).first();
    await search.fill('青蟹');
    await search.press('Enter');
    await page.waitForURL(/q=/);
    await waitForList();
    const found = await apiGet<{ total: number; items: { title: string }[] }>(
      `/api/items?q=${encodeURIComponent('青蟹')}&asOf=${AS_OF}`,
    );
    expect(found.total).toBeGreaterThan(0);
    await expect.poll(shownTotal).toBe(found.total);
    const rows = page.locator('[data-testid="items-page"] .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(found.total, 20));
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(found.items[0]!.title);
    await screenshot(page, '04-items-search');

    // The export link carries the same query.
    const href = await page.locator('[data-testid="export-xlsx"]').getAttribute('href');
    expect(href).toContain('/api/items/export.xlsx?');
    expect(decodeURIComponent(href!)).toContain('q=青蟹');
    const xlsx = await page.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });

  it('opens item 1: its deadline written the Chinese way and its 15亿元 target', async () => {
    await page.goto(`/items?asOf=${AS_OF}`);
    await waitForList();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').first().click();
    await page.waitForURL(/\/items\/1\b/);
    await page.waitForSelector('[data-testid="item-page"]');
    const text = await page.locator('[data-testid="item-page"]').innerText();
    expect(text).toContain('2022年9月30日');
    expect(text).toContain('15亿元');
    expect(text).toContain('“农户家庭资产池”融资模式');
    expect(await page.locator('mark.hl-deadline').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="milestone"]').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '05-item');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '05-item-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows units, one unit, the timeline and the plan-quality page', async () => {
    await page.goto(`/units?asOf=${AS_OF}`);
    await page.waitForSelector('[data-testid="unit-graph"] canvas');
    await page.waitForSelector('[data-testid="units-page"] .ant-table-row');
    await screenshot(page, '06-units');
    await page.locator('[data-testid="units-page"] .ant-table-row a').first().click();
    await page.waitForSelector('[data-testid="unit-page"]');
    await screenshot(page, '07-unit');

    await page.goto(`/timeline?asOf=${AS_OF}`);
    await page.waitForSelector('.timeline-grid .tl-dot');
    expect(await page.locator('.timeline-grid tbody tr').count()).toBe(67);
    await screenshot(page, '08-timeline');
    await page.getByText('2022年', { exact: true }).click();
    await page.waitForURL(/zoom=2022/);
    await screenshot(page, '08-timeline-2022');

    await page.goto('/findings');
    await page.waitForSelector('[data-testid="findings-page"] .ant-collapse');
    const api = await apiGet<{ findings: unknown[] }>('/api/findings');
    await expect
      .poll(() => page.locator('.page-header-sub').innerText())
      .toContain(String(api.findings.length));
    await page.locator('.ant-collapse-header').first().click();
    await page.waitForSelector('.findings-table a');
    await panelOpen();
    await screenshot(page, '09-findings');

    await page.goto('/admin');
    await page.waitForSelector('[data-testid="admin-page"] .ant-table-row');
    await screenshot(page, '10-admin');
  });

  it('runs the import wizard end to end with a .docx: upload, preview, edit, diff, confirm', async () => {
    const docx = await sanmenDocxWithOneChange();
    await page.goto('/import');
    await page.locator('[data-testid="import-page"] input[type="file"]').setInputFiles({
      name: '三门县改革库-修订.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx.bytes),
    });
    await page.waitForSelector('[data-testid="preview-step"]', { timeout: 30_000 });
    // Extracted deadlines and targets are marked inside the original text.
    const deadlines = page.locator('[data-testid="preview-step"] mark.hl-deadline');
    expect(await deadlines.count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="preview-step"] mark.hl-target').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="preview-step"]').innerText()).toContain(docx.newPhrase);
    await screenshot(page, '11-import-preview');

    // Correct a field of the first row.
    await page.locator('[data-testid="edit-row-0"]').click();
    const title = page.locator('[data-testid="edit-title"]');
    await title.fill('“农户家庭资产池”融资模式（小微金融助富改革）（修订）');
    await screenshot(page, '12-import-edit');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.locator('.row-edited').count()).toBe(1);

    await page.locator('[data-testid="to-diff"]').click();
    await page.waitForSelector('[data-testid="diff-step"]');
    const changed = page.locator('[data-testid="diff-changed"]');
    await expect.poll(() => changed.innerText()).toContain('保险制度改革');
    expect(await page.locator('[data-testid="diff-step"]').innerText()).toContain('66');
    await screenshot(page, '13-import-diff');

    await page.locator('[data-testid="confirm-import"]').click();
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.locator('[data-testid="import-done"]').innerText()).toContain('第 2 版');
    await screenshot(page, '14-import-done');

    // The corrected title and the moved deadline are what the ledger now holds, and what the
    // edit did not touch (the targets as written, the deadline phrases) is kept.
    const item1 = await apiGet<{
      title: string;
      targets: { text: string; value: number }[];
      milestones: { phrase: string }[];
    }>('/api/items/1');
    expect(item1.title).toContain('（修订）');
    expect(item1.targets.map((t) => [t.text, t.value])).toEqual([
      ['达15亿元以上', 1_500_000_000],
      ['达20亿元以上', 2_000_000_000],
    ]);
    expect(item1.milestones.map((m) => m.phrase)).toEqual(['2022年9月底前', '2022年12月底前']);
    const item2 = await apiGet<{ milestones: { deadline: string }[] }>('/api/items/2');
    expect(item2.milestones.map((m) => m.deadline)).toContain('2022-07-31');
  });

  it('switches to English, keeps it after a reload, and writes dates the English way', async () => {
    await page.goto(`/?asOf=${AS_OF}`);
    await page.waitForSelector('[data-testid="dashboard"] .stat-value');
    await page.locator('[data-testid="language-switch"]').click();
    await expect.poll(() => page.getByRole('navigation').innerText()).toContain('Reform items');
    const nav = await page.getByRole('navigation').innerText();
    for (const label of ['Dashboard', 'Units', 'Timeline', 'Plan quality', 'Import', 'Administration']) {
      expect(nav).toContain(label);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await page.reload();
    await page.waitForSelector('[data-testid="dashboard"] .stat-value');
    expect(await page.locator('[data-testid="count-red"]').innerText()).toContain('Red');
    expect(await page.locator('.page-header-sub').innerText()).toContain('Jun 30, 2022');
    await screenshot(page, '15-dashboard-en');
    await page.goto(`/items/1?asOf=${AS_OF}`);
    await page.waitForSelector('[data-testid="item-page"]');
    const text = await page.locator('[data-testid="item-page"]').innerText();
    expect(text).toContain('Sep 30, 2022');
    expect(text).toContain('Milestones');
    await screenshot(page, '16-item-en');
    // Findings are worded again in the reader's language, not shown as stored (in Chinese).
    await page.goto('/findings');
    await page.getByText('No measurable target').click();
    await expect
      .poll(() => page.locator('.findings-table').first().innerText())
      .toContain('The main goals contain no measurable target');
    await panelOpen();
    await screenshot(page, '17-findings-en');
    await page.locator('[data-testid="language-switch"]').click();
    await expect.poll(() => page.getByRole('navigation').innerText()).toContain('改革事项');
  });

  it('is reachable from the keyboard: the first Tab lands on “skip to content”', async () => {
    await page.goto(`/?asOf=${AS_OF}`);
    await page.waitForSelector('[data-testid="dashboard"] .stat-value');
    if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') {
      await page.locator('[data-testid="language-switch"]').click();
    }
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('跳到正文');
    await page.keyboard.press('Enter');
    // The counts are real links, in the tab order: Tab from the main area reaches them.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.locator(':focus').getAttribute('data-testid')) === 'count-total') break;
    }
    expect(await page.locator(':focus').getAttribute('data-testid')).toBe('count-total');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('data-testid')).toBe('count-red');
    await page.keyboard.press('Enter');
    await page.waitForURL(/status=red/);
  });

  it('fetched nothing from any other host', () => {
    expect(foreign).toEqual([]);
  });
});
