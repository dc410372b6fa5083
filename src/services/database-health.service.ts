import { sql } from 'kysely';
import type { Db } from '../store/database.js';

/**
 * Does the database answer a trivial query within `timeoutMs`? For readiness checks (load
 * balancers, monitoring): a database that hangs counts as down after the time-out instead of
 * holding the check as long as the pool's own time-outs would.
 */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = sql`select 1 as one`
    .execute(db.kysely)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
