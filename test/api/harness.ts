import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Env } from '../../src/config.js';
import type { DialectName } from '../../src/store/database.js';
import { buildApp } from '../../src/server/app.js';
import type { ApiApp } from '../../src/server/context.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentFile, type ParsedDocument } from '../../src/services/parse-document.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import { insertUser, type Role } from '../../src/store/users.repository.js';
import { findUnit } from '../../src/store/units.repository.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * An app over a fresh database (SQLite temp file or a new PostgreSQL database) holding the
 * Sanmen 2022 plan and one user per role: the API as the web app sees it, through app.inject.
 */

export const ORG = '三门县';
export const SEED = 'data-seed/sanmen-2022.txt';
export const PASSWORD = 'sanmen2022reform';
/** 10:00 in Sanmen on 2022-06-30: "today" for every test unless a test moves the clock. */
export const NOW = new Date('2022-06-30T02:00:00.000Z');

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

export interface Harness {
  app: ApiApp;
  t: TestDatabase;
  orgId: string;
  clock: { now: Date };
  users: { admin: TestUser; viewer: TestUser; reporter: TestUser; otherReporter: TestUser };
  /** Unit ids by canonical name. */
  unitId(name: string): Promise<string>;
  close(): Promise<void>;
}

let seed: Promise<ParsedDocument> | undefined;
let hash: Promise<string> | undefined;

export function sanmen(): Promise<ParsedDocument> {
  seed ??= parseDocumentFile(SEED);
  return seed;
}

export async function openHarness(
  engine: DialectName = 'sqlite',
  opts: { env?: Env; webDir?: string } = {},
): Promise<Harness> {
  const t = await openTestDatabase(engine);
  const clock = { now: NOW };
  const { plan, file } = await sanmen();
  const imported = await importPlan(t.db, {
    plan,
    org: ORG,
    file,
    now: new Date('2022-03-01T00:00:00Z'),
    actor: 'test',
  });
  const orgId = imported.orgId!;
  // One hash for every test user: scrypt is deliberately slow, and the tests make many users.
  hash ??= hashPassword(PASSWORD);
  const passwordHash = await hash;
  const unitId = async (name: string) => (await findUnit(t.db.kysely, orgId, name))!.id;
  const make = async (username: string, role: Role, unit: string | null): Promise<TestUser> => {
    const user = await insertUser(
      t.db.kysely,
      { orgId, actor: 'test', at: NOW.toISOString() },
      {
        id: randomUUID(),
        username,
        displayName: username,
        role,
        unitId: unit,
        passwordHash,
        disabled: false,
      },
    );
    return { id: user.id, username, role, unitId: user.unitId };
  };
  const users = {
    admin: await make('admin', 'admin', null),
    viewer: await make('leader', 'viewer', null),
    reporter: await make('nongyeju', 'reporter', await unitId('县农业农村局')),
    otherReporter: await make('jinrong', 'reporter', await unitId('县金融中心')),
  };
  const app = await buildApp({
    db: t.db,
    config: loadConfig({ ...opts.env }),
    now: () => clock.now,
    validateResponses: true,
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
  });
  return {
    app,
    t,
    orgId,
    clock,
    users,
    unitId,
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(h: Harness, username: string, password = PASSWORD): Promise<Session> {
  const r = await h.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  return { cookie: cookieOf(r), csrf: r.json<{ csrfToken: string }>().csrfToken };
}

export function cookieOf(r: LightMyRequestResponse): string {
  const header = r.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0]! : String(header);
  return first.split(';')[0]!;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header (or send this one instead). */
  csrf?: string | null;
}

/** A request as the web app makes it: the session cookie, and X-CSRF-Token on writes. */
export function call(
  h: Harness,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  opts: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (session) headers.cookie = session.cookie;
  const csrf = opts.csrf === undefined ? session?.csrf : opts.csrf;
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  return h.app.inject({
    method,
    url,
    headers,
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
}

export function errorOf(r: LightMyRequestResponse): { code: string; message: string; field?: string } {
  return r.json<{ error: { code: string; message: string; field?: string } }>().error;
}
