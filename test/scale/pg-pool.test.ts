import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDatabase, PG_APPLICATION_NAME, PG_TIMEOUTS, type Db } from '../../src/store/database.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * The PostgreSQL production profile of the pool (src/store/database.ts, docs/scaling.md): the
 * server enforces the statement and idle-in-transaction limits on every connection, the
 * connections carry the app's name, and DATABASE_URL parameters override the defaults.
 */

describe('the PostgreSQL pool profile', () => {
  let t: TestDatabase;
  const opened: Db[] = [];
  const open = async (params: Record<string, string> = {}) => {
    const url = new URL(t.url!);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const db = await createDatabase(loadConfig({ DATABASE_URL: url.toString(), DB_POOL_MAX: '2' }));
    opened.push(db);
    return db;
  };
  const setting = async (db: Db, name: string) =>
    (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db.kysely)).rows[0]!.v;

  beforeAll(async () => {
    t = await openTestDatabase('postgres', { migrate: false });
  });
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    await t?.cleanup();
  });

  it('sets the time limits and the application name on every connection', async () => {
    const db = await open();
    expect(await setting(db, 'statement_timeout')).toBe(`${PG_TIMEOUTS.statementMs / 1000}s`);
    expect(await setting(db, 'idle_in_transaction_session_timeout')).toBe(
      `${PG_TIMEOUTS.idleInTransactionMs / 60_000}min`,
    );
    expect(await setting(db, 'application_name')).toBe(PG_APPLICATION_NAME);
  });

  it('cancels a statement that runs past the limit, and the pool serves the next one', async () => {
    const db = await open({ statement_timeout: '200' });
    await expect(sql`select pg_sleep(5)`.execute(db.kysely)).rejects.toMatchObject({ code: '57014' });
    expect((await sql<{ one: number }>`select 1 as one`.execute(db.kysely)).rows[0]!.one).toBe(1);
  });

  it('lets DATABASE_URL name the connections', async () => {
    const db = await open({ application_name: 'reform-ledger-reports' });
    expect(await setting(db, 'application_name')).toBe('reform-ledger-reports');
  });
});
