/**
 * The roll-up in a real browser (issue 9), on 浙江省 → 台州市 → 三门县 + 天台县 as of 2022-06-30
 * (rollup-server.ts). The city's viewer, who reads below, sees both counties rolled up with the
 * numbers each county's own dashboard gives; drills down into 天台县 (its dashboard and items,
 * read-only, the org kept in the URL); searches across the counties and exports; opens the common
 * reforms. A county's viewer has no roll-up and cannot open a sibling. The province's admin adds a
 * town, grants reading below and moves a user to another county. Screenshots go to test-results/rollup/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, screenshot, SCREENSHOTS } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import {
  CITY_VIEWER,
  COUNTY_VIEWER,
  PASSWORD,
  PROVINCE_ADMIN,
  startRollupServer,
  type RollupServer,
} from './rollup-server.js';
import { apiGet, signIn } from './sign-in.js';

const START = Date.parse('2022-06-30T02:00:00.000Z');
const AS_OF = '2022-06-30';
const STATUSES = ['red', 'yellow', 'green', 'done'] as const;

interface Counts {
  red: number;
  yellow: number;
  green: number;
  done: number;
  total: number;
}

let server: RollupServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const foreign: string[][] = [];
let city: Page;

async function newPage(): Promise<Page> {
  const guarded = await newGuardedContext(browser, server.url);
  contexts.push(guarded.context);
  await guarded.context.clock.setSystemTime(START);
  foreign.push(guarded.foreign);
  return guarded.context.newPage();
}

function login(page: Page, username: string): Promise<void> {
  return signIn(page, username, PASSWORD);
}

function shot(page: Page, name: string): Promise<string> {
  return screenshot(page, join('rollup', name));
}

const orgParam = (page: Page) => new URL(page.url()).searchParams.get('org');

describe('the roll-up in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    mkdirSync(join(SCREENSHOTS, 'rollup'), { recursive: true });
    const t0 = Date.now();
    server = await startRollupServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    city = await newPage();
    await login(city, CITY_VIEWER);
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('rolls up both counties with the numbers of their own dashboards', async () => {
    const own = {
      三门县: await apiGet<{ counts: Counts }>(
        city,
        `/api/dashboard?asOf=${AS_OF}&org=${server.orgs.sanmen}`,
      ),
      天台县: await apiGet<{ counts: Counts }>(
        city,
        `/api/dashboard?asOf=${AS_OF}&org=${server.orgs.tiantai}`,
      ),
    };
    // Two different ledgers, so a mix-up of the two would show.
    expect(own.三门县.counts.total).not.toBe(own.天台县.counts.total);

    await city.getByRole('menuitem', { name: /汇总/ }).click();
    await city.waitForURL(/\/rollup/);
    const rows = city.locator('[data-testid="rollup-table"] tr.rollup-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const [name, dash] of Object.entries(own)) {
      const cells = await rows.filter({ hasText: name }).locator('td').allInnerTexts();
      // rank, change, org, plan, total, red, yellow, green, done, …
      expect(cells[2]).toBe(name);
      expect(Number(cells[4])).toBe(dash.counts.total);
      expect(cells.slice(5, 9).map(Number)).toEqual(STATUSES.map((s) => dash.counts[s]));
    }
    for (const s of STATUSES) {
      const sum = own.三门县.counts[s] + own.天台县.counts[s];
      expect(Number(await city.getByTestId(`total-${s}`).innerText()), s).toBe(sum);
    }
    expect(Number(await city.getByTestId('total-items').innerText())).toBe(
      own.三门县.counts.total + own.天台县.counts.total,
    );
    expect(await city.getByTestId('total-orgs').innerText()).toBe('2');
    // 赛马: both ranked 1 and 2 (the order is the server's; here: a rank each, no gaps).
    const ranks = (await rows.locator('td:first-child').allInnerTexts()).map(Number).sort();
    expect(ranks).toEqual([1, 2]);
    await city.locator('canvas').first().waitFor();
    await shot(city, '01-rollup');

    await city.getByTestId('rollup-scope').getByText('全部县（市、区）').click();
    await city.waitForURL(/scope=counties/);
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('drills down into 天台县: its dashboard and items, read-only, the org kept in the URL', async () => {
    await city.locator('tr.rollup-row', { hasText: '天台县' }).click();
    await city.waitForURL((u) => u.searchParams.get('org') === server.orgs.tiantai);
    const banner = city.getByTestId('org-view-banner');
    await expect.poll(() => banner.innerText()).toContain('正在查看：天台县（只读）');
    const dash = await apiGet<{ counts: Counts }>(
      city,
      `/api/dashboard?asOf=${AS_OF}&org=${server.orgs.tiantai}`,
    );
    await expect
      .poll(() => city.getByTestId('count-total').locator('.stat-value').innerText())
      .toBe(String(dash.counts.total));
    await shot(city, '02-drill-dashboard');

    // The menu's links carry no org: it stays the one viewed.
    await city.getByRole('menuitem', { name: /改革事项/ }).click();
    await city.waitForURL(/\/items/);
    await expect.poll(() => orgParam(city)).toBe(server.orgs.tiantai);
    await expect.poll(() => banner.isVisible()).toBe(true);
    const items = city.locator('.ant-table-row');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    // 天台县's forty items, not the viewer's own (none) nor 三门县's.
    await expect.poll(() => city.locator('.page-header-sub').innerText()).toBe('共 40 项');
    expect(await city.getByTestId('export-xlsx').getAttribute('href')).toContain(
      `org=${server.orgs.tiantai}`,
    );
    await shot(city, '03-drill-items');

    await items.first().getByRole('link').first().click();
    await city.waitForURL(/\/items\/\d+/);
    await expect.poll(() => orgParam(city)).toBe(server.orgs.tiantai);
    await city.getByTestId('item-reports').waitFor();
    expect(await city.getByTestId('write-report').count()).toBe(0);
    expect(await city.getByRole('menuitem', { name: /导入|审核|系统管理/ }).count()).toBe(0);
    await shot(city, '04-drill-item');

    // 汇总 from a county's pages: back to one's own roll-up (a county has nothing below it).
    await city.getByRole('menuitem', { name: /汇总/ }).click();
    await city.waitForURL(/\/rollup/);
    await expect.poll(() => city.locator('tr.rollup-row').count()).toBe(2);
    expect(orgParam(city)).toBe(null);
    expect(await banner.count()).toBe(0);
  });

  it('searches across the counties, opens a hit in its org, and exports the same query', async () => {
    await city.goto(`/rollup/search?asOf=${AS_OF}`);
    await city.getByTestId('rollup-search-input').locator('input').fill('融资');
    await city.keyboard.press('Enter');
    await city.waitForURL(/q=/);
    const groups = city.getByTestId('rollup-search-group');
    await expect.poll(() => groups.count()).toBe(2);
    const api = await apiGet<{ total: number; byOrg: { org: { name: string }; count: number }[] }>(
      city,
      `/api/rollup/search?q=${encodeURIComponent('融资')}&asOf=${AS_OF}`,
    );
    expect(api.byOrg.filter((o) => o.count > 0).map((o) => o.org.name)).toEqual(['三门县', '天台县']);
    expect(await city.getByTestId('rollup-search-results').innerText()).toContain(`共 ${api.total} 项`);
    await shot(city, '05-search');

    const href = await city.getByTestId('rollup-export').getAttribute('href');
    expect(href).toContain('/api/rollup/export.xlsx?');
    expect(decodeURIComponent(href!)).toContain('q=融资');
    const res = await city.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');

    await groups.filter({ hasText: '天台县' }).locator('.ant-table-row a').first().click();
    await city.waitForURL(/\/items\//);
    expect(orgParam(city)).toBe(server.orgs.tiantai);
    await expect.poll(() => city.getByTestId('org-view-banner').innerText()).toContain('天台县');

    // Back home: the banner's button, and the org leaves the URL.
    await city.getByTestId('org-view-leave').click();
    await expect.poll(() => orgParam(city)).toBe(null);
    await expect.poll(() => city.getByTestId('org-view-banner').count()).toBe(0);
    await city.getByTestId('dashboard').waitFor();
  });

  it('shows the same reforms across the counties', async () => {
    await city.goto(`/rollup/themes?asOf=${AS_OF}`);
    const panels = city.locator('[data-testid="themes-list"] .ant-collapse-item');
    await expect.poll(() => panels.count()).toBeGreaterThan(0);
    const first = await panels.first().innerText();
    expect(first).toContain('三门县');
    expect(first).toContain('天台县');
    await shot(city, '06-themes');
  });

  it('switches org from the header, staying on the same page', async () => {
    const sanmen = await apiGet<{ counts: Counts }>(
      city,
      `/api/dashboard?asOf=${AS_OF}&org=${server.orgs.sanmen}`,
    );
    await city.goto(`/items?asOf=${AS_OF}`);
    await city.getByTestId('items-page').waitFor();
    // Typed to pick, as one does from the keyboard (the tree is filtered by name).
    const pick = async (name: string) => {
      await city.getByTestId('org-switcher').click();
      await city.keyboard.type(name);
      await city.keyboard.press('Enter');
    };
    await pick('三门县');
    await expect.poll(() => orgParam(city)).toBe(server.orgs.sanmen);
    expect(new URL(city.url()).pathname).toBe('/items');
    await expect
      .poll(() => city.locator('.page-header-sub').innerText())
      .toBe(`共 ${sanmen.counts.total} 项`);
    await pick('台州市');
    await expect.poll(() => orgParam(city)).toBe(null);
    expect(new URL(city.url()).pathname).toBe('/items');
    await expect.poll(() => city.getByTestId('org-view-banner').count()).toBe(0);
  });

  it('gives a county’s user no roll-up, and a sibling’s org is not found', async () => {
    const county = await newPage();
    await login(county, COUNTY_VIEWER);
    await county.getByRole('menuitem', { name: /总览/ }).waitFor();
    expect(await county.getByRole('menuitem', { name: /汇总/ }).count()).toBe(0);
    expect(await county.getByTestId('org-switcher').count()).toBe(0);

    await county.goto(`/?org=${server.orgs.tiantai}`);
    await county.getByTestId('org-not-found').waitFor();
    expect(await county.getByTestId('dashboard').count()).toBe(0);
    const res = await county.request.get(`/api/dashboard?org=${server.orgs.tiantai}`);
    expect(res.status()).toBe(404);
    await shot(county, '07-county-sibling');

    await county.goto('/rollup');
    await expect.poll(() => county.locator('.ant-result-403').count()).toBe(1);
  });

  it('lets the province’s admin add a town and grant reading below', async () => {
    const admin = await newPage();
    await login(admin, PROVINCE_ADMIN);
    await admin.goto('/admin?tab=orgs');
    const nodes = admin.getByTestId('org-tree-node');
    await expect.poll(() => nodes.count()).toBe(4);
    await nodes.filter({ hasText: '三门县' }).click();
    await admin.getByTestId('org-users').getByRole('cell', { name: COUNTY_VIEWER }).first().waitFor();

    await admin.getByTestId('org-create').click();
    await admin.getByTestId('org-create-name').fill('海游街道');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await expect.poll(() => nodes.count()).toBe(5);
    const tree = await apiGet<{ orgs: { name: string; type: string; parentId: string | null }[] }>(
      admin,
      '/api/orgs',
    );
    expect(tree.orgs.find((o) => o.name === '海游街道')).toMatchObject({
      type: 'town',
      parentId: server.orgs.sanmen,
    });

    await nodes.filter({ hasText: '三门县' }).click();
    await admin.getByTestId(`grant-${COUNTY_VIEWER}`).click();
    await expect
      .poll(async () => {
        const users = await apiGet<{ users: { username: string; readBelow: boolean }[] }>(
          admin,
          `/api/orgs/${server.orgs.sanmen}/users`,
        );
        return users.users.find((u) => u.username === COUNTY_VIEWER)?.readBelow;
      })
      .toBe(true);
    await shot(admin, '08-admin-orgs');

    // 调动: the county's viewer goes to 天台县 (and signs in again there).
    await admin.getByTestId(`move-${COUNTY_VIEWER}`).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByTestId('move-org').click();
    await admin.keyboard.type('天台县');
    await admin.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /调\s?动/ }).click();
    await expect
      .poll(async () => {
        const users = await apiGet<{ users: { username: string }[] }>(
          admin,
          `/api/orgs/${server.orgs.tiantai}/users`,
        );
        return users.users.map((u) => u.username);
      })
      .toContain(COUNTY_VIEWER);
    await expect
      .poll(() => admin.getByTestId('org-users').getByRole('cell', { name: COUNTY_VIEWER }).count())
      .toBe(0);
    expect(foreign.flat()).toEqual([]);
  });
});
