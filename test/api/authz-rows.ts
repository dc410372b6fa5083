import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/services/reminders/reminder-settings.service.js';
import { login, PASSWORD, SEED } from './harness.js';
import type { Who, World } from './authz-world.js';
import { cells, get, officeRead, signedInRead, type Case } from './authz-cases.js';
import { REPORTING_ROWS } from './authz-rows-reporting.js';

/**
 * The authorization matrix inside one organisation: for every route of the app, for each kind
 * of resource it acts on, the exact status each caller gets. Columns, in this order:
 *
 *   anonymous · admin (改革办) · lead (reporter of the item's lead unit) · co (reporter of a
 *   co-unit) · other (reporter of a unit with no part in the item) · viewer (领导/督查)
 *
 * "Own/other unit" is the lead / co / other columns: every report-bound resource belongs to
 * 县农业农村局's item. A resource a caller may not read answers 404 like one that does not exist
 * (IDOR: its id reveals nothing); a role that may never call a route answers 403 before the
 * resource is looked at, whatever the id (so that 403 reveals nothing either).
 *
 * Where success would use up a shared resource (publishing, merging units) the admin's cell
 * names a resource whose answer is a deterministic 404/409 past the access check; the success
 * itself is covered by the route's own test and by audit-coverage.test.ts.
 */

const SANMEN = readFileSync(SEED);

