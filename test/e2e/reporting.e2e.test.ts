/**
 * Progress reporting in a real browser, end to end, on the Sanmen plan in June 2022 (the server's
 * and the browsers' clocks start at 2022-06-20 10:00 in Sanmen; June's report is due on the 25th).
 * The reporter of 县农业农村局 opens 我的待办, writes item 40 (未来乡村试点建设) — its overdue
 * milestone “第一批试点村（横渡镇坎下金片区）完成规划设计” done — with a PDF as evidence, meets a
 * colleague's concurrent save (409, nothing lost), submits; the office returns it with a comment;
 * the reporter sees the comment, edits, resubmits; the office approves; the item, the dashboard's
 * counts and the scoreboard change accordingly. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newGuardedContext, screenshot } from './browser.js';
import { ensureWebBuilt } from './build-web.js';
import { startTestServer, ADMIN, type TestServer } from './test-server.js';
import { smallPdf } from './small-pdf.js';
import { apiGet, signIn } from './sign-in.js';

const START = Date.parse('2022-06-20T02:00:00.000Z');
const AS_OF = '2022-06-20';
/** The scoreboard counts June's report once it is due (the 25th): read it at the month's end. */
const SCORE_AS_OF = '2022-06-30';
const ITEM = 40;
const MILESTONE = '第一批试点村（横渡镇坎下金片区）完成规划设计';
const UNIT = '县农业农村局';
const REPORTER = { username: 'nongyeju', password: 'e2e-Nongye-2022' };
const COMMENT = '请补充坎下金片区规划设计的批复文件。';
const PDF_NAME = '坎下金片区规划设计批复.pdf';

interface Counts {
  red: number;
  yellow: number;
  green: number;
  done: number;
  total: number;
}
interface ScoreRow {
  rank: number;
  score: number | null;
  unit: { name: string };
  items: Counts;
  milestones: { due: number; dueDone: number };
  reports: { due: number; onTime: number; returned: number; submitted: number };
}

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Each context's record of requests to other hosts. */
const foreign: string[][] = [];
let admin: Page;
let reporter: Page;
let before: { red: number; row: ScoreRow };
let formUrl: string;

async function newPage(): Promise<Page> {
  const guarded = await newGuardedContext(browser, server.url);
  contexts.push(guarded.context);
  // Both clocks in June 2022, moving: "today" in the browser is the server's today.
  await guarded.context.clock.setSystemTime(START);
  foreign.push(guarded.foreign);
  return guarded.context.newPage();
}

async function scoreRow(page: Page): Promise<ScoreRow> {
  const board = await apiGet<{ rows: ScoreRow[] }>(page, `/api/scoreboard?asOf=${SCORE_AS_OF}`);
  return board.rows.find((r) => r.unit.name === UNIT)!;
}

async function pickDate(page: Page, scope: string, testid: string, iso: string): Promise<void> {
  const input = page
    .locator(`${scope} [data-testid="${testid}"] input`)
    .or(page.locator(`${scope} input[data-testid="${testid}"]`))
    .first();
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/** The report's status as the workflow card shows it. */
async function status(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="report-status"]').innerText()).toContain(text);
}

async function openForm(page: Page): Promise<void> {
  await page.goto(formUrl);
  await page.waitForSelector('[data-testid="report-form"]');
}

