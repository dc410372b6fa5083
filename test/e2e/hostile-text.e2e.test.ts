/**
 * Hostile text in a real browser (issue 4): the office imports the plan of
 * test/helpers/hostile-text.ts (markup, script, `javascript:` URLs, 10 000-character lines,
 * control characters, bidi overrides left open, zero-width characters, formulas — in titles,
 * measures, goals, achievements and unit names), two reporters — one of a unit whose name opens
 * a right-to-left override — write reports of the same, the office returns one with such a
 * comment and drafts June's bulletin with such an opening. Then every page that shows any of it
 * is opened, and on each: no script ran, no element or link was made from the text, the page does
 * not scroll sideways, no override in the text reorders the interface around it, and the text is
 * there (so the checks had something to check).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BIDI,
  EVERY_KIND,
  EVERYTHING,
  HOSTILE_UNITS,
  hostilePlanCsv,
  RLO,
  hostilePlanRows,
  XSS,
} from '../helpers/hostile-text.js';
import { storableText } from '../../src/shared/text/storable-text.js';
import { pdf } from '../helpers/evidence-files.js';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { inspectPage, watchContext } from './hostile-checks.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { signIn } from './sign-in.js';

const START = Date.parse('2022-06-30T02:00:00.000Z');
const AS_OF = '2022-06-30';
const PERIOD = '2022-06';
const PASSWORD = 'e2e-Hostile-2022';
const REPORTERS = {
  /** 县农业农村局 leads item 1. */
  nongye: { username: 'nongye', unit: '县农业农村局' },
  /** The unit whose name opens an override leads item 4. */
  bidi: { username: 'shenji', unit: HOSTILE_UNITS.bidi },
} as const;

/** A bulletin's opening is at most 4 000 characters. */
const BULLETIN_OPENING = `${EVERY_KIND}\n${EVERYTHING}`.slice(0, 4000);

/** Every string the pages may show from the plan and the reports, as sent and as stored. */
const SENT = [
  ...hostilePlanRows().flatMap((row) => row.flatMap((cell) => [cell, ...cell.split(/[\n、]/)])),
  EVERY_KIND,
  EVERYTHING,
  `${EVERYTHING}\n${BIDI}`,
  ...Object.values(REPORTERS).map((r) => displayName(r.unit)),
  BULLETIN_OPENING,
];
const SOURCES = [...SENT, ...SENT.map(storableText)];

/** A reporter's name as the office typed it: markup, and the unit's name. */
function displayName(unit: string): string {
  return `<b data-xss>${unit}`;
}

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const foreign: string[][] = [];
const dialogs: string[] = [];
const pageErrors: string[] = [];
let admin: Page;
let reporter: Page;
let itemKeys: Map<number, string>;

