import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOW, openHarness, type Harness } from '../api/harness.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { LedgerCache } from '../../src/services/ledger.service.js';
import { startReminderScheduler } from '../../src/services/reminders/reminder-scheduler.js';
import type { PassOutcome } from '../../src/services/reminders/run-reminders.service.js';
import { scheduleReminders } from '../../src/services/reminders/schedule-reminders.service.js';
import { startHttpReceiver, type HttpReceiver } from './receivers.js';
import { configure, D1_ONLY, outbox } from './setup.js';

let h: Harness | undefined;
let http: HttpReceiver | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await http?.close();
  await h?.close();
  http = undefined;
  h = undefined;
});

describe('startReminderScheduler', () => {
  it('runs a pass every interval with the injected clock, and stops', async () => {
    h = await openHarness('sqlite');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const passes: PassOutcome[] = [];
    let done: () => void = () => {};
    const first = new Promise<void>((resolve) => (done = resolve));
    const scheduler = startReminderScheduler({
      db: h.t.db,
      now: () => NOW,
      timeZone: 'Asia/Shanghai',
      intervalSeconds: 300,
      onPass: (o) => {
        passes.push(o);
        done();
      },
    });
    await vi.advanceTimersByTimeAsync(299_000);
    expect(passes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    await first;
    await scheduler.stop();
    expect(passes).toHaveLength(1);
    expect(passes[0]!.scheduled).toBeGreaterThan(0);
    expect(passes[0]!.sent).toBe(passes[0]!.scheduled);
    // Stopped: no more passes however long we wait.
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(passes).toHaveLength(1);
  });

  it('does nothing with an interval of 0', async () => {
    h = await openHarness('sqlite');
    const scheduler = startReminderScheduler({
      db: h.t.db,
      now: () => NOW,
      timeZone: 'Asia/Shanghai',
      intervalSeconds: 0,
    });
    await scheduler.stop();
    expect(await outbox(h)).toEqual([]);
  });
});

describe('the PostgreSQL advisory lock', () => {
  it('lets a second scheduler skip an org being scheduled; without it the unique key still holds', async () => {
    h = await openHarness('postgres');
    const harness = h;
    const deps = {
      db: harness.t.db,
      now: () => NOW,
      timeZone: 'Asia/Shanghai',
      ledgerCache: new LedgerCache(),
    };
    await harness.t.db.kysely.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`reminders:${harness.orgId}`}))`.execute(trx);
      // Another "server" while this transaction holds the org's lock: it skips the org…
      expect(await scheduleReminders(deps, harness.orgId)).toBe(0);
      // …unless it does not take the lock; then it inserts, and what it inserts is unique.
      const inserted = await scheduleReminders({ ...deps, advisoryLock: false }, harness.orgId);
      expect(inserted).toBeGreaterThan(0);
    });
    const before = (await outbox(harness)).length;
    expect(await scheduleReminders(deps, harness.orgId)).toBe(0);
    expect((await outbox(harness)).length).toBe(before);
  });
});

describe('reform-ledger remind', () => {
  it('runs one pass at --now and reports it; a second run sends nothing new', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: `${http.url}/hook` },
    });
    // The receiver is on 127.0.0.1.
    const env = { DATABASE_URL: h.t.url!, WEBHOOK_ALLOW_LOOPBACK: 'true' };
    const first = await runCliCaptured(['remind', '--now', '2025-12-30T10:00:00+08:00'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('催办完成：新生成 1 条，发送成功 1 条，待重试 0 条，失败 0 条\n');
    expect((http.requests[0]!.body as { title: string }).title).toBe('【催办】时间节点临近：共富渔塘');
    const second = await runCliCaptured(['remind', '--now', '2025-12-30T18:00:00+08:00'], env);
    expect(second.stdout).toBe('催办完成：新生成 0 条，发送成功 0 条，待重试 0 条，失败 0 条\n');
    expect(http.requests).toHaveLength(1);
  });

  it('refuses a --now that is not an instant', async () => {
    const r = await runCliCaptured(['remind', '--now', '2025-12-30'], { DATABASE_URL: 'sqlite::memory:' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是有效的时刻：2025-12-30');
  });
});
