import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../store/database.js';
import { listOrgIds } from '../../store/reminder-settings.repository.js';
import { LedgerCache } from '../ledger.service.js';
import { scheduleReminders } from './schedule-reminders.service.js';
import { sendDueReminders, type SendOutcome } from './send-reminders.service.js';

/**
 * One reminder pass over every organisation: schedule what is due, then send what is due
 * (new rows and retries whose time has come). The server runs it on an interval, the CLI
 * (`reform-ledger remind`) once; any number of them may run at the same time.
 */

export interface PassDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  /** Kept between passes so an unchanged plan is not reloaded. */
  ledgerCache?: LedgerCache;
  /** Who claims rows; a fresh id per pass by default. */
  worker?: string;
  advisoryLock?: boolean;
  /** WEBHOOK_ALLOW_LOOPBACK (config.ts). */
  webhookAllowLoopback?: boolean;
}

export interface PassOutcome extends SendOutcome {
  scheduled: number;
}

export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export async function runReminderPass(deps: PassDeps): Promise<PassOutcome> {
  const ledgerCache = deps.ledgerCache ?? new LedgerCache();
  const worker = deps.worker ?? workerId();
  const total: PassOutcome = { scheduled: 0, sent: 0, retrying: 0, failed: 0 };
  for (const orgId of await listOrgIds(deps.db.kysely)) {
    total.scheduled += await scheduleReminders(
      {
        db: deps.db,
        now: deps.now,
        timeZone: deps.timeZone,
        ledgerCache,
        ...(deps.advisoryLock === undefined ? {} : { advisoryLock: deps.advisoryLock }),
      },
      orgId,
    );
    const sent = await sendDueReminders(
      { db: deps.db, now: deps.now, worker, webhookAllowLoopback: deps.webhookAllowLoopback ?? false },
      orgId,
    );
    total.sent += sent.sent;
    total.retrying += sent.retrying;
    total.failed += sent.failed;
  }
  return total;
}
