import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Env } from '../../src/config.js';
import type { DialectName } from '../../src/store/database.js';
import { loadLedger, LedgerCache } from '../../src/services/ledger.service.js';
import { insertNotifications } from '../../src/store/notifications.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { pdf } from '../helpers/evidence-files.js';
import { content, currentItem, insertReport, type CurrentItem, type Step } from '../helpers/report-rows.js';
import { call, login, NOW, openHarness, SEED, type Harness, type Session } from './harness.js';

/**
 * The world the authorization matrix runs in: one organisation (三门县) with one caller of each
 * kind, and factories for fresh resources — a write that succeeds changes what it touched, so
 * each cell that may succeed gets a resource of its own.
 *
 * The item is 农村宅基地改革: 县农业农村局 leads it (reporter `nongyeju`), 县金融中心 is a
 * co-unit (`jinrong`), and a third reporter (`other`) belongs to a unit with no part in it.
 */

export const WHO = ['anonymous', 'admin', 'lead', 'co', 'other', 'viewer'] as const;
export type Who = (typeof WHO)[number];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Req {
  method: Method;
  url: string;
  body?: unknown;
  /** A multipart upload in field "file". */
  file?: { name: string; bytes: Buffer };
  /** Sent instead of the caller's usual session (a fresh one, for sign-out). */
  session?: Session;
}

export interface World {
  h: Harness;
  sessions: Record<Exclude<Who, 'anonymous'>, Session>;
  userIds: Record<Exclude<Who, 'anonymous'>, string>;
  item: CurrentItem;
  leadUnitId: string;
  coUnitId: string;
  otherUnitId: string;
  /** A notification of each signed-in caller's own. */
  notifications: Record<Exclude<Who, 'anonymous'>, string>;
  /** Bulletins made once: a draft (2022-05) and a published one (2022-04). */
  bulletins: { draft: string; published: string };
  /** A draft of the item (县农业农村局's report), written straight into the tables. */
  draft(): Promise<string>;
  /** A report of the item submitted to the office. */
  submitted(): Promise<string>;
  /** A draft with one file the lead unit attached; the evidence id. */
  evidence(): Promise<{ report: string; evidence: string }>;
  /** A viewer nobody else uses, to change or delete. */
  spareUser(): Promise<string>;
  /** An import preview (the admin uploaded the Sanmen plan again, unchanged). */
  preview(): Promise<string>;
  send(who: Who, req: Req): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const SANMEN = readFileSync(SEED);
const HOMESTEAD = '农村宅基地改革';

export async function openWorld(engine: DialectName, env: Env): Promise<World> {
  const h = await openHarness(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000', ...env } });
  const ledger = await loadLedger(h.t.db, new LedgerCache(), h.orgId);
  const homestead = ledger.items.find((i) => i.item.title === HOMESTEAD)!;
  const leadUnitId = await h.unitId('县农业农村局');
  const coUnitId = await h.unitId('县金融中心');
  expect(homestead.lead?.id).toBe(leadUnitId);
  expect(homestead.units.filter((u) => u.role === 'co').map((u) => u.id)).toContain(coUnitId);
  const involved = new Set(homestead.units.map((u) => u.id));
  const otherUnitId = ledger.units.find((u) => !involved.has(u.id))!.id;
  const item = await currentItem(h.t.db, h.orgId, homestead.item.number!);

  const writeCtx = { orgId: h.orgId, actor: 'test', at: NOW.toISOString() };
  const passwordHash = (
    await h.t.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', h.users.admin.id)
      .executeTakeFirstOrThrow()
  ).password_hash;
  const makeUser = async (username: string, role: 'viewer' | 'reporter', unitId: string | null) =>
    (
      await insertUser(h.t.db.kysely, writeCtx, {
        id: randomUUID(),
        username,
        displayName: username,
        role,
        unitId,
        passwordHash,
        disabled: false,
      })
    ).id;
  const otherId = await makeUser('other-unit', 'reporter', otherUnitId);

  const sessions = {
    admin: await login(h, 'admin'),
    lead: await login(h, 'nongyeju'),
    co: await login(h, 'jinrong'),
    other: await login(h, 'other-unit'),
    viewer: await login(h, 'leader'),
  };
  const userIds = {
    admin: h.users.admin.id,
    lead: h.users.reporter.id,
    co: h.users.otherReporter.id,
    other: otherId,
    viewer: h.users.viewer.id,
  };

  await insertNotifications(
    h.t.db.kysely,
    writeCtx,
    Object.values(userIds).map((userId) => ({
      userId,
      kind: 'reminder_report_due',
      params: { ref: '', period: '2022-06', dueDate: '2022-07-05', when: '' },
    })),
  );
  const notifications = {} as Record<Exclude<Who, 'anonymous'>, string>;
  for (const who of Object.keys(userIds) as Exclude<Who, 'anonymous'>[]) {
    const r = await call(h, sessions[who], 'GET', '/api/notifications');
    notifications[who] = r.json<{ notifications: { id: string }[] }>().notifications[0]!.id;
  }

  let periods = 0;
  const report = (steps: readonly Step[]) => {
    const n = periods++;
    const period = `${2010 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return insertReport(h.t.db, h.orgId, { item, period, unitId: leadUnitId, content: content(item), steps });
  };
  let files = 0;

  const send = (who: Who, req: Req): Promise<LightMyRequestResponse> => {
    const session = req.session ?? (who === 'anonymous' ? null : sessions[who]);
    if (req.file) return multipart(h, session, req.url, req.file.name, req.file.bytes);
    return call(h, session, req.method, req.url, req.body === undefined ? {} : { body: req.body });
  };

  const bulletin = async (period: string) => {
    const r = await call(h, sessions.admin, 'POST', '/api/bulletins', { body: { period } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string }>().id;
  };
  const draftBulletin = await bulletin('2022-05');
  const published = await bulletin('2022-04');
  const pub = await call(h, sessions.admin, 'POST', `/api/bulletins/${published}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);

  const world: World = {
    h,
    sessions,
    userIds,
    item,
    leadUnitId,
    coUnitId,
    otherUnitId,
    notifications,
    bulletins: { draft: draftBulletin, published },
    draft: () => report([]),
    submitted: () => report([['submit', '2022-06-20T02:00:00.000Z']]),
    async evidence() {
      const id = await report([]);
      const r = await multipart(
        h,
        sessions.lead,
        `/api/reports/${id}/evidence`,
        '会议纪要.pdf',
        pdf(`f${files++}`),
      );
      expect(r.statusCode, r.body).toBe(201);
      return { report: id, evidence: r.json<{ id: string }>().id };
    },
    spareUser: () => makeUser(`spare-${randomUUID().slice(0, 8)}`, 'viewer', null),
    async preview() {
      const r = await multipart(h, sessions.admin, '/api/imports', 'sanmen.txt', SANMEN);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ id: string }>().id;
    },
    send,
    close: () => h.close(),
  };
  return world;
}

export function multipart(
  h: Harness,
  s: Session | null,
  url: string,
  fileName: string,
  bytes: Buffer,
): Promise<LightMyRequestResponse> {
  const boundary = '----reform-ledger-authz';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return h.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
  });
}
