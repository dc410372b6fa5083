/**
 * A unit's liaison reports from a phone (390 × 844, touch, mobile Chrome), on the Sanmen plan in
 * June 2022: logs in, opens 我的待办 from the menu drawer, opens item 40 (未来乡村试点建设), marks
 * its first milestone done, writes the narrative (saved to the server by itself), takes a photo
 * as evidence (the camera's file chooser, a real JPEG), loses the connection, types more, reloads
 * the page without a connection and restores the copy kept on the phone, gets the connection
 * back and submits. On every page: no sideways scrolling and touch targets of 44 × 44 px.
 * Screenshots go to test-results/phone/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { heic } from '../helpers/evidence-files.js';
import { PHONE, PHONE_SCREENSHOTS, auditPhonePage, phoneScreenshot, type PhoneAudit } from './phone.js';
import { apiGet, signIn } from './sign-in.js';

const START = Date.parse('2022-06-20T02:00:00.000Z');
const ITEM = 40;
const UNIT = '县农业农村局';
const REPORTER = { username: 'nongyeju', password: 'e2e-Nongye-2022' };
const ONLINE_TEXT = '坎下金片区规划设计已完成，试点村建设方案已报县政府。';
const OFFLINE_TEXT = '补充（现场，无信号时填写）：村民议事会已通过建设方案。';
const PHOTO = '坎下金片区现场照片.jpg';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const foreign: string[][] = [];
let admin: Page;
let phone: Page;
let phoneContext: BrowserContext;
const audits: Record<string, PhoneAudit> = {};

/** The page as it is now: nothing sideways, every touch target big enough; kept for the record. */
async function checkPage(name: string): Promise<PhoneAudit> {
  const audit = await auditPhonePage(phone);
  audits[name] = audit;
  expect(audit.innerWidth, `${name}: the layout viewport is the screen`).toBe(390);
  expect(
    audit.scrollWidth,
    `${name}: sideways scrolling (${audit.overflowing.join('; ')})`,
  ).toBeLessThanOrEqual(audit.innerWidth);
  expect(audit.overflowing, name).toEqual([]);
  expect(audit.small, `${name}: touch targets under 44 px`).toEqual([]);
  expect(audit.measured, `${name}: something was measured`).toBeGreaterThan(3);
  return audit;
}

async function status(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="report-status"]').innerText()).toContain(text);
}