async function newPage(): Promise<Page> {
  const guarded = await newGuardedContext(browser, server.url);
  contexts.push(guarded.context);
  foreign.push(guarded.foreign);
  await watchContext(guarded.context, dialogs);
  await guarded.context.clock.setSystemTime(START);
  const page = await guarded.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function csrf(page: Page): Promise<string> {
  const r = await page.request.get('/api/session');
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

async function api<T>(
  page: Page,
  method: 'POST' | 'PUT',
  path: string,
  data: unknown,
  status = 200,
): Promise<T> {
  const r = await page.request.fetch(path, { method, data, headers: { 'X-CSRF-Token': await csrf(page) } });
  expect(r.status(), `${method} ${path}: ${await r.text()}`).toBe(status);
  return (await r.json()) as T;
}

interface ItemDetailShape {
  itemKey: string;
  milestones: unknown[];
  targets: unknown[];
  achievements: unknown[];
}

/** A report on `number` full of hostile text, submitted; its id and revision. */
async function writeReport(page: Page, number: number): Promise<{ id: string; revision: number }> {
  const item = (await (
    await page.request.get(`/api/items/${number}?asOf=${AS_OF}`)
  ).json()) as ItemDetailShape;
  const saved = await api<{ id: string; revision: number }>(
    page,
    'PUT',
    `/api/reports/by-item/${item.itemKey}/${PERIOD}`,
    {
      revision: null,
      milestones: item.milestones.map(() => ({ state: 'at_risk', reason: EVERY_KIND })),
      targets: item.targets.map(() => null),
      achievements: item.achievements.map(() => ({
        reached: true,
        reachedOn: '2022-06-20',
        evidence: EVERY_KIND,
      })),
      narrative: `${EVERYTHING}\n${BIDI}`,
    },
    201,
  );
  const upload = await page.request.post(`/api/reports/${saved.id}/evidence`, {
    headers: { 'X-CSRF-Token': await csrf(page) },
    multipart: { file: { name: `${XSS.img}\u202e${BIDI}.pdf`, mimeType: 'application/pdf', buffer: pdf() } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  return api(page, 'POST', `/api/reports/${saved.id}/submit`, { revision: saved.revision });
}

/**
 * Opens `path`, waits for `ready`, does `open` (expands what is collapsed), waits for `expected`
 * text, then runs every check.
 */
async function visit(
  page: Page,
  path: string,
  ready: string,
  expected: string,
  shot: string,
  open?: () => Promise<void>,
): Promise<void> {
  await page.goto(path);
  await page.waitForSelector(`[data-testid="${ready}"]`);
  await open?.();
  await expect.poll(() => page.locator(`[data-testid="${ready}"]`).innerText()).toContain(expected);
  await checkPage(page, shot);
}

/** Every check on the page as it is now. */
async function checkPage(page: Page, shot: string): Promise<void> {
  const path = new URL(page.url()).pathname;
  const found = await inspectPage(page, SOURCES);
  await screenshot(page, `hostile-${shot}`);
  expect(found.xss, path).toBeUndefined();
  expect(found.elements, path).toEqual([]);
  expect(found.cspViolations, path).toEqual([]);
  expect({ path, ...found.overflow }).toEqual({ path, page: 0, main: 0, culprit: null });
  expect(found.longLines, path).toEqual([]);
  expect(found.bidiLeaks, path).toEqual([]);
}

describe('hostile text in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    const t0 = Date.now();
    server = await startTestServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    admin = await newPage();
    await signIn(admin, ADMIN.username, ADMIN.password);

    // The office imports the plan as a CSV through the import API the import page uses.
    const preview = await admin.request.post('/api/imports', {
      headers: { 'X-CSRF-Token': await csrf(admin) },
      multipart: {
        file: { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostilePlanCsv()) },
      },
    });
    expect(preview.status(), await preview.text()).toBe(200);
    const { id } = (await preview.json()) as { id: string };
    await api(admin, 'POST', `/api/imports/${id}/confirm`, {});
    const list = (await (await admin.request.get(`/api/items?asOf=${AS_OF}&pageSize=200`)).json()) as {
      items: { number: number; itemKey: string }[];
    };
    itemKeys = new Map(list.items.map((i) => [i.number, i.itemKey]));

    const { units } = (await (await admin.request.get('/api/units')).json()) as {
      units: { id: string; name: string }[];
    };
    for (const r of Object.values(REPORTERS)) {
      await api(
        admin,
        'POST',
        '/api/users',
        {
          username: r.username,
          displayName: displayName(r.unit),
          role: 'reporter',
          unitId: units.find((u) => u.name === r.unit)!.id,
          password: PASSWORD,
        },
        201,
      );
    }
    const nongye = await newPage();
    await signIn(nongye, REPORTERS.nongye.username, PASSWORD);
    await writeReport(nongye, 1);
    reporter = await newPage();
    await signIn(reporter, REPORTERS.bidi.username, PASSWORD);
    const returned = await writeReport(reporter, 4);
    await api(admin, 'POST', `/api/reports/${returned.id}/return`, {
      revision: returned.revision,
      comment: EVERY_KIND,
    });
    await api(admin, 'POST', '/api/bulletins', {
      period: PERIOD,
      opening: BULLETIN_OPENING,
      issuer: `${XSS.img}${BIDI}`,
    });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('the checks themselves find what they look for (a page built to fail each)', async () => {
    const page = await newPage();
    await page.setContent(
      `<main>
        <p><span>${RLO}县审计局</span> · 下一节点 2022年10月31日</p>
        <p><bdi>${RLO}县审计局</bdi> · 下一节点</p>
        <p>牵头单位：\u2068${RLO}县审计局\u2069。下一节点：\u2068完成\u2069。</p>
        <p>${'x'.repeat(3000)}</p>
        <b data-xss>made</b><a href=" JavaScript:alert(1)">link</a>
      </main>`,
    );
    const found = await inspectPage(page, [`${RLO}县审计局`, '完成']);
    expect(found.bidiLeaks).toEqual(['p.: “县审计局 · 下一节点 2022年10月31日”']);
    expect(found.longLines).toEqual([expect.stringMatching(/^p\.: \d+px$/)]);
    expect(found.overflow.page).toBeGreaterThan(0);
    expect(found.elements).toHaveLength(2);
    await page.close();
  });

  it('dashboard', async () => {
    await visit(admin, `/?asOf=${AS_OF}`, 'dashboard', '农户资产池', 'dashboard');
    // The plan's title, markup and all, as text.
    expect(await admin.locator('.page-header h1').innerText()).toContain(`三门县${XSS.img}2022年改革库`);
  });

  it('items list', async () => {
    await visit(admin, `/items?asOf=${AS_OF}`, 'items-page', '农户资产池', 'items');
    expect(await admin.locator('[data-testid="items-page"]').innerText()).toContain(XSS.script);
  });

  for (const [n, expected] of [
    [1, XSS.jsUrl],
    [2, 'AAAAAAAAAA'],
    [3, '控制字符'],
    [4, '反向标题'],
    [5, '字符'],
    [6, '=HYPERLINK('],
  ] as const) {
    it(`item ${n}`, async () => {
      await visit(admin, `/items/${n}?asOf=${AS_OF}`, 'item-page', expected, `item-${n}`);
    });
  }

  it('findings', async () => {
    await visit(admin, '/findings', 'findings-page', '上线AAAA', 'findings', () =>
      admin.locator('.ant-collapse-header').first().click(),
    );
  });

  it('units and timeline', async () => {
    await visit(admin, '/units', 'units-page', '县审计局', 'units');
    await visit(admin, `/timeline?asOf=${AS_OF}`, 'timeline-page', '农户资产池', 'timeline');
  });

  it('scoreboard', async () => {
    await visit(admin, `/scoreboard?asOf=${AS_OF}`, 'scoreboard-page', '县审计局', 'scoreboard');
  });

  it('review queue and the submitted report', async () => {
    await visit(admin, '/review', 'review-page', '农户资产池', 'review');
    await visit(admin, `/reports/${itemKeys.get(1)}/${PERIOD}`, 'report-form', '农户资产池', 'report-form');
    expect(await admin.locator('[data-testid="report-narrative"]').inputValue()).toContain(XSS.script);
  });

  it("the reporter's to-do list and returned report, under a unit name that opens an override", async () => {
    await visit(reporter, '/todo', 'todo-page', '县审计局', 'todo');
    await visit(
      reporter,
      `/reports/${itemKeys.get(4)}/${PERIOD}`,
      'report-form',
      '反向标题',
      'report-returned',
    );
  });

  it('bulletins: the list and the draft', async () => {
    await visit(admin, '/bulletins', 'bulletins-page', '2022年改革库', 'bulletins');
    await admin
      .getByRole('button', { name: /编\s?辑/ })
      .first()
      .click();
    await admin.waitForSelector('[data-testid="bulletin-editor"]');
    // The preview, beside the editor, prints the opening as the document will.
    await expect.poll(() => admin.locator('.bulletin-preview').innerText()).toContain(XSS.script);
    await checkPage(admin, 'bulletin-editor');
  });

  it('audit log', async () => {
    await visit(admin, '/audit', 'audit-page', '农户资产池', 'audit');
  });

  it('no script ran anywhere: no dialog, no page error, nothing fetched elsewhere', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(foreign.flat()).toEqual([]);
  });
});
