import type { Db } from '../../store/database.js';
import { LedgerCache } from '../ledger.service.js';
import { runReminderPass, workerId, type PassOutcome } from './run-reminders.service.js';

/**
 * The server's reminder loop: a pass every `intervalSeconds` (0: off), one at a time — the next
 * is timed from the end of the previous, so a slow SMTP server never stacks passes. `stop()`
 * cancels the timer and waits for a running pass to finish.
 */

export interface SchedulerContext {
  db: Db;
  now: () => Date;
  timeZone: string;
  intervalSeconds: number;
  /** WEBHOOK_ALLOW_LOOPBACK (config.ts). */
  webhookAllowLoopback?: boolean;
  /** A pass failed (database down …): the loop goes on. */
  onError?: (e: unknown) => void;
  onPass?: (outcome: PassOutcome) => void;
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

export function startReminderScheduler(ctx: SchedulerContext): ReminderScheduler {
  if (ctx.intervalSeconds <= 0) return { stop: async () => {} };
  const ledgerCache = new LedgerCache();
  const worker = workerId();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const pass = async () => {
    try {
      const outcome = await runReminderPass({
        db: ctx.db,
        now: ctx.now,
        timeZone: ctx.timeZone,
        ledgerCache,
        worker,
        webhookAllowLoopback: ctx.webhookAllowLoopback ?? false,
      });
      ctx.onPass?.(outcome);
    } catch (e) {
      ctx.onError?.(e);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(() => {
        running = null;
        schedule();
      });
    }, ctx.intervalSeconds * 1000);
    // The loop alone must not keep a process (a CLI, a test) alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
