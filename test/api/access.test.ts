import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, login, openHarness, PASSWORD, type Harness, type Session } from './harness.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/services/reminders/reminder-settings.service.js';

/**
 * Every route × every role: anonymous 401, viewer and reporter 403 on admin routes, admin
 * through; CSRF on every write. The table must list every route of the OpenAPI document, so a
 * new route cannot be added without deciding who may call it here too.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `writer`: admin and reporter (a viewer writes nothing). */
type Access = 'anyone' | 'user' | 'writer' | 'admin';
interface Route {
  method: Method;
  path: string;
  access: Access;
  url: (h: Harness) => Promise<string> | string;
  body?: (h: Harness) => unknown;
}

const unit = (name: string) => async (h: Harness) => h.unitId(name);

const ROUTES: Route[] = [
  { method: 'GET', path: '/api/health', access: 'anyone', url: () => '/api/health' },
  { method: 'GET', path: '/api/health/ready', access: 'anyone', url: () => '/api/health/ready' },
  { method: 'GET', path: '/api/session', access: 'user', url: () => '/api/session' },
  {
    method: 'PUT',
    path: '/api/session/password',
    access: 'user',
    url: () => '/api/session/password',
    // A wrong current password: passes access control, then fails validation (400).
    body: () => ({ currentPassword: 'not-the-password-1', newPassword: 'brand-new-password-2' }),
  },
  { method: 'GET', path: '/api/dashboard', access: 'user', url: () => '/api/dashboard?asOf=2022-06-30' },
  { method: 'GET', path: '/api/dashboard/trend', access: 'user', url: () => '/api/dashboard/trend' },
  {
    method: 'GET',
    path: '/api/snapshots/{period}/changes',
    access: 'user',
    url: () => '/api/snapshots/2022-05/changes',
  },
  { method: 'GET', path: '/api/scoreboard', access: 'user', url: () => '/api/scoreboard?asOf=2022-06-30' },
  { method: 'GET', path: '/api/scoreboard/history', access: 'user', url: () => '/api/scoreboard/history' },
  { method: 'GET', path: '/api/items', access: 'user', url: () => '/api/items' },
  { method: 'GET', path: '/api/items/export.xlsx', access: 'user', url: () => '/api/items/export.xlsx' },
  { method: 'GET', path: '/api/ledger.xlsx', access: 'user', url: () => '/api/ledger.xlsx' },
  { method: 'GET', path: '/api/items/{number}', access: 'user', url: () => '/api/items/1' },
  { method: 'GET', path: '/api/units', access: 'user', url: () => '/api/units' },
  { method: 'GET', path: '/api/units/graph', access: 'user', url: () => '/api/units/graph' },
  {
    method: 'GET',
    path: '/api/units/{id}',
    access: 'user',
    url: async (h) => `/api/units/${await unit('县金融中心')(h)}`,
  },
  {
    method: 'PATCH',
    path: '/api/units/{id}',
    access: 'admin',
    url: async (h) => `/api/units/${await unit('县金融中心')(h)}`,
    body: () => ({ type: 'department' }),
  },
  {
    method: 'POST',
    path: '/api/units/{id}/merge',
    access: 'admin',
    url: async (h) => `/api/units/${await unit('县金融中心')(h)}/merge`,
    body: () => ({ into: randomUUID() }),
  },
  { method: 'GET', path: '/api/timeline', access: 'user', url: () => '/api/timeline' },
  { method: 'GET', path: '/api/findings', access: 'user', url: () => '/api/findings' },
  {
    method: 'GET',
    path: '/api/findings/report.docx',
    access: 'user',
    url: () => '/api/findings/report.docx',
  },
  {
    method: 'GET',
    path: '/api/findings/report.xlsx',
    access: 'user',
    url: () => '/api/findings/report.xlsx',
  },
  { method: 'POST', path: '/api/imports', access: 'admin', url: () => '/api/imports', body: () => ({}) },
  {
    method: 'POST',
    path: '/api/imports/{id}/confirm',
    access: 'admin',
    url: () => `/api/imports/${randomUUID()}/confirm`,
    body: () => ({}),
  },
  { method: 'DELETE', path: '/api/imports/{id}', access: 'admin', url: () => `/api/imports/${randomUUID()}` },
  { method: 'GET', path: '/api/users', access: 'admin', url: () => '/api/users' },
  {
    method: 'POST',
    path: '/api/users',
    access: 'admin',
    url: () => '/api/users',
    body: () => ({
      username: `u${randomUUID().slice(0, 8)}`,
      displayName: '督查',
      role: 'viewer',
      password: PASSWORD,
    }),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    access: 'admin',
    url: (h) => `/api/users/${h.users.viewer.id}`,
    body: () => ({ displayName: '县领导' }),
  },
  { method: 'DELETE', path: '/api/users/{id}', access: 'admin', url: () => `/api/users/${randomUUID()}` },
  { method: 'GET', path: '/api/org', access: 'user', url: () => '/api/org' },
  {
    method: 'PATCH',
    path: '/api/org',
    access: 'admin',
    url: () => '/api/org',
    body: () => ({ warningDays: 30 }),
  },
  // evidence
  {
    method: 'POST',
    path: '/api/reports/{id}/evidence',
    access: 'writer',
    url: () => `/api/reports/${randomUUID()}/evidence`,
    body: () => ({}),
  },
  {
    method: 'GET',
    path: '/api/reports/{id}/evidence',
    access: 'user',
    url: () => `/api/reports/${randomUUID()}/evidence`,
  },
  { method: 'GET', path: '/api/evidence/{id}', access: 'user', url: () => `/api/evidence/${randomUUID()}` },
  {
    method: 'DELETE',
    path: '/api/evidence/{id}',
    access: 'writer',
    url: () => `/api/evidence/${randomUUID()}`,
  },
  // progress reports: unknown ids and item keys, so callers get through access control to a 404
  { method: 'GET', path: '/api/reports/todo', access: 'writer', url: () => '/api/reports/todo' },
  { method: 'GET', path: '/api/reports', access: 'user', url: () => '/api/reports?status=submitted' },
  {
    method: 'GET',
    path: '/api/reports/by-item/{itemKey}/{period}',
    access: 'user',
    url: () => '/api/reports/by-item/no-such-item/2022-06',
  },
  {
    method: 'PUT',
    path: '/api/reports/by-item/{itemKey}/{period}',
    access: 'writer',
    url: () => '/api/reports/by-item/no-such-item/2022-06',
    body: () => ({ milestones: [], targets: [], achievements: [], narrative: '', revision: null }),
  },
  { method: 'GET', path: '/api/reports/{id}', access: 'user', url: () => `/api/reports/${randomUUID()}` },
  {
    method: 'POST',
    path: '/api/reports/{id}/submit',
    access: 'writer',
    url: () => `/api/reports/${randomUUID()}/submit`,
    body: () => ({ revision: 1 }),
  },
  {
    method: 'POST',
    path: '/api/reports/{id}/return',
    access: 'admin',
    url: () => `/api/reports/${randomUUID()}/return`,
    body: () => ({ revision: 1, comment: '请补充佐证材料' }),
  },
  {
    method: 'POST',
    path: '/api/reports/{id}/approve',
    access: 'admin',
    url: () => `/api/reports/${randomUUID()}/approve`,
    body: () => ({ revision: 1 }),
  },
  {
    method: 'PUT',
    path: '/api/reports/{id}/contribution',
    access: 'writer',
    url: () => `/api/reports/${randomUUID()}/contribution`,
    body: () => ({ narrative: '配合单位意见', revision: null }),
  },
  {
    method: 'GET',
    path: '/api/items/by-key/{itemKey}/reports',
    access: 'user',
    url: () => '/api/items/by-key/no-such-item/reports',
  },
  // reminders (the office's) and notifications (each user's own; another's is a 404)
  { method: 'GET', path: '/api/org/reminders', access: 'admin', url: () => '/api/org/reminders' },
  {
    method: 'PUT',
    path: '/api/org/reminders',
    access: 'admin',
    url: () => '/api/org/reminders',
    body: () => DEFAULT_REMINDER_SETTINGS,
  },
  {
    method: 'POST',
    path: '/api/org/reminders/test',
    access: 'admin',
    url: () => '/api/org/reminders/test',
    body: () => ({ channel: 'in_app' }),
  },
  { method: 'GET', path: '/api/reminders/log', access: 'admin', url: () => '/api/reminders/log' },
  { method: 'GET', path: '/api/notifications', access: 'user', url: () => '/api/notifications' },
  {
    method: 'POST',
    path: '/api/notifications/{id}/read',
    access: 'user',
    url: () => `/api/notifications/${randomUUID()}/read`,
  },
  {
    method: 'POST',
    path: '/api/notifications/read-all',
    access: 'user',
    url: () => '/api/notifications/read-all',
  },
  { method: 'GET', path: '/api/bulletins', access: 'user', url: () => '/api/bulletins' },
  {
    method: 'POST',
    path: '/api/bulletins',
    access: 'admin',
    url: () => '/api/bulletins',
    body: () => ({ period: '2022-05' }),
  },
  { method: 'GET', path: '/api/bulletins/{id}', access: 'user', url: () => `/api/bulletins/${randomUUID()}` },
  {
    method: 'PATCH',
    path: '/api/bulletins/{id}',
    access: 'admin',
    url: () => `/api/bulletins/${randomUUID()}`,
    body: () => ({ opening: '现将有关情况通报如下。' }),
  },
  {
    method: 'POST',
    path: '/api/bulletins/{id}/publish',
    access: 'admin',
    url: () => `/api/bulletins/${randomUUID()}/publish`,
  },
  {
    method: 'GET',
    path: '/api/bulletins/{id}.docx',
    access: 'user',
    url: () => `/api/bulletins/${randomUUID()}.docx`,
  },
  // 政务公开 (the office's side; the public site under /public is HTML outside the API)
  { method: 'GET', path: '/api/publications', access: 'admin', url: () => '/api/publications' },
  {
    method: 'GET',
    path: '/api/publications/history',
    access: 'admin',
    url: () => '/api/publications/history',
  },
  {
    method: 'GET',
    path: '/api/publications/public-at',
    access: 'admin',
    url: () => '/api/publications/public-at?at=2022-06-30T00:00:00Z',
  },
  {
    method: 'GET',
    path: '/api/publications/{period}',
    access: 'admin',
    url: () => '/api/publications/2022-05',
  },
  {
    method: 'POST',
    path: '/api/publications/{period}/publish',
    access: 'admin',
    // A period not begun yet: through access control to a 400, nothing published.
    url: () => '/api/publications/2030-01/publish',
    body: () => ({ includeScoreboard: false }),
  },
  {
    method: 'POST',
    path: '/api/publications/{period}/withdraw',
    access: 'admin',
    url: () => '/api/publications/2022-01/withdraw',
  },
  {
    method: 'PUT',
    path: '/api/publications/{period}/summaries/{itemKey}',
    access: 'admin',
    url: () => '/api/publications/2022-05/summaries/no-such-item',
    body: () => ({ text: '进展顺利' }),
  },
  // the org tree and roll-ups (issue 9); who sees which org: isolation-matrix.test.ts
  { method: 'GET', path: '/api/orgs', access: 'user', url: () => '/api/orgs' },
  {
    method: 'POST',
    path: '/api/orgs',
    access: 'admin',
    url: () => '/api/orgs',
    body: () => ({ name: `街道${randomUUID().slice(0, 8)}`, type: 'town' }),
  },
  { method: 'GET', path: '/api/orgs/{id}/users', access: 'admin', url: (h) => `/api/orgs/${h.orgId}/users` },
  {
    method: 'POST',
    path: '/api/orgs/users/{userId}/move',
    access: 'admin',
    url: () => `/api/orgs/users/${randomUUID()}/move`,
    body: (h) => ({ orgId: h.orgId }),
  },
  {
    method: 'PUT',
    path: '/api/orgs/users/{userId}/read-below',
    access: 'admin',
    url: (h) => `/api/orgs/users/${h.users.viewer.id}/read-below`,
    body: () => ({ readBelow: false }),
  },
  { method: 'GET', path: '/api/rollup', access: 'user', url: () => '/api/rollup?asOf=2022-06-30' },
  { method: 'GET', path: '/api/rollup/themes', access: 'user', url: () => '/api/rollup/themes' },
  { method: 'GET', path: '/api/rollup/search', access: 'user', url: () => '/api/rollup/search?q=%E5%86%9C' },
  { method: 'GET', path: '/api/rollup/export.xlsx', access: 'user', url: () => '/api/rollup/export.xlsx' },
  // Sign-in and sign-out have tests of their own (session.test.ts); listed for completeness.
  { method: 'GET', path: '/api/audit', access: 'admin', url: () => '/api/audit?actor=admin' },
  { method: 'GET', path: '/api/audit/entities', access: 'admin', url: () => '/api/audit/entities' },
  {
    method: 'GET',
    path: '/api/audit/export.xlsx',
    access: 'admin',
    url: () => '/api/audit/export.xlsx?entity=unit',
  },
  { method: 'POST', path: '/api/session', access: 'anyone', url: () => '/api/session' },
  { method: 'DELETE', path: '/api/session', access: 'user', url: () => '/api/session' },
];

