import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, UserDto } from '../../src/shared/api/index.js';
import type { ApiApp } from '../../src/server/context.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { pdf } from '../helpers/evidence-files.js';
import { content, currentItem, insertReport, type Step } from '../helpers/report-rows.js';
import type { ReportDto } from '../../src/shared/api/reports.js';
import { call, login, openHarness, PASSWORD, SEED, type Harness, type Session } from './harness.js';
import { routesOf } from './route-list.js';

/**
 * "Every write is recorded" (issue 7), proven route by route: the test reads the routes of the
 * built app and requires each /api route that is not a GET to be either in AUDITED — with a
 * scenario that calls it and must find the audit row it writes, by the caller — or in EXEMPT with
 * a reason. A new write route that is in neither list fails the first test; one that forgets
 * appendAudit fails the second.
 */

interface World {
  h: Harness;
  as: Record<'admin' | 'viewer' | 'reporter' | 'otherReporter', Session>;
}

interface Scenario {
  /** The entity kind the route's audit row names, and who it must name as the actor. */
  entity: string;
  actor: string;
  /** Whatever the call needs first (its own writes are not counted). */
  prepare?: (w: World) => Promise<string>;
  /** The call of the route itself; `id` is what prepare returned. */
  run: (w: World, id: string) => Promise<LightMyRequestResponse>;
}

const SANMEN = readFileSync(SEED, 'utf8');

/** Routes that write without an audit row of their own, and why that is right. Keep it short. */
const EXEMPT: Record<string, string> = {
  // The caller's own inbox state: marking a notification read changes no record of the ledger,
  // and a row per click would bury the log. The notification keeps its read_at.
  'POST /api/notifications/:id/read': 'own read mark',
  'POST /api/notifications/read-all': 'own read marks',
  // Sends a test message with unsaved settings; the attempt is in the reminder send log
  // (reminder_outbox / reminder_attempts, worker `test:<username>`), nothing else changes.
  'POST /api/org/reminders/test': 'test send, logged in the send log',
};

