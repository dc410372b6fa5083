/**
 * A scheduler process for the two-process test: opens the PostgreSQL database at argv[2] and
 * runs argv[4] reminder passes at the instant argv[3], as worker argv[5], without the advisory
 * lock (so the two processes really race for the same rows), then prints the summed outcome.
 *
 *   node --import tsx test/reminders/pass-worker.ts URL NOW PASSES NAME
 */
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/store/database.js';
import { runReminderPass, type PassOutcome } from '../../src/services/reminders/run-reminders.service.js';

const [url, nowIso, passes, name] = process.argv.slice(2);
// WEBHOOK_ALLOW_LOOPBACK from the parent: its receiver is on 127.0.0.1.
const config = loadConfig({
  DATABASE_URL: url,
  DB_POOL_MAX: '4',
  WEBHOOK_ALLOW_LOOPBACK: process.env.WEBHOOK_ALLOW_LOOPBACK,
});
const db = await createDatabase(config);
const total: PassOutcome = { scheduled: 0, sent: 0, retrying: 0, failed: 0 };
try {
  for (let i = 0; i < Number(passes); i++) {
    const o = await runReminderPass({
      db,
      now: () => new Date(nowIso!),
      timeZone: 'Asia/Shanghai',
      worker: `${name}#${i}`,
      advisoryLock: false,
      webhookAllowLoopback: config.webhookAllowLoopback,
    });
    for (const k of Object.keys(total) as (keyof PassOutcome)[]) total[k] += o[k];
  }
} finally {
  await db.destroy();
}
process.stdout.write(`${JSON.stringify(total)}\n`);
