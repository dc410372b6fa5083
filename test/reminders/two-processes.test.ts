import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, openHarness, type Harness } from '../api/harness.js';
import type { PassOutcome } from '../../src/services/reminders/run-reminders.service.js';
import { startHttpReceiver, type HttpReceiver } from './receivers.js';
import { attempts, configure, outbox } from './setup.js';

/**
 * "A reminder is never sent twice, even with two server processes running against one
 * PostgreSQL": two real processes, each running passes of schedule + send against the same
 * database at the same instant, with the advisory lock off so they race for every row. The
 * webhook receiver counts what arrives by dedupe key.
 */

function runWorker(url: string, name: string, passes: number): Promise<PassOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/reminders/pass-worker.ts', url, NOW.toISOString(), String(passes), name],
      {
        cwd: process.cwd(),
        // The receiver is on 127.0.0.1.
        env: { ...process.env, WEBHOOK_ALLOW_LOOPBACK: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${name} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as PassOutcome);
    });
  });
}

describe('two scheduler processes on one PostgreSQL', () => {
  let h: Harness;
  let http: HttpReceiver;
  afterEach(async () => {
    await http?.close();
    await h?.close();
  });

  it('deliver every reminder exactly once', { timeout: 180_000 }, async () => {
    h = await openHarness('postgres');
    http = await startHttpReceiver();
    // Default rules on 2022-06-30: due, overdue and escalated milestones and reports of the plan.
    await configure(h, {
      rules: { overdueMaxRepeats: null },
      webhook: { enabled: true, kind: 'json', url: `${http.url}/hook` },
    });

    const [a, b] = await Promise.all([
      runWorker(h.t.url!, 'server-a', 3),
      runWorker(h.t.url!, 'server-b', 3),
    ]);

    const rows = await outbox(h);
    const webhookRows = rows.filter((r) => r.channel === 'webhook');
    const inAppRows = rows.filter((r) => r.channel === 'in_app');
    expect(webhookRows.length).toBeGreaterThan(50);
    expect(inAppRows.length).toBeGreaterThan(50);
    expect(a.scheduled + b.scheduled).toBe(rows.length);
    expect(a.sent + b.sent).toBe(rows.length);
    // Not asserted (it depends on scheduling), but usually both processes sent some: the claim
    // decided every race.
    expect(a.failed + b.failed + a.retrying + b.retrying).toBe(0);
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);

    // The receiver got each webhook reminder once, and only those.
    const byKey = new Map<string, number>();
    for (const r of http.requests) {
      const key = (r.body as { dedupeKey: string }).dedupeKey;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    expect([...byKey.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...byKey.keys()].sort()).toEqual(webhookRows.map((r) => r.dedupe_key).sort());

    // One attempt per row, one notification per in-app row.
    expect(await attempts(h)).toHaveLength(rows.length);
    const notes = await h.t.db.kysely.selectFrom('notifications').select('id').execute();
    expect(notes).toHaveLength(inAppRows.length);
  });
});