describe('progress reporting in chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    const t0 = Date.now();
    server = await startTestServer({ now: () => new Date(START + (Date.now() - t0)) });
    browser = await launchChromium();
    admin = await newPage();
    await signIn(admin, ADMIN.username, ADMIN.password);
    // The reporter account, made by the office as it would in 系统管理.
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
    reporter = await newPage();
    await signIn(reporter, REPORTER.username, REPORTER.password);
    const dash = await apiGet<{ counts: Counts }>(admin, `/api/dashboard?asOf=${AS_OF}`);
    before = { red: dash.counts.red, row: await scoreRow(admin) };
    const item = await apiGet<{ status: string }>(admin, `/api/items/${ITEM}?asOf=${AS_OF}`);
    expect(item.status).toBe('red');
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the reporter this period in 我的待办 and opens item 40 from the keyboard', async () => {
    await reporter.goto('/todo');
    await reporter.waitForSelector('[data-testid="todo-page"]');
    const period = await reporter.locator('[data-testid="todo-period"]').innerText();
    expect(period).toContain('2022年6月');
    expect(period).toContain('2022年6月25日');
    expect(period).toContain('还剩 5 天');
    const row = reporter.locator('[data-testid="todo-lead"] tr', {
      has: reporter.locator(`[data-testid="todo-open-${ITEM}"]`),
    });
    expect(await row.innerText()).toContain('需填报');
    await screenshot(reporter, '20-todo');
    await reporter.locator(`[data-testid="todo-open-${ITEM}"]`).focus();
    await reporter.keyboard.press('Enter');
    await reporter.waitForURL(/\/reports\/.+\/2022-06/);
    formUrl = new URL(reporter.url()).pathname + new URL(reporter.url()).search;
    await reporter.waitForSelector('[data-testid="report-form"]');
    expect(await reporter.locator('[data-testid="milestone-entry-0"]').innerText()).toContain(MILESTONE);
    await status(reporter, '需填报');
  });

  it('saves the milestone as done, attaches a PDF, and keeps a colleague’s concurrent edit (409)', async () => {
    const entry = reporter.locator('[data-testid="milestone-entry-0"]');
    await entry.locator('label').filter({ hasText: '已完成' }).click();
    await pickDate(reporter, '[data-testid="milestone-entry-0"]', 'milestone-doneOn-0', '2022-03-28');
    await reporter.locator('[data-testid="report-narrative"]').fill('坎下金片区规划设计已完成。');
    await reporter.locator('[data-testid="report-save"]').click();
    await status(reporter, '草稿');

    await reporter.locator('[data-testid="evidence"] input[type="file"]').setInputFiles({
      name: PDF_NAME,
      mimeType: 'application/pdf',
      buffer: smallPdf('Kanxiajin planning approval 2022'),
    });
    await expect
      .poll(() => reporter.locator('[data-testid="evidence-file"]').innerText())
      .toContain(PDF_NAME);
    const href = await reporter.locator('[data-testid="evidence-file"] a').first().getAttribute('href');
    const file = await reporter.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // A colleague of the same unit, in another tab, saves first: the second milestone in progress.
    const colleague = await reporter.context().newPage();
    await openForm(colleague);
    const second = colleague.locator('[data-testid="milestone-entry-1"]');
    await second.locator('label').filter({ hasText: '推进中' }).click();
    await second.getByLabel('完成进度').fill('30');
    await colleague.locator('[data-testid="report-narrative"]').fill('坎下金片区试点村建设已启动。');
    await colleague.locator('[data-testid="report-save"]').click();
    await status(colleague, '草稿');
    await colleague.close();

    // This tab's save is stale: refused, said so, and nothing typed is lost.
    const mine = '坎下金片区规划设计已完成，已通过评审。';
    await reporter.locator('[data-testid="report-narrative"]').fill(mine);
    await reporter.locator('[data-testid="report-save"]').click();
    await expect
      .poll(() => reporter.locator('[data-testid="stale-notice"]').innerText())
      .toContain('此报告已被他人修改');
    expect(await reporter.locator('[data-testid="report-narrative"]').inputValue()).toBe(mine);
    await screenshot(reporter, '21-report-conflict');
    await reporter.locator('[data-testid="load-latest"]').click();
    await reporter.waitForSelector('[data-testid="merged-notice"]');
    expect(await reporter.locator('[data-testid="conflict-narrative"]').innerText()).toContain(
      '试点村建设已启动',
    );
    expect(await reporter.locator('[data-testid="report-narrative"]').inputValue()).toBe(mine);
    await reporter
      .locator('[data-testid="conflict-narrative"]')
      .getByRole('button', { name: /保留我的/ })
      .click();
    await reporter.locator('[data-testid="report-save"]').click();
    await expect.poll(() => reporter.locator('[data-testid="report-save"]').isDisabled()).toBe(true);
    const saved = await apiGet<{ content: { milestones: unknown[]; narrative: string } }>(
      reporter,
      `/api${formUrl.replace('/reports/', '/reports/by-item/').replace(/\?.*$/, '')}`,
    );
    expect(saved.content.narrative).toBe(mine);
    expect(saved.content.milestones).toEqual([
      { state: 'done', doneOn: '2022-03-28' },
      { state: 'in_progress', percent: 30 },
    ]);
    await screenshot(reporter, '22-report-form');

    await reporter.locator('[data-testid="report-submit"]').click();
    await status(reporter, '已报送');
  });

  it('lets the office find it in 审核 (on time) and return it with a comment', async () => {
    await admin.goto('/review');
    const row = admin.locator('[data-testid="review-page"] .ant-table-row', { hasText: '未来乡村试点建设' });
    await expect.poll(() => row.innerText()).toContain('按时');
    expect(await row.innerText()).toContain(UNIT);
    await screenshot(admin, '23-review');
    await row.locator('[data-testid="review-open"]').click();
    await admin.waitForSelector('[data-testid="report-form"]');
    expect(await admin.locator('[data-testid="evidence-file"]').innerText()).toContain(PDF_NAME);
    await admin.locator('[data-testid="report-return"]').click();
    const ok = admin.locator('.ant-modal-footer .ant-btn-primary');
    expect(await ok.isDisabled()).toBe(true);
    await admin.locator('[data-testid="return-comment-input"]').fill(COMMENT);
    await ok.click();
    await status(admin, '已退回');
  });

  it('shows the reporter the comment in 我的待办; the reporter edits and resubmits', async () => {
    await reporter.goto('/todo');
    const returned = reporter.locator('[data-testid="todo-returned"]');
    await expect.poll(() => returned.innerText()).toContain(COMMENT);
    await screenshot(reporter, '24-todo-returned');
    await returned.getByRole('link').first().click();
    await reporter.waitForSelector('[data-testid="report-form"]');
    expect(await reporter.locator('[data-testid="returned-notice"]').innerText()).toContain(COMMENT);
    const narrative = reporter.locator('[data-testid="report-narrative"]');
    await narrative.fill(`${await narrative.inputValue()}批复文件见佐证材料。`);
    await reporter.locator('[data-testid="report-submit"]').click();
    await status(reporter, '已报送');
  });

  it('lets the office approve it; the history shows every step', async () => {
    await openForm(admin);
    await status(admin, '已报送');
    await admin.locator('[data-testid="report-approve"]').click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await status(admin, '已审核');
    const events = await admin.locator('[data-testid="report-events"]').innerText();
    for (const step of ['提交了报告', '退回了报告', '审核通过']) expect(events).toContain(step);
    expect(events).toContain(COMMENT);
    await screenshot(admin, '25-report-approved');
  });

  it('turns item 40 green and changes the dashboard’s counts and the scoreboard', async () => {
    const item = await apiGet<{ status: string }>(admin, `/api/items/${ITEM}?asOf=${AS_OF}`);
    expect(item.status).toBe('green');
    const dash = await apiGet<{ counts: Counts }>(admin, `/api/dashboard?asOf=${AS_OF}`);
    expect(dash.counts.red).toBe(before.red - 1);
    await admin.goto(`/?asOf=${AS_OF}`);
    await expect
      .poll(() => admin.locator('[data-testid="count-red"] .stat-value').innerText())
      .toBe(String(before.red - 1));

    await admin.goto(`/items/${ITEM}?asOf=${AS_OF}`);
    const reports = admin.locator('[data-testid="item-reports"]');
    await expect.poll(() => reports.innerText()).toContain('已审核');
    expect(await reports.innerText()).toContain('2022年6月');
    expect(await admin.locator('.page-header h1').innerText()).toContain('绿色');
    await screenshot(admin, '26-item-reports');

    // The scoreboard: one more due milestone done, one red item fewer, and June's report — submitted
    // twice, returned once, the resubmission before the due date — counted.
    const row = await scoreRow(admin);
    expect(row.milestones.dueDone).toBe(before.row.milestones.dueDone + 1);
    expect(row.items.red).toBe(before.row.items.red - 1);
    expect(before.row.reports).toMatchObject({ submitted: 0, returned: 0, onTime: 0 });
    expect(row.reports).toMatchObject({ submitted: 2, returned: 1, onTime: 1 });
    expect(row.score!).toBeGreaterThan(before.row.score ?? 0);
    expect(row.rank).toBe(1);
    await admin.goto(`/scoreboard?asOf=${SCORE_AS_OF}`);
    const shown = admin.locator('[data-testid="score-table"] .ant-table-row', { hasText: UNIT });
    await expect.poll(() => shown.innerText()).toContain(`${row.milestones.dueDone}/${row.milestones.due}`);
    expect(await shown.innerText()).toContain(`${row.reports.onTime}/${row.reports.due}`);
    await screenshot(admin, '27-scoreboard');
  });

  it('charts item 1’s approved 15.2亿元 against its 15亿元 target on the item page', async () => {
    // The office writes this one on the lead unit's behalf, from the item page.
    await admin.goto(`/items/1?asOf=${AS_OF}`);
    await admin.locator('[data-testid="write-report"]').click();
    await admin.waitForSelector('[data-testid="report-form"]');
    const target = admin.locator('[data-testid="target-entry-0"]');
    expect(await target.innerText()).toContain('15亿元');
    await admin.locator('[data-testid="target-actual-0"]').fill('15.2');
    await expect.poll(() => target.innerText()).toContain('折合 15.2亿元');
    await admin.locator('[data-testid="report-submit"]').click();
    await status(admin, '已报送');
    await admin.locator('[data-testid="report-approve"]').click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await status(admin, '已审核');

    await admin.goto(`/items/1?asOf=${AS_OF}`);
    const chart = admin.locator('[data-testid="actuals-chart"]').first();
    await chart.locator('canvas').waitFor();
    expect(await chart.locator('table').textContent()).toContain('15.2亿元');
    await chart.scrollIntoViewIfNeeded();
    await screenshot(admin, '28-item-actuals-chart');
  });

  it('fetched nothing from any other host', () => {
    expect(foreign.flat()).toEqual([]);
  });
});