const MATRIX = ROUTES.filter((r) => !(r.path === '/api/session' && r.method !== 'GET'));
const WRITES = MATRIX.filter((r) => r.method !== 'GET');

describe('access control on every route', () => {
  let h: Harness;
  const sessions: Record<'admin' | 'viewer' | 'reporter', Session> = {} as never;

  beforeAll(async () => {
    h = await openHarness('sqlite');
    sessions.admin = await login(h, 'admin');
    sessions.viewer = await login(h, 'leader');
    sessions.reporter = await login(h, 'nongyeju');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists every route of the OpenAPI document', async () => {
    const doc = (await call(h, null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, object> }>();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented);
  });

  it.each(MATRIX)('$method $path: anonymous → 401 unless public', async (route) => {
    const r = await call(h, null, route.method, await route.url(h), { body: route.body?.(h) });
    if (route.access === 'anyone') expect(r.statusCode).not.toBe(401);
    else {
      expect(r.statusCode).toBe(401);
      expect(errorOf(r).code).toBe('unauthenticated');
    }
  });

  it.each(MATRIX)(
    '$method $path: viewer and reporter → 403 on admin routes (viewer on writer routes), through elsewhere',
    async (route) => {
      for (const who of ['viewer', 'reporter'] as const) {
        const r = await call(h, sessions[who], route.method, await route.url(h), { body: route.body?.(h) });
        if (route.access === 'admin' || (route.access === 'writer' && who === 'viewer')) {
          expect(r.statusCode, who).toBe(403);
          expect(errorOf(r).code).toBe('forbidden');
        } else expect([401, 403], `${who}: ${r.body}`).not.toContain(r.statusCode);
      }
    },
  );

  it.each(MATRIX)('$method $path: admin → through', async (route) => {
    const r = await call(h, sessions.admin, route.method, await route.url(h), { body: route.body?.(h) });
    expect([401, 403], r.body).not.toContain(r.statusCode);
  });

  it.each(WRITES)('$method $path: a write without or with a wrong X-CSRF-Token → 403 csrf', async (route) => {
    for (const csrf of [null, 'x'.repeat(43), sessions.viewer.csrf]) {
      const r = await call(h, sessions.admin, route.method, await route.url(h), {
        body: route.body?.(h),
        csrf,
      });
      expect(r.statusCode).toBe(403);
      expect(errorOf(r).code).toBe('csrf');
    }
  });

  it('a reporter cannot change units, neither another unit nor its own', async () => {
    const other = await h.unitId('县金融中心');
    const own = h.users.reporter.unitId!;
    for (const id of [other, own]) {
      const r = await call(h, sessions.reporter, 'PATCH', `/api/units/${id}`, {
        body: { name: '县金融服务中心' },
      });
      expect(r.statusCode).toBe(403);
      const m = await call(h, sessions.reporter, 'POST', `/api/units/${id}/merge`, {
        body: { into: id === own ? other : own },
      });
      expect(m.statusCode).toBe(403);
    }
    const units = (await call(h, sessions.reporter, 'GET', '/api/units')).json<{
      units: { id: string; name: string }[];
    }>();
    expect(units.units.find((u) => u.id === other)?.name).toBe('县金融中心');
  });

  it('a reporter cannot change another user, nor make itself admin', async () => {
    const r = await call(h, sessions.reporter, 'PATCH', `/api/users/${h.users.reporter.id}`, {
      body: { role: 'admin' },
    });
    expect(r.statusCode).toBe(403);
    const o = await call(h, sessions.reporter, 'PATCH', `/api/users/${h.users.otherReporter.id}`, {
      body: { disabled: true },
    });
    expect(o.statusCode).toBe(403);
  });

  it('a viewer cannot write anything: every admin write is refused before its body is read', async () => {
    const r = await call(h, sessions.viewer, 'PATCH', '/api/org', { body: { warningDays: 'not a number' } });
    expect(r.statusCode).toBe(403);
  });
});
