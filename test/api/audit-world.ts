import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { UserDto } from '../../src/shared/api/index.js';
import type { ApiApp } from '../../src/server/context.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { pdf } from '../helpers/evidence-files.js';
import { content, currentItem, insertReport, type Step } from '../helpers/report-rows.js';
import type { ReportDto } from '../../src/shared/api/reports.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * The app the audit-coverage scenarios (audit-scenarios.ts) run against: the Sanmen plan on
 * SQLite, a session of each kind of caller, and the shortcuts the scenarios prepare with.
 */

export interface AuditWorld {
  h: Harness;
  as: Record<'admin' | 'viewer' | 'reporter' | 'otherReporter', Session>;
  close(): Promise<void>;
}

export async function openAuditWorld(): Promise<AuditWorld> {
  // Evidence files go under DATA_DIR: a folder of this world's own, not ./data.
  const dataDir = mkdtempSync(join(tmpdir(), 'rl-audit-coverage-'));
  let h: Harness;
  try {
    h = await openHarness('sqlite', { env: { DATA_DIR: dataDir } });
    await h.app.ready();
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    h,
    as: {
      admin: await login(h, 'admin'),
      viewer: await login(h, 'leader'),
      reporter: await login(h, 'nongyeju'),
      otherReporter: await login(h, 'jinrong'),
    },
    async close() {
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function reportOf(h: Harness, s: Session, id: string): Promise<ReportDto> {
  return (await call(h, s, 'GET', `/api/reports/${id}`)).json<ReportDto>();
}

export async function reportStep(
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
export async function draftReport(
  { h }: AuditWorld,
  steps: readonly Step[] = [],
  coUnit?: string,
): Promise<string> {
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

export function attach(app: ApiApp, s: Session, reportId: string): Promise<LightMyRequestResponse> {
  return multipart(app, s, `/api/reports/${reportId}/evidence`, '会议纪要.pdf', pdf('Sanmen 2022'));
}

export function upload(app: ApiApp, s: Session, text: string): Promise<LightMyRequestResponse> {
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

export async function userId({ h, as }: AuditWorld, username: string): Promise<string> {
  const users = (await call(h, as.admin, 'GET', '/api/users')).json<{ users: UserDto[] }>().users;
  return users.find((u) => u.username === username)!.id;
}
