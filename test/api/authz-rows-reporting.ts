import { randomUUID } from 'node:crypto';
import { pdf } from '../helpers/evidence-files.js';
import type { Who, World } from './authz-world.js';
import { cells, get, signedInRead, type Case } from './authz-cases.js';

/**
 * The matrix's rows for progress reports, their evidence and the bulletins made from them (see
 * authz-rows.ts for the columns).
 */

const PERIOD_OF: Partial<Record<Who, string>> = { admin: '2022-02', lead: '2022-03' };

export const REPORTING_ROWS: Record<string, Case[]> = {
  // progress reports of 县农业农村局's item
  'GET /api/reports/todo': [
    {
      resource: "the caller's unit's duties (a viewer has none)",
      request: get('/api/reports/todo'),
      expect: cells('401 200 200 200 200 403'),
    },
  ],
  'GET /api/reports': signedInRead('/api/reports?status=draft'),
  'GET /api/items/by-key/:itemKey/reports': [
    {
      resource: "the item's report history (drafts filtered per caller)",
      request: (w) => ({ method: 'GET', url: `/api/items/by-key/${w.item.itemKey}/reports` }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],
  'GET /api/reports/:id': [
    {
      resource: 'a draft',
      request: async (w) => ({ method: 'GET', url: `/api/reports/${await w.draft()}` }),
      expect: cells('401 200 200 200 404 404'),
    },
    {
      resource: 'a submitted report (part of the record)',
      request: async (w) => ({ method: 'GET', url: `/api/reports/${await w.submitted()}` }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],
  'GET /api/reports/by-item/:itemKey/:period': [
    {
      resource: 'a draft',
      request: async (w) => ({ method: 'GET', url: await byItemUrl(w, await w.draft()) }),
      expect: cells('401 200 200 200 404 404'),
    },
    {
      resource: 'a submitted report',
      request: async (w) => ({ method: 'GET', url: await byItemUrl(w, await w.submitted()) }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],
  'PUT /api/reports/by-item/:itemKey/:period': [
    {
      resource: 'a period with no report yet (the lead writes it, the office on its behalf)',
      request: (w, who) => ({
        method: 'PUT',
        url: `/api/reports/by-item/${w.item.itemKey}/${PERIOD_OF[who] ?? '2022-04'}`,
        body: { ...emptyContent(w), revision: null },
      }),
      expect: cells('401 201 201 403 403 403'),
    },
    {
      resource: 'an existing draft',
      request: async (w) => ({
        method: 'PUT',
        url: await byItemUrl(w, await w.draft()),
        body: { ...emptyContent(w), narrative: '已推进', revision: 1 },
      }),
      expect: cells('401 200 200 403 403 403'),
    },
  ],
  'POST /api/reports/:id/submit': [
    {
      resource: 'a draft',
      request: async (w) => ({
        method: 'POST',
        url: `/api/reports/${await w.draft()}/submit`,
        body: { revision: 1 },
      }),
      expect: cells('401 200 200 403 404 403'),
    },
  ],
  'POST /api/reports/:id/return': [
    {
      resource: 'a submitted report',
      request: async (w) => ({
        method: 'POST',
        url: `/api/reports/${await w.submitted()}/return`,
        body: { revision: 2, comment: '请补充佐证材料' },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/reports/:id/approve': [
    {
      resource: 'a submitted report',
      request: async (w) => ({
        method: 'POST',
        url: `/api/reports/${await w.submitted()}/approve`,
        body: { revision: 2 },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'PUT /api/reports/:id/contribution': [
    {
      resource: "a draft (a contribution is a co-unit's)",
      request: async (w) => ({
        method: 'PUT',
        url: `/api/reports/${await w.draft()}/contribution`,
        body: { narrative: '配合单位意见', revision: null },
      }),
      expect: cells('401 403 403 200 404 403'),
    },
    {
      resource: 'a report that does not exist (every writer past the role check: 404)',
      request: () => ({
        method: 'PUT',
        url: `/api/reports/${randomUUID()}/contribution`,
        body: { narrative: '配合单位意见', revision: null },
      }),
      expect: cells('401 404 404 404 404 403'),
    },
  ],

  // evidence of 县农业农村局's report
  'POST /api/reports/:id/evidence': [
    {
      resource: 'a draft',
      request: async (w, who) => ({
        method: 'POST',
        url: `/api/reports/${await w.draft()}/evidence`,
        file: { name: `${who}.pdf`, bytes: pdf(who) },
      }),
      expect: cells('401 201 201 201 404 403'),
    },
    {
      resource: 'a submitted report (closed to files; readable by all)',
      request: async (w, who) => ({
        method: 'POST',
        url: `/api/reports/${await w.submitted()}/evidence`,
        file: { name: `${who}.pdf`, bytes: pdf(who) },
      }),
      expect: cells('401 409 409 409 403 403'),
    },
  ],
  'GET /api/reports/:id/evidence': [
    {
      resource: "a draft's files",
      request: async (w) => ({ method: 'GET', url: `/api/reports/${(await w.evidence()).report}/evidence` }),
      expect: cells('401 200 200 200 404 404'),
    },
  ],
  'GET /api/evidence/:id': [
    {
      resource: "a file of a draft, the lead unit's",
      request: async (w) => ({ method: 'GET', url: `/api/evidence/${(await w.evidence()).evidence}` }),
      expect: cells('401 200 200 200 404 404'),
    },
  ],
  'DELETE /api/evidence/:id': [
    {
      resource: "a file of a draft, the lead unit's (a co-unit removes only its own)",
      request: async (w) => ({ method: 'DELETE', url: `/api/evidence/${(await w.evidence()).evidence}` }),
      expect: cells('401 204 204 403 404 403'),
    },
  ],

  // bulletins: published ones are everyone's, drafts the office's
  'GET /api/bulletins': signedInRead('/api/bulletins'),
  'POST /api/bulletins': [
    {
      resource: "a period's draft (the existing one)",
      request: () => ({ method: 'POST', url: '/api/bulletins', body: { period: '2022-05' } }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'GET /api/bulletins/:id': [
    {
      resource: 'a draft',
      request: (w) => ({ method: 'GET', url: `/api/bulletins/${w.bulletins.draft}` }),
      expect: cells('401 200 404 404 404 404'),
    },
    {
      resource: 'a published bulletin',
      request: (w) => ({ method: 'GET', url: `/api/bulletins/${w.bulletins.published}` }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],
  'GET /api/bulletins/:id.docx': [
    {
      resource: 'a draft',
      request: (w) => ({ method: 'GET', url: `/api/bulletins/${w.bulletins.draft}.docx` }),
      expect: cells('401 200 404 404 404 404'),
    },
    {
      resource: 'a published bulletin',
      request: (w) => ({ method: 'GET', url: `/api/bulletins/${w.bulletins.published}.docx` }),
      expect: cells('401 200 200 200 200 200'),
    },
  ],
  'PATCH /api/bulletins/:id': [
    {
      resource: 'a draft',
      request: (w) => ({
        method: 'PATCH',
        url: `/api/bulletins/${w.bulletins.draft}`,
        body: { opening: '现将有关情况通报如下。' },
      }),
      expect: cells('401 200 403 403 403 403'),
    },
  ],
  'POST /api/bulletins/:id/publish': [
    {
      resource: 'a bulletin already published (admin: 409 past the access check)',
      request: (w) => ({ method: 'POST', url: `/api/bulletins/${w.bulletins.published}/publish` }),
      expect: cells('401 409 403 403 403 403'),
    },
  ],
};

async function byItemUrl(w: World, reportId: string): Promise<string> {
  const row = await w.h.t.db.kysely
    .selectFrom('reports')
    .select('period')
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  return `/api/reports/by-item/${w.item.itemKey}/${row.period}`;
}

function emptyContent(w: World) {
  const fill = (n: number) => Array.from({ length: n }, () => null);
  return {
    milestones: fill(w.item.milestones),
    targets: fill(w.item.targets),
    achievements: fill(w.item.achievements),
    narrative: '',
  };
}