const AUDITED: Record<string, Scenario> = {
  'POST /api/session': {
    entity: 'session',
    actor: 'leader',
    run: ({ h }) =>
      h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'leader', password: PASSWORD },
      }),
  },
  'DELETE /api/session': {
    entity: 'session',
    actor: 'jinrong',
    prepare: async (w) => {
      w.as.otherReporter = await login(w.h, 'jinrong');
      return '';
    },
    run: ({ h, as }) => call(h, as.otherReporter, 'DELETE', '/api/session'),
  },
  'PUT /api/session/password': {
    entity: 'user',
    actor: 'leader',
    run: ({ h, as }) =>
      call(h, as.viewer, 'PUT', '/api/session/password', {
        body: { currentPassword: PASSWORD, newPassword: `${PASSWORD}x1` },
      }),
  },
  'PATCH /api/org': {
    entity: 'org_settings',
    actor: 'admin',
    run: ({ h, as }) => call(h, as.admin, 'PATCH', '/api/org', { body: { warningDays: 21 } }),
  },
  'PUT /api/org/reminders': {
    entity: 'reminder_settings',
    actor: 'admin',
    prepare: async ({ h, as }) => (await call(h, as.admin, 'GET', '/api/org/reminders')).body,
    run: ({ h, as }, current) => {
      const body = JSON.parse(current) as { rules: { reportDaysBefore: number[] } };
      body.rules.reportDaysBefore = body.rules.reportDaysBefore.includes(4) ? [2] : [4];
      return call(h, as.admin, 'PUT', '/api/org/reminders', { body });
    },
  },
  'POST /api/imports': {
    entity: 'import_preview',
    actor: 'admin',
    run: ({ h, as }) =>
      upload(h.app, as.admin, SANMEN.replace('提升托育照护建设水平', '提升托育照护服务水平')),
  },
  'DELETE /api/imports/:id': {
    entity: 'import_preview',
    actor: 'admin',
    prepare: async ({ h, as }) => (await upload(h.app, as.admin, SANMEN)).json<ImportPreview>().id,
    run: ({ h, as }, id) => call(h, as.admin, 'DELETE', `/api/imports/${id}`),
  },
  'POST /api/imports/:id/confirm': {
    entity: 'plan_version',
    actor: 'admin',
    prepare: async ({ h, as }) =>
      (
        await upload(h.app, as.admin, SANMEN.replace('提升托育照护建设水平', '提升托育照护服务水平'))
      ).json<ImportPreview>().id,
    run: ({ h, as }, id) => call(h, as.admin, 'POST', `/api/imports/${id}/confirm`, { body: {} }),
  },
  'PATCH /api/units/:id': {
    entity: 'unit',
    actor: 'admin',
    prepare: ({ h }) => h.unitId('县民政局'),
    run: ({ h, as }, id) => call(h, as.admin, 'PATCH', `/api/units/${id}`, { body: { type: 'department' } }),
  },
  'POST /api/units/:id/merge': {
    entity: 'unit',
    actor: 'admin',
    prepare: async ({ h }) => `${await h.unitId('县人力社保局')}/${await h.unitId('县民政局')}`,
    run: ({ h, as }, ids) => {
      const [from, into] = ids.split('/');
      return call(h, as.admin, 'POST', `/api/units/${from}/merge`, { body: { into } });
    },
  },
  'POST /api/users': {
    entity: 'user',
    actor: 'admin',
    run: ({ h, as }) =>
      call(h, as.admin, 'POST', '/api/users', {
        body: { username: 'duchaa', displayName: '督查室', role: 'viewer', password: PASSWORD },
      }),
  },
  'PATCH /api/users/:id': {
    entity: 'user',
    actor: 'admin',
    prepare: (w) => userId(w, 'duchaa'),
    run: ({ h, as }, id) =>
      call(h, as.admin, 'PATCH', `/api/users/${id}`, { body: { displayName: '县委督查室' } }),
  },
  'DELETE /api/users/:id': {
    entity: 'user',
    actor: 'admin',
    prepare: (w) => userId(w, 'duchaa'),
    run: ({ h, as }, id) => call(h, as.admin, 'DELETE', `/api/users/${id}`),
  },
  // The org tree (issue 9): audited in the admin's own org (and in the orgs each write touches).
  'POST /api/orgs': {
    entity: 'org',
    actor: 'admin',
    run: ({ h, as }) => call(h, as.admin, 'POST', '/api/orgs', { body: { name: '海游街道', type: 'town' } }),
  },
  'POST /api/orgs/users/:userId/move': {
    entity: 'user',
    actor: 'admin',
    prepare: async ({ h, as }) => {
      const town = await call(h, as.admin, 'POST', '/api/orgs', { body: { name: '珠岙镇', type: 'town' } });
      const user = await call(h, as.admin, 'POST', '/api/users', {
        body: { username: 'zhuao', displayName: '珠岙镇联络员', role: 'viewer', password: PASSWORD },
      });
      return `${user.json<UserDto>().id}/${town.json<{ id: string }>().id}`;
    },
    run: ({ h, as }, ids) => {
      const [userId, orgId] = ids.split('/');
      return call(h, as.admin, 'POST', `/api/orgs/users/${userId}/move`, { body: { orgId } });
    },
  },
  'PUT /api/orgs/users/:userId/read-below': {
    entity: 'user',
    actor: 'admin',
    run: ({ h, as }) =>
      call(h, as.admin, 'PUT', `/api/orgs/users/${h.users.viewer.id}/read-below`, {
        body: { readBelow: true },
      }),
  },
  'POST /api/reports/:id/evidence': {
    entity: 'evidence',
    actor: 'nongyeju',
    prepare: (w) => draftReport(w),
    run: ({ h, as }, id) => attach(h.app, as.reporter, id),
  },
  'DELETE /api/evidence/:id': {
    entity: 'evidence',
    actor: 'nongyeju',
    prepare: async (w) =>
      (await attach(w.h.app, w.as.reporter, await draftReport(w))).json<{ id: string }>().id,
    run: ({ h, as }, id) => call(h, as.reporter, 'DELETE', `/api/evidence/${id}`),
  },
  // progress reports: each call reloads the report (a read) and writes against its revision
  'PUT /api/reports/by-item/:itemKey/:period': {
    entity: 'report',
    actor: 'nongyeju',
    prepare: (w) => draftReport(w),
    run: async ({ h, as }, id) => {
      const r = await reportOf(h, as.admin, id);
      return call(h, as.reporter, 'PUT', `/api/reports/by-item/${r.itemKey}/${r.period}`, {
        body: { ...r.content, narrative: '已完成摸底', revision: r.revision },
      });
    },
  },
  'POST /api/reports/:id/submit': {
    entity: 'report',
    actor: 'nongyeju',
    prepare: (w) => draftReport(w),
    run: async ({ h, as }, id) => reportStep(h, as.reporter, id, 'submit'),
  },
  'POST /api/reports/:id/return': {
    entity: 'report',
    actor: 'admin',
    prepare: (w) => draftReport(w, [['submit', '2022-06-20T02:00:00.000Z']]),
    run: async ({ h, as }, id) => reportStep(h, as.admin, id, 'return', { comment: '请补充佐证材料' }),
  },
  'POST /api/reports/:id/approve': {
    entity: 'report',
    actor: 'admin',
    prepare: (w) => draftReport(w, [['submit', '2022-06-20T02:00:00.000Z']]),
    run: async ({ h, as }, id) => reportStep(h, as.admin, id, 'approve'),
  },
  'PUT /api/reports/:id/contribution': {
    entity: 'report_contribution',
    actor: 'jinrong',
    prepare: async (w) => {
      // DELETE /api/session signed jinrong out.
      w.as.otherReporter = await login(w.h, 'jinrong');
      return draftReport(w, [], '县金融中心');
    },
    run: async ({ h, as }, id) =>
      call(h, as.otherReporter, 'PUT', `/api/reports/${id}/contribution`, {
        body: { narrative: '县金融中心已对接专项贷款', revision: null },
      }),
  },
  'POST /api/bulletins': {
    entity: 'bulletin',
    actor: 'admin',
    run: ({ h, as }) => call(h, as.admin, 'POST', '/api/bulletins', { body: { period: '2022-05' } }),
  },
  'PATCH /api/bulletins/:id': {
    entity: 'bulletin',
    actor: 'admin',
    prepare: async ({ h, as }) =>
      (await call(h, as.admin, 'POST', '/api/bulletins', { body: { period: '2022-04' } })).json<{
        id: string;
      }>().id,
    run: ({ h, as }, id) =>
      call(h, as.admin, 'PATCH', `/api/bulletins/${id}`, {
        body: { opening: '现将4月份改革推进情况通报如下。' },
      }),
  },
  'POST /api/bulletins/:id/publish': {
    entity: 'bulletin',
    actor: 'admin',
    prepare: async ({ h, as }) =>
      (await call(h, as.admin, 'POST', '/api/bulletins', { body: { period: '2022-03' } })).json<{
        id: string;
      }>().id,
    run: ({ h, as }, id) => call(h, as.admin, 'POST', `/api/bulletins/${id}/publish`),
  },
  'POST /api/publications/:period/publish': {
    entity: 'publication',
    actor: 'admin',
    run: ({ h, as }) =>
      call(h, as.admin, 'POST', '/api/publications/2022-04/publish', { body: { includeScoreboard: true } }),
  },
  'POST /api/publications/:period/withdraw': {
    entity: 'publication',
    actor: 'admin',
    prepare: async ({ h, as }) => {
      await call(h, as.admin, 'POST', '/api/publications/2022-02/publish', {
        body: { includeScoreboard: false },
      });
      return '2022-02';
    },
    run: ({ h, as }, period) => call(h, as.admin, 'POST', `/api/publications/${period}/withdraw`),
  },
  'PUT /api/publications/:period/summaries/:itemKey': {
    entity: 'public_summary',
    actor: 'admin',
    prepare: async ({ h }) => (await loadLedger(h.t.db, new LedgerCache(), h.orgId)).items[0]!.itemKey,
    run: ({ h, as }, itemKey) =>
      call(h, as.admin, 'PUT', `/api/publications/2022-04/summaries/${itemKey}`, {
        body: { text: '已按期完成年度任务。' },
      }),
  },
};

