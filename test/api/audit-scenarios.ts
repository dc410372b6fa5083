import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportPreview, UserDto } from '../../src/shared/api/index.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { call, login, PASSWORD, SEED } from './harness.js';
import { attach, draftReport, reportOf, reportStep, upload, userId, type AuditWorld } from './audit-world.js';

/**
 * Which write routes are audited, and how (audit-coverage.test.ts): each /api route that is not a
 * GET is either in AUDITED — with a scenario that calls it, whose audit row must name the entity
 * and the caller — or in EXEMPT with a reason.
 */

export interface Scenario {
  /** The entity kind the route's audit row names, and who it must name as the actor. */
  entity: string;
  actor: string;
  /** Whatever the call needs first (its own writes are not counted). */
  prepare?: (w: AuditWorld) => Promise<string>;
  /** The call of the route itself; `id` is what prepare returned. */
  run: (w: AuditWorld, id: string) => Promise<LightMyRequestResponse>;
}

const SANMEN = readFileSync(SEED, 'utf8');

/** Routes that write without an audit row of their own, and why that is right. Keep it short. */
export const EXEMPT: Record<string, string> = {
  // The caller's own inbox state: marking a notification read changes no record of the ledger,
  // and a row per click would bury the log. The notification keeps its read_at.
  'POST /api/notifications/:id/read': 'own read mark',
  'POST /api/notifications/read-all': 'own read marks',
  // Sends a test message with unsaved settings; the attempt is in the reminder send log
  // (reminder_outbox / reminder_attempts, worker `test:<username>`), nothing else changes.
  'POST /api/org/reminders/test': 'test send, logged in the send log',
};

export const AUDITED: Record<string, Scenario> = {
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
