import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { t } from '../../src/i18n/index.js';
import { buildApp } from '../../src/server/app.js';
import type { ApiApp } from '../../src/server/context.js';
import { SEED_FILE } from '../../src/server/start.js';
import {
  startReminderScheduler,
  type ReminderScheduler,
} from '../../src/services/reminders/reminder-scheduler.js';
import { seedFirstStart } from '../../src/services/seed-first-start.service.js';
import { createDatabase, pgPoolOptions, tolerateDisconnects, type Db } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

/**
 * "PostgreSQL restarted or unreachable while the app runs: requests fail with a clear 503 and
 * recover by themselves when it is back; no request hangs forever." On a cluster of the test's
 * own (throwaway-postgres.ts), crashed, restarted and frozen under a running app and reminder
 * scheduler.
 */

const PASSWORD = 'outage-Admin-2022';
const DB_DOWN = t('zh-CN', 'error.db_unavailable');
/** A request still unanswered after this long counts as hung (the pool's time-outs are far shorter here). */
const HUNG_MS = 20_000;

interface Served {
  db: Db;
  app: ApiApp;
  cookie: string;
  csrf: string;
  scheduler: ReminderScheduler;
  passes: number;
  failures: number;
}

describe('PostgreSQL restarted, down or frozen under a running app', () => {
  let cluster: ThrowawayPostgres;
  let served: Served;

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    // The pool exactly as the server makes it (createDatabase, with its production time-outs).
    served = await serve(await createDatabase(loadConfig({ DATABASE_URL: cluster.url })), cluster.url);
  }, 120_000);

  afterAll(async () => {
    await served?.scheduler.stop();
    await served?.app.close();
    await served?.db.destroy();
    cluster?.destroy();
  });

  it('while it is down: 503 with the message, readiness 503, liveness 200; back: recovers by itself', async () => {
    expect((await items(served)).statusCode).toBe(200);
    cluster.crash();

    const down = await items(served);
    expectUnavailable(down);
    const write = await served.app.inject({
      method: 'PATCH',
      url: '/api/org',
      headers: { cookie: served.cookie, 'x-csrf-token': served.csrf },
      payload: { warningDays: 20 },
    });
    expectUnavailable(write);
    const ready = await served.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ok: false, database: { state: 'down', dialect: 'postgres' } });
    expect((await served.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // The reminder scheduler's passes fail meanwhile, and it keeps going.
    const failuresBefore = served.failures;
    await expect.poll(() => served.failures).toBeGreaterThan(failuresBefore + 1);

    cluster.start();
    await expect.poll(async () => (await items(served)).statusCode).toBe(200);
    expect((await served.app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toMatchObject({
      ok: true,
      database: { state: 'up' },
    });
    const passesBack = served.passes;
    await expect.poll(() => served.passes).toBeGreaterThan(passesBack);
  });

  it('restarted under load: every request answers 200 or a clear 503, then all are 200 again', async () => {
    const statuses: number[] = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const batch = await Promise.all([items(served), items(served), items(served)]);
        for (const r of batch) {
          if (r.statusCode === 503) expectUnavailable(r);
          statuses.push(r.statusCode);
        }
      }
    })();
    await expect.poll(() => statuses.length).toBeGreaterThan(5);
    cluster.stop();
    cluster.start();
    const after = statuses.length;
    await expect.poll(() => statuses.slice(after).includes(200)).toBe(true);
    stop = true;
    await load;
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set());
    expect((await items(served)).statusCode).toBe(200);
  });

  it('frozen (no answer, no refusal): requests end in 503 within the time-outs, then recover', async () => {
    // The same pool settings with the time-outs shortened, so the test need not wait the
    // production 35 s: what is tested is that they are set and what a time-out turns into.
    const pool = new pg.Pool({
      ...pgPoolOptions(cluster.url, 4),
      connectionTimeoutMillis: 2_000,
      query_timeout: 3_000,
      statement_timeout: 3_000,
    });
    tolerateDisconnects(pool);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const quick = await serve(
      { kysely, dialect: 'postgres', destroy: () => kysely.destroy() },
      cluster.url,
      false,
    );
    try {
      expect((await items(quick)).statusCode).toBe(200);
      cluster.freeze();
      try {
        const answered = await Promise.race([
          items(quick),
          new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), HUNG_MS).unref()),
        ]);
        expect(answered).not.toBe('hung');
        if (answered !== 'hung') expectUnavailable(answered);
        const ready = await quick.app.inject({ method: 'GET', url: '/api/health/ready' });
        expect(ready.statusCode).toBe(503);
      } finally {
        cluster.thaw();
      }
      await expect.poll(async () => (await items(quick)).statusCode).toBe(200);
    } finally {
      await quick.scheduler.stop();
      await quick.app.close();
      await quick.db.destroy();
    }
  });
});

async function serve(db: Db, url: string, seed = true): Promise<Served> {
  if (seed) {
    await migrateToLatest(db.kysely);
    await seedFirstStart(db, { seedFile: SEED_FILE, adminPassword: PASSWORD, now: new Date() });
  }
  const app = await buildApp({ db, config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }) });
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'admin', password: PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const header = login.headers['set-cookie'];
  const cookie = String(Array.isArray(header) ? header[0] : header).split(';')[0]!;
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const served: Served = {
    db,
    app,
    cookie,
    csrf,
    passes: 0,
    failures: 0,
    scheduler: { stop: async () => {} },
  };
  served.scheduler = startReminderScheduler({
    db,
    now: () => new Date(),
    timeZone: 'Asia/Shanghai',
    intervalSeconds: 1,
    onPass: () => served.passes++,
    onError: () => served.failures++,
  });
  return served;
}

function items(s: Served) {
  return s.app.inject({ method: 'GET', url: '/api/items?pageSize=5', headers: { cookie: s.cookie } });
}

/** 503, the catalogue's message, and nothing of the driver's error or a stack. */
function expectUnavailable(r: { statusCode: number; body: string; headers: Record<string, unknown> }): void {
  expect(r.statusCode, r.body).toBe(503);
  expect(JSON.parse(r.body)).toEqual({ error: { code: 'db_unavailable', message: DB_DOWN } });
  expect(r.headers['retry-after']).toBeDefined();
  expect(r.body).not.toMatch(/ECONN|terminat|timeout|at \w+ \(|\.ts:|\.js:/i);
}