async function reportOf(h: Harness, s: Session, id: string): Promise<ReportDto> {
  return (await call(h, s, 'GET', `/api/reports/${id}`)).json<ReportDto>();
}

async function reportStep(
  h: Harness,
  s: Session,
  id: string,
  action: 'submit' | 'return' | 'approve',
  extra: object = {},
): Promise<LightMyRequestResponse> {
  const { revision } = await reportOf(h, s, id);
  return call(h, s, 'POST', `/api/reports/${id}/${action}`, { body: { revision, ...extra } });
}

let periods = 0;

/**
 * A report of an item 县农业农村局 leads (with `coUnit` among its co-units, if given), written
 * straight into the tables: a draft, or as `steps` leave it.
 */
async function draftReport({ h }: World, steps: readonly Step[] = [], coUnit?: string): Promise<string> {
  const unitId = await h.unitId('县农业农村局');
  const coId = coUnit === undefined ? undefined : await h.unitId(coUnit);
  const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
  const led = ledger.items.find(
    (e) => e.lead?.id === unitId && (coId === undefined || e.units.some((u) => u.id === coId)),
  )!;
  const item = await currentItem(h.t.db, h.orgId, led.item.number!);
  return insertReport(h.t.db, h.orgId, {
    item,
    period: `2021-${String(++periods).padStart(2, '0')}`,
    unitId,
    content: content(item),
    steps,
  });
}