export const ROWS: Record<string, Case[]> = {
  'GET /api/health': [
    { resource: 'public', request: get('/api/health'), expect: cells('200 200 200 200 200 200') },
  ],
  'GET /api/health/ready': [
    { resource: 'public', request: get('/api/health/ready'), expect: cells('200 200 200 200 200 200') },
  ],
  'GET /api/openapi.json': [
    { resource: 'public', request: get('/api/openapi.json'), expect: cells('200 200 200 200 200 200') },
  ],

  // session
  'POST /api/session': [
    {
      resource: 'a name nobody has (sign-in is for anyone; a session changes nothing)',
      request: (_w, who) => ({
        method: 'POST',
        url: '/api/session',
        body: { username: `nobody-${who}`, password: 'not-a-password-1' },
      }),
      expect: cells('401 401 401 401 401 401'),
    },
  ],
  'GET /api/session': signedInRead('/api/session'),
  'DELETE /api/session': [
    {
      resource: "the caller's own session (a fresh one)",
      request: async (w, who) => ({
        method: 'DELETE',
        url: '/api/session',
        ...(who === 'anonymous' ? {} : { session: await login(w.h, usernameOf(w, who)) }),
      }),
      expect: cells('401 204 204 204 204 204'),
    },
  ],
  'PUT /api/session/password': [
    {
      resource: "the caller's own password (a wrong current one: 400 past the access check)",
      request: () => ({
        method: 'PUT',
        url: '/api/session/password',
        body: { currentPassword: 'not-the-password-1', newPassword: 'brand-new-password-2' },
      }),
      expect: cells('401 400 400 400 400 400'),
    },
  ],

  // the ledger: every signed-in user of the organisation reads all of it
  'GET /api/dashboard': signedInRead('/api/dashboard?asOf=2022-06-30'),
  'GET /api/dashboard/trend': signedInRead('/api/dashboard/trend'),
  'GET /api/timeline': signedInRead('/api/timeline'),
  'GET /api/snapshots/:period/changes': signedInRead('/api/snapshots/2022-05/changes'),
  'GET /api/scoreboard': signedInRead('/api/scoreboard?asOf=2022-06-30'),
  'GET /api/scoreboard/history': signedInRead('/api/scoreboard/history'),
  'GET /api/items': signedInRead('/api/items'),
  'GET /api/items/export.xlsx': signedInRead('/api/items/export.xlsx'),
  'GET /api/ledger.xlsx': signedInRead('/api/ledger.xlsx'),
  'GET /api/items/:number': signedInRead('/api/items/1'),
  'GET /api/findings': signedInRead('/api/findings'),
  'GET /api/findings/report.docx': signedInRead('/api/findings/report.docx'),
  'GET /api/findings/report.xlsx': signedInRead('/api/findings/report.xlsx'),
  'GET /api/org': signedInRead('/api/org'),
  'GET /api/units': signedInRead('/api/units'),
  'GET /api/units/graph': signedInRead('/api/units/graph'),
  'GET /api/units/:id': [
    {
      resource: "the caller's own unit (the lead's)",
      request: (w) => ({ method: 'GET', url: `/api/units/${w.leadUnitId}` }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],

  // the office's administration
  'PATCH /api/units/:id': [
    {
      resource: 'the lead unit (the reporter of that unit may not change it either)',
      request: (w) => ({ method: 'PATCH', url: `/api/units/${w.leadUnitId}`, body: { type: 'department' } }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/units/:id/merge': [
    {
      resource: 'the lead unit into a unit that does not exist (admin: 404 past the access check)',
      request: (w) => ({
        method: 'POST',
        url: `/api/units/${w.leadUnitId}/merge`,
        body: { into: randomUUID() },
      }),
      expect: cells('401 404 403 403 403 403'),
    },
  ],
  'PATCH /api/org': [
    {
      resource: 'the organisation',
      request: () => ({ method: 'PATCH', url: '/api/org', body: { warningDays: 30 } }),
      expect: cells('401 200 403 403 403 403'),
    },
    {
      resource: 'the organisation, a body that fails validation (the role is refused before it is read)',
      request: () => ({ method: 'PATCH', url: '/api/org', body: { warningDays: 'not a number' } }),
      expect: cells('401 400 403 403 403 403'),
    },
  ],
  'GET /api/users': officeRead('/api/users'),
  'POST /api/users': [
    {
      resource: 'a new viewer',
      request: () => ({
        method: 'POST',
        url: '/api/users',
        body: {
          username: `u${randomUUID().slice(0, 8)}`,
          displayName: '督查',
          role: 'viewer',
          password: PASSWORD,
        },
      }),
      expect: cells('401 201 403 403 403 403'),
    },
  ],
  'PATCH /api/users/:id': [
    {
      resource: "the caller's own account (only the office changes accounts, its own included)",
      request: (w, who) => ({
        method: 'PATCH',
        url: `/api/users/${who === 'anonymous' ? w.userIds.viewer : w.userIds[who]}`,
        body: { displayName: '改名' },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
    {
      resource: "the caller's own account, made admin (no one raises their own role)",
      request: (w, who) => ({
        method: 'PATCH',
        url: `/api/users/${who === 'anonymous' ? w.userIds.viewer : w.userIds[who]}`,
        body: { role: 'admin' },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
    {
      resource: 'another user (a spare viewer)',
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/users/${await w.spareUser()}`,
        body: { disabled: true },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'DELETE /api/users/:id': [
    {
      resource: 'another user (a spare viewer)',
      request: async (w) => ({ method: 'DELETE', url: `/api/users/${await w.spareUser()}` }),
      expect: cells('401 204 403 403 403 403'),
    },
  ],
  'POST /api/imports': [
    {
      resource: 'a plan document',
      request: () => ({ method: 'POST', url: '/api/imports', file: { name: 'sanmen.txt', bytes: SANMEN } }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/imports/:id/confirm': [
    {
      resource: "the office's preview (the plan unchanged: confirmed as nothing to do)",
      request: async (w) => ({ method: 'POST', url: `/api/imports/${await w.preview()}/confirm`, body: {} }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'DELETE /api/imports/:id': [
    {
      resource: "the office's preview",
      request: async (w) => ({ method: 'DELETE', url: `/api/imports/${await w.preview()}` }),
      expect: cells('401 204 403 403 403 403'),
    },
  ],
  'GET /api/org/reminders': officeRead('/api/org/reminders'),
  'PUT /api/org/reminders': [
    {
      resource: 'the organisation',
      request: () => ({ method: 'PUT', url: '/api/org/reminders', body: DEFAULT_REMINDER_SETTINGS }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/org/reminders/test': [
    {
      resource: 'the organisation',
      request: () => ({ method: 'POST', url: '/api/org/reminders/test', body: { channel: 'in_app' } }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'GET /api/reminders/log': officeRead('/api/reminders/log'),
  'GET /api/audit': officeRead('/api/audit'),
  'GET /api/audit/entities': officeRead('/api/audit/entities'),
  'GET /api/audit/export.xlsx': officeRead('/api/audit/export.xlsx?entity=unit'),

  // notifications: each user's own
  'GET /api/notifications': signedInRead('/api/notifications'),
  'POST /api/notifications/:id/read': [
    {
      resource: "the caller's own notification",
      request: (w, who) => ({
        method: 'POST',
        url: `/api/notifications/${w.notifications[who === 'anonymous' ? 'viewer' : who]}/read`,
      }),
      expect: cells('401 200 200 200 200 200'),
    },
    {
      resource: "another user's notification (the lead's; the lead's column: the co-unit's)",
      request: (w, who) => ({
        method: 'POST',
        url: `/api/notifications/${w.notifications[who === 'lead' ? 'co' : 'lead']}/read`,
      }),
      expect: cells('401 404 404 404 404 404'),
    },
  ],
  'POST /api/notifications/read-all': [
    {
      resource: "the caller's own notifications",
      request: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],

  ...REPORTING_ROWS,

  // the organisation tree (issue 9); across organisations: isolation-matrix.test.ts
  'GET /api/orgs': signedInRead('/api/orgs'),
  'POST /api/orgs': [
    {
      resource: 'a new town below the caller’s county',
      request: () => ({
        method: 'POST',
        url: '/api/orgs',
        body: { name: `乡镇${randomUUID().slice(0, 8)}`, type: 'town' },
      }),
      expect: cells('401 201 403 403 403 403'),
    },
  ],
  'GET /api/orgs/:id/users': [
    {
      resource: 'the caller’s own organisation',
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.h.orgId}/users` }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/orgs/users/:userId/move': [
    {
      resource: 'a spare viewer, to the organisation it is in',
      request: async (w) => ({
        method: 'POST',
        url: `/api/orgs/users/${await w.spareUser()}/move`,
        body: { orgId: w.h.orgId },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'PUT /api/orgs/users/:userId/read-below': [
    {
      resource: 'a spare viewer',
      request: async (w) => ({
        method: 'PUT',
        url: `/api/orgs/users/${await w.spareUser()}/read-below`,
        body: { readBelow: true },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  // Roll-ups of the caller's own org (a county has nothing below: itself only) are everyone's;
  // another org's need the "read below" grant (isolation-matrix.test.ts).
  'GET /api/rollup': signedInRead('/api/rollup'),
  'GET /api/rollup/themes': signedInRead('/api/rollup/themes'),
  'GET /api/rollup/search': signedInRead('/api/rollup/search?q=改革'),
  'GET /api/rollup/export.xlsx': signedInRead('/api/rollup/export.xlsx'),

  // the public site's publications (issue 5): the office's
  'GET /api/publications': officeRead('/api/publications'),
  'GET /api/publications/history': officeRead('/api/publications/history'),
  'GET /api/publications/public-at': officeRead('/api/publications/public-at?at=2022-06-30T00:00:00Z'),
  'GET /api/publications/:period': officeRead('/api/publications/2022-05'),
  'POST /api/publications/:period/publish': [
    {
      resource: 'a period',
      request: () => ({
        method: 'POST',
        url: '/api/publications/2022-05/publish',
        body: { includeScoreboard: false },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/publications/:period/withdraw': [
    {
      resource: 'a published period (published again first for the admin)',
      request: async (w, who) => {
        if (who === 'admin') {
          await w.send('admin', {
            method: 'POST',
            url: '/api/publications/2022-05/publish',
            body: { includeScoreboard: false },
          });
        }
        return { method: 'POST', url: '/api/publications/2022-05/withdraw' };
      },
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'PUT /api/publications/:period/summaries/:itemKey': [
    {
      resource: 'the item’s public summary',
      request: (w) => ({
        method: 'PUT',
        url: `/api/publications/2022-05/summaries/${w.item.itemKey}`,
        body: { text: '宅基地改革有序推进。' },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
};

/** Routes outside the matrix, and why. */
export const OUTSIDE: Record<string, string> = {
  'GET /api/docs': 'Swagger UI: public static files by contract (app.ts)',
  'GET /api/docs/': 'Swagger UI',
  'GET /api/docs/*': 'Swagger UI',
  'GET /api/docs/json': 'Swagger UI: the same document as /api/openapi.json, public',
  'GET /api/docs/yaml': 'Swagger UI: the same document, public',
  'GET /api/docs/static/index.html': 'Swagger UI',
  'GET /api/docs/static/swagger-initializer.js': 'Swagger UI',
};

function usernameOf(w: World, who: Exclude<Who, 'anonymous'>): string {
  return { admin: 'admin', lead: 'nongyeju', co: 'jinrong', other: 'other-unit', viewer: 'leader' }[who];
}
