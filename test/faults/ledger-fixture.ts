import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiApp } from '../../src/server/context.js';
import { pdf } from '../helpers/evidence-files.js';
import { homesteadContent, homesteadItem, PERIOD, save, step } from '../api/reports-fixtures.js';
import { login, PASSWORD, type Harness, type Session } from '../api/harness.js';
import { injectUpload } from './inject-upload.js';

/**
 * A ledger with something of everything a backup must carry — approved and draft reports,
 * evidence files, a published bulletin with its .docx — and the answers the API gives about it.
 */

/** Reports (approved, and a draft with two evidence files) and a published bulletin, through the API. */
export async function makeLedger(h: Harness): Promise<string[]> {
  const admin = await login(h, 'admin');
  const reporter = await login(h, 'nongyeju');
  const item = await homesteadItem(h, reporter);
  const report = await step(h, reporter, await save(h, reporter, item, homesteadContent(), null), 'submit');
  await step(h, admin, report, 'approve');
  const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const may = await h.app.inject({
    method: 'PUT',
    url: `/api/reports/by-item/${item.itemKey}/2022-05`,
    headers: headers(reporter),
    payload: { ...homesteadContent('五月进展'), revision: null },
  });
  expect(may.statusCode, may.body).toBe(201);
  const mayId = may.json<{ id: string }>().id;
  const evidence: string[] = [];
  for (const text of ['one', 'two']) {
    const r = await injectUpload(
      h.app,
      headers(reporter),
      `/api/reports/${mayId}/evidence`,
      `${text}.pdf`,
      pdf(text),
    );
    expect(r.statusCode, r.body).toBe(201);
    evidence.push(r.json<{ id: string }>().id);
  }
  const bulletin = await h.app.inject({
    method: 'POST',
    url: '/api/bulletins',
    headers: headers(admin),
    payload: { period: PERIOD },
  });
  const bulletinId = bulletin.json<{ id: string }>().id;
  const published = await h.app.inject({
    method: 'POST',
    url: `/api/bulletins/${bulletinId}/publish`,
    headers: headers(admin),
  });
  expect(published.statusCode, published.body).toBe(200);
  return [
    '/api/items?pageSize=200',
    `/api/items/${item.number}`,
    '/api/dashboard',
    '/api/scoreboard',
    `/api/reports/${report.id}`,
    `/api/reports/${mayId}`,
    `/api/items/by-key/${item.itemKey}/reports`,
    '/api/bulletins',
    `/api/bulletins/${bulletinId}`,
    `/api/bulletins/${bulletinId}.docx`,
    ...evidence.map((id) => `/api/evidence/${id}`),
  ];
}

/** Each URL's status, type and body hash, as the admin sees it. */
export async function answers(app: ApiApp, urls: string[]): Promise<Record<string, string>> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'admin', password: PASSWORD },
  });
  const header = r.headers['set-cookie'];
  const cookie = String(Array.isArray(header) ? header[0] : header).split(';')[0]!;
  const out: Record<string, string> = {};
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const hash = createHash('sha256').update(res.rawPayload).digest('hex').slice(0, 16);
    out[url] = `${res.statusCode} ${String(res.headers['content-type'])} ${res.rawPayload.length} ${hash}`;
  }
  return out;
}