/** A small real JPEG, drawn and encoded by the browser itself (a field, the sky, a sign). */
async function photo(page: Page): Promise<Buffer> {
  const dataUrl = (await page.evaluate(`(() => {
    const c = document.createElement('canvas');
    c.width = 320; c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = '#8ec5ff'; g.fillRect(0, 0, 320, 140);
    g.fillStyle = '#5a9e3a'; g.fillRect(0, 140, 320, 100);
    g.fillStyle = '#b7202e'; g.fillRect(120, 90, 80, 60);
    return c.toDataURL('image/jpeg', 0.85);
  })()`)) as string;
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

describe('reporting from a phone in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    const t0 = Date.now();
    server = await startTestServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    const office = await newGuardedContext(browser, server.url);
    contexts.push(office.context);
    foreign.push(office.foreign);
    await office.context.clock.setSystemTime(START);
    admin = await office.context.newPage();
    await signIn(admin, ADMIN.username, ADMIN.password);
    const { csrfToken } = await apiGet<{ csrfToken: string }>(admin, '/api/session');
    const { units } = await apiGet<{ units: { id: string; name: string }[] }>(admin, '/api/units');
    const res = await admin.request.post('/api/users', {
      headers: { 'X-CSRF-Token': csrfToken },
      data: {
        username: REPORTER.username,
        displayName: '农业农村局联络员',
        role: 'reporter',
        unitId: units.find((u) => u.name === UNIT)!.id,
        password: REPORTER.password,
      },
    });
    expect(res.status()).toBe(201);

    const guarded = await newGuardedContext(browser, server.url, { device: PHONE });
    phoneContext = guarded.context;
    contexts.push(phoneContext);
    foreign.push(guarded.foreign);
    await phoneContext.clock.setSystemTime(START);
    phone = await phoneContext.newPage();
  }, 180_000);

  afterAll(async () => {
    writeFileSync(join(PHONE_SCREENSHOTS, 'audit.json'), `${JSON.stringify(audits, null, 2)}\n`);
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('logs in on a phone-sized login page', async () => {
    await phone.goto('/login');
    await phone.getByLabel('用户名').waitFor();
    await phoneScreenshot(phone, '01-login', { screen: true });
    await checkPage('01-login');
    await signIn(phone, REPORTER.username, REPORTER.password);
    // Where a liaison lands: kept for a look (not one of the pages this test holds to the rules).
    await phone.locator('[data-testid="count-total"]').waitFor();
    await phoneScreenshot(phone, '01-dashboard');
    // The phone keeps an offline copy of the app (service worker) from here on.
    await expect.poll(() => phone.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
  });

  it('opens 我的待办 from the menu drawer: cards, not a table', async () => {
    // No side menu on a phone: a menu button opens it as a drawer.
    expect(await phone.locator('.app-sider').count()).toBe(0);
    await phone.locator('[data-testid="nav-open"]').click();
    const drawer = phone.locator('.nav-drawer');
    await drawer.getByRole('menuitem', { name: /我的待办/ }).waitFor();
    await phoneScreenshot(phone, '02-menu', { screen: true });
    await checkPage('02-menu');
    await drawer.getByRole('menuitem', { name: /我的待办/ }).click();
    await phone.waitForSelector('[data-testid="todo-page"]');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await phone.locator('[data-testid="todo-lead"] table').count()).toBe(0);
    const card = phone.locator(`[data-testid="todo-open-${ITEM}"]`);
    expect(await card.innerText()).toContain('需填报');
    await phoneScreenshot(phone, '03-todo');
    await checkPage('03-todo');
  });

  it('fills the report: milestone done, narrative saved by itself, a photo from the camera', async () => {
    await phone.locator(`[data-testid="todo-open-${ITEM}"]`).click();
    await phone.waitForSelector('[data-testid="report-form"]');
    await status(phone, '需填报');
    await phoneScreenshot(phone, '04-form-empty', { screen: true });
    await checkPage('04-form-empty');

    const entry = phone.locator('[data-testid="milestone-entry-0"]');
    await entry.locator('label').filter({ hasText: '已完成' }).click();
    // The date in the phone's own date field (its wheel or calendar, no keyboard): 2022-06-20.
    const doneOn = entry.locator('input[data-testid="milestone-doneOn-0"]');
    expect(await doneOn.getAttribute('type')).toBe('date');
    await doneOn.fill('2022-06-20');
    await phoneScreenshot(phone, '05-milestone-done', { screen: true });
    await checkPage('05-milestone-done');
    await phone.locator('[data-testid="report-narrative"]').fill(ONLINE_TEXT);
    // Nobody pressed 保存草稿: the form saves itself a few seconds after the typing stops.
    await expect.poll(() => phone.locator('[data-testid="save-state"]').innerText()).toContain('已自动保存');
    await status(phone, '草稿');

    // The camera: its own button, straight to the back camera; the ordinary one still takes PDFs.
    const upload = phone.locator('[data-testid="evidence"] input[type="file"]');
    await expect.poll(() => upload.count()).toBe(2);
    const accepts = await Promise.all(
      [0, 1].map(
        async (i) =>
          `${await upload.nth(i).getAttribute('accept')}|${(await upload.nth(i).getAttribute('capture')) ?? ''}`,
      ),
    );
    expect(accepts).toContain('image/*|environment');
    expect(accepts.some((a) => a.startsWith('image/*,') && a.includes('.pdf') && a.includes('.docx'))).toBe(
      true,
    );
    // An iPhone photo copied as a file (HEIC): refused before a byte is sent, saying what to do.
    const files = phone.locator('[data-testid="evidence"] input[type="file"]:not([capture])');
    await files.setInputFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heic() });
    await expect
      .poll(() => phone.locator('[data-testid="evidence-error"]').innerText())
      .toContain('暂不支持 HEIC/HEIF 格式的照片');
    expect(await phone.locator('[data-testid="evidence-file"]').count()).toBe(0);

    const jpeg = await photo(phone);
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const chooser = phone.waitForEvent('filechooser');
    await phone.locator('[data-testid="evidence-camera"]').click();
    await (await chooser).setFiles({ name: PHOTO, mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => phone.locator('[data-testid="evidence-file"]').innerText()).toContain(PHOTO);
    const href = await phone.locator('[data-testid="evidence-file"] a').first().getAttribute('href');
    const file = await phone.request.get(href!);
    expect(file.headers()['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(await file.body(), jpeg)).toBe(0);
    await phone.evaluate(
      'document.querySelector(\'[data-testid="evidence"]\').scrollIntoView({ block: "center" })',
    );
    await phoneScreenshot(phone, '06-form-filled', { screen: true });
    await checkPage('06-form-filled');
  });

  it('keeps what is typed without a connection, through a reload, and submits once online', async () => {
    const narrative = phone.locator('[data-testid="report-narrative"]');
    await phoneContext.setOffline(true);
    await phone.locator('[data-testid="offline-banner"]').waitFor();
    await expect
      .poll(() => phone.locator('[data-testid="save-state"]').getAttribute('data-online'))
      .toBe('false');
    const full = `${ONLINE_TEXT}\n${OFFLINE_TEXT}`;
    await narrative.fill(full);
    await phone.locator('[data-testid="report-save"]').click();
    await expect.poll(() => phone.locator('.ant-message').innerText()).toContain('当前没有网络');
    expect(await phone.locator('[data-testid="save-state"]').innerText()).toContain('已保存在本机');
    await phoneScreenshot(phone, '07-offline', { screen: true });
    await checkPage('07-offline');

    // The page reloads with no connection (the phone dropped the tab, the user pulled to refresh).
    await phone.reload();
    await phone.waitForSelector('[data-testid="report-form"]');
    const notice = phone.locator('[data-testid="local-draft-notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('本机有一份尚未保存到服务器的填写内容');
    // Until the user chooses, the form cannot overwrite the copy.
    expect(await narrative.isDisabled()).toBe(true);
    await phoneScreenshot(phone, '08-restore', { screen: true });
    await checkPage('08-restore');
    await phone.locator('[data-testid="local-draft-restore"]').click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(await narrative.inputValue()).toBe(full);
    expect(
      await phone.locator('[data-testid="milestone-entry-0"] .ant-radio-button-wrapper-checked').innerText(),
    ).toContain('已完成');

    // Back online: saved by itself, then submitted.
    await phoneContext.setOffline(false);
    await expect.poll(() => phone.locator('[data-testid="offline-banner"]').count()).toBe(0);
    await expect.poll(() => phone.locator('[data-testid="save-state"]').innerText()).toContain('已自动保存');
    await phone.locator('[data-testid="report-submit"]').click();
    await status(phone, '已报送');
    await phoneScreenshot(phone, '09-submitted');
    await checkPage('09-submitted');

    const saved = await apiGet<{
      status: string;
      content: { milestones: unknown[]; narrative: string };
      evidence: { fileName: string; mime: string }[];
    }>(admin, `/api/reports/by-item/${encodeURIComponent(await itemKey())}/2022-06`);
    expect(saved.status).toBe('submitted');
    expect(saved.content.narrative).toBe(full);
    expect(saved.content.milestones[0]).toEqual({ state: 'done', doneOn: '2022-06-20' });
    expect(saved.evidence.map((e) => [e.fileName, e.mime])).toEqual([[PHOTO, 'image/jpeg']]);
    // Nothing of it is left on the phone once the server has it.
    expect(
      await phone.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("reform-ledger.draft"))'),
    ).toEqual([]);
  });

  it('shows the item page at phone size with the report in its history', async () => {
    await phone.goto(`/items/${ITEM}`);
    await phone.waitForSelector('[data-testid="item-page"]');
    await expect.poll(() => phone.locator('[data-testid="item-reports"]').innerText()).toContain('已报送');
    await phoneScreenshot(phone, '10-item');
    await checkPage('10-item');
    // An item with targets: they are cards, not a five-column table.
    await phone.goto('/items/68');
    await phone.waitForSelector('[data-testid="item-page"]');
    expect(await phone.locator('ul[data-testid="targets"] > li').count()).toBe(4);
    await phoneScreenshot(phone, '11-item-targets');
    await checkPage('11-item-targets');
  });

  it('fetched nothing from any other host', () => {
    expect(foreign.flat()).toEqual([]);
  });
});

async function itemKey(): Promise<string> {
  const item = await apiGet<{ itemKey: string }>(admin, `/api/items/${ITEM}`);
  return item.itemKey;
}
