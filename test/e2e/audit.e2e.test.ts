/**
 * 审计日志 in a real browser: the office renames 县金融中心, then finds the change in the audit
 * log by filtering on the kind and the action, opens the row from the keyboard and reads
 * 县金融中心 → 县金融发展中心; the export button downloads the same rows as .xlsx. Screenshots go
 * to test-results/.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { signIn } from './sign-in.js';

const START = Date.parse('2022-06-30T02:00:00.000Z');
const OLD = '县金融中心';
const NEW = '县金融发展中心';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

describe('the audit log in chromium', { timeout: 90_000 }, () => {
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
    // The write the log must show: a rename, as 系统管理 makes it.
    const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const { units } = (await (await page.request.get('/api/units')).json()) as {
      units: { id: string; name: string }[];
    };
    const res = await page.request.patch(`/api/units/${units.find((u) => u.name === OLD)!.id}`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { name: NEW },
    });
    expect(res.status()).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds the rename by kind and action, and shows before → after from the keyboard', async () => {
    await page.goto('/audit');
    await page.waitForSelector('[data-testid="audit-table"] .ant-table-row', { timeout: 60_000 });
    // Typed to pick, as one does from the keyboard (the kinds are many: a virtual list).
    await page.locator('[data-testid="audit-entity"] input').click();
    await page.keyboard.type('责任单位');
    await page.keyboard.press('Enter');
    await page.waitForURL(/entity=unit/);
    await page.locator('[data-testid="audit-action"] input').click();
    await page.keyboard.type('修改');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => new URL(page.url()).searchParams.toString(), { timeout: 30_000 })
      .toBe('entity=unit&action=update');

    const rows = page.locator('[data-testid="audit-table"] .ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('2022年6月30日 10:00');
    expect(row).toContain('admin');
    expect(row).toContain(NEW);

    const expand = rows.first().getByRole('button', { name: '展开变更内容' });
    await expand.focus();
    await page.keyboard.press('Enter');
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor({ timeout: 30_000 });
    const changed = diff.locator('tr.audit-diff-changed');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('th').innerText()).toContain('名称');
    expect(await changed.locator('th').innerText()).toContain('已变更');
    expect(await changed.locator('.audit-diff-before').innerText()).toBe(OLD);
    expect(await changed.locator('.audit-diff-after').innerText()).toBe(NEW);
    await screenshot(page, 'audit-rename');
  });

  it('exports the filtered rows as a spreadsheet', async () => {
    const href = await page.getByTestId('audit-export').getAttribute('href');
    expect(href).toBe('/api/audit/export.xlsx?entity=unit&action=update');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(6).value).toBe(`name: ${OLD} → ${NEW}`);
    expect(foreign).toEqual([]);
  });
});