function attach(app: ApiApp, s: Session, reportId: string): Promise<LightMyRequestResponse> {
  return multipart(app, s, `/api/reports/${reportId}/evidence`, '会议纪要.pdf', pdf('Sanmen 2022'));
}

function upload(app: ApiApp, s: Session, text: string): Promise<LightMyRequestResponse> {
  return multipart(app, s, '/api/imports', 'sanmen.txt', Buffer.from(text));
}

function multipart(
  app: ApiApp,
  s: Session,
  url: string,
  fileName: string,
  bytes: Buffer,
): Promise<LightMyRequestResponse> {
  const boundary = '----reform-ledger-audit';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
    },
  });
}

async function userId({ h, as }: World, username: string): Promise<string> {
  const users = (await call(h, as.admin, 'GET', '/api/users')).json<{ users: UserDto[] }>().users;
  return users.find((u) => u.username === username)!.id;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

describe('every write route of the API is audited', () => {
  let w: World;
  let writes: string[];

  let dataDir: string;

  beforeAll(async () => {
    // Evidence files go under DATA_DIR: a folder of this test's own, not ./data.
    dataDir = mkdtempSync(join(tmpdir(), 'rl-audit-coverage-'));
    const h = await openHarness('sqlite', { env: { DATA_DIR: dataDir } });
    await h.app.ready();
    w = {
      h,
      as: {
        admin: await login(h, 'admin'),
        viewer: await login(h, 'leader'),
        reporter: await login(h, 'nongyeju'),
        otherReporter: await login(h, 'jinrong'),
      },
    };
    writes = routesOf(h.app).filter((r) => {
      const [method, url] = r.split(' ') as [string, string];
      return url.startsWith('/api/') && !READS.has(method);
    });
  });
  afterAll(async () => {
    await w?.h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the route list from the app (the parser sees known routes, GET and write)', () => {
    const all = routesOf(w.h.app);
    expect(all).toEqual(
      expect.arrayContaining([
        'GET /api/items/:number',
        'GET /api/audit/export.xlsx',
        'PATCH /api/units/:id',
        'POST /api/units/:id/merge',
        'DELETE /api/users/:id',
      ]),
    );
    // Every path of the OpenAPI document is in the tree too, so nothing is lost in parsing.
    const paths = Object.keys((w.h.app as unknown as { swagger(): { paths: object } }).swagger().paths);
    const urls = new Set(all.map((r) => r.split(' ')[1]));
    for (const p of paths) expect(urls, p).toContain(p.replace(/\{(\w+)\}/g, ':$1'));
  });

  it('has every non-GET /api route either audited (with a scenario) or exempt (with a reason)', () => {
    const listed = new Set([...Object.keys(AUDITED), ...Object.keys(EXEMPT)]);
    const unlisted = writes.filter((r) => !listed.has(r));
    expect(unlisted, 'write routes with no audit scenario and no exemption').toEqual([]);
    const gone = [...listed].filter((r) => !writes.includes(r));
    expect(gone, 'listed routes the app no longer has').toEqual([]);
    for (const r of Object.keys(EXEMPT)) expect(AUDITED[r], r).toBeUndefined();
  });

  it('finds, for each audited route, the row its call wrote, naming the caller', async () => {
    const missing: string[] = [];
    for (const [route, s] of Object.entries(AUDITED)) {
      if (!writes.includes(route)) continue; // reported by the test above
      const id = s.prepare ? await s.prepare(w) : '';
      const before = new Set((await listAudit(w.h.t.db.kysely, w.h.orgId)).map((a) => a.id));
      const r = await s.run(w, id);
      expect(r.statusCode, `${route}: ${r.body}`).toBeLessThan(300);
      const added = (await listAudit(w.h.t.db.kysely, w.h.orgId)).filter((a) => !before.has(a.id));
      if (!added.some((a) => a.entity === s.entity && a.actor === s.actor)) {
        missing.push(
          `${route}: wrote ${JSON.stringify(added.map((a) => `${a.action} ${a.entity} by ${a.actor}`))}`,
        );
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes the audit log only through appendAudit: no other code names the table', () => {
    const allowed = new Set(['store/audit.repository.ts', 'store/schema.ts']);
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      const rel = file.slice('src/'.length);
      if (allowed.has(rel) || rel.startsWith('store/migrations/') || rel.endsWith('.test.ts')) continue;
      if (/['"`]audit_log['"`]|\baudit_log\b\s*(set|where)/i.test(readFileSync(file, 'utf8')))
        offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => join(d.parentPath, d.name));
}
