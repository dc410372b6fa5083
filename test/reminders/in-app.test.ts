import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-database.js';
import { NOW, openHarness, type Harness } from '../api/harness.js';
import { notificationText } from '../../src/services/reminders/reminder-message.js';
import { attempts, configure, notificationsOf, outbox, pass } from './setup.js';

/**
 * In-app reminders from the Sanmen 2022 plan on 2022-06-30 (default rules: 7 and 1 days before a
 * milestone, 3 days before the report is due on the 25th, every 7 days overdue, the office after 7).
 */

async function itemKey(h: Harness, number: number): Promise<string> {
  const row = await h.t.db.kysely
    .selectFrom('items')
    .innerJoin('plan_versions', (j) =>
      j.onRef('plan_versions.org_id', '=', 'items.org_id').onRef('plan_versions.id', '=', 'items.version_id'),
    )
    .select('items.item_key')
    .where('items.org_id', '=', h.orgId)
    .where('plan_versions.is_current', '=', 1)
    .where('items.number', '=', number)
    .executeTakeFirstOrThrow();
  return row.item_key;
}

describe.each(ENGINES)('in-app reminders (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("tells each unit's reporters about their own items, the office about escalations, nobody twice", async () => {
    h = await openHarness(engine);
    const { reporter, otherReporter, admin, viewer } = h.users;
    // Chase overdue work for as long as it is overdue (the default stops after 4 repeats).
    await configure(h, { rules: { overdueMaxRepeats: null } });
    const first = await pass(h, NOW);
    expect(first.scheduled).toBeGreaterThan(0);
    expect(first).toMatchObject({ sent: first.scheduled, retrying: 0, failed: 0 });

    const key23 = await itemKey(h, 23);
    const rows = await outbox(h);
    // 低收入农户数字化帮促机制 (县农业农村局): its 2022年6月底前 milestone is due today.
    const due = rows.find((r) => r.dedupe_key === `milestone:${key23}:1:2022-06-30:d-1:user:${reporter.id}`);
    expect(due).toMatchObject({ channel: 'in_app', status: 'sent', attempts: 1 });

    const mine = await notificationsOf(h, reporter.id);
    const texts = mine.map((n) => notificationText('zh-CN', n.kind, JSON.parse(n.params ?? '{}')));
    expect(texts).toContain(
      '第 23 项改革事项“低收入农户数字化帮促机制”的时间节点将于2022年6月30日到期（今天到期），请抓紧推进：2022年6月底前，低收入农户与全县农民收入倍差缩小到2.36以内。',
    );
    // Its 2022年3月底前 milestone has been overdue for 91 days: the 13th weekly repeat.
    expect(texts.some((t) => t.includes('“低收入农户数字化帮促机制”的时间节点已逾期 91 天'))).toBe(true);
    // June's report (due 06-25) is not in: 5 days late.
    expect(texts.some((t) => t.includes('“低收入农户数字化帮促机制”2022年6月进展报送已逾期 5 天'))).toBe(
      true,
    );
    // Nothing about 县金融中心's items reaches 县农业农村局.
    expect(texts.some((t) => t.includes('小微企业联合辅导成长机制'))).toBe(false);

    const theirs = await notificationsOf(h, otherReporter.id);
    expect(theirs.some((n) => (n.params ?? '').includes('小微企业联合辅导成长机制'))).toBe(true);
    const office = await notificationsOf(h, admin.id);
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((n) => n.kind.endsWith('_escalation'))).toBe(true);
    expect(await notificationsOf(h, viewer.id)).toEqual([]);

    // Every in-app row: sent once, one attempt, one notification.
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect((await attempts(h)).length).toBe(rows.length);
    const all = await h.t.db.kysely.selectFrom('notifications').select('id').execute();
    expect(all.length).toBe(rows.length);

    // The same day again, and again later that day: nothing new.
    const later = new Date(NOW.getTime() + 3 * 3600_000);
    expect(await pass(h, NOW)).toEqual({ scheduled: 0, sent: 0, retrying: 0, failed: 0 });
    expect(await pass(h, later)).toEqual({ scheduled: 0, sent: 0, retrying: 0, failed: 0 });
    expect((await h.t.db.kysely.selectFrom('notifications').select('id').execute()).length).toBe(all.length);
  });

  it('two passes at once, without the advisory lock, still create and send each reminder once', async () => {
    h = await openHarness(engine);
    await configure(h, { rules: { reportDaysBefore: [], overdueEveryDays: null, escalateAfterDays: null } });
    const [a, b] = await Promise.all([
      pass(h, NOW, { worker: 'server-a', advisoryLock: false }),
      pass(h, NOW, { worker: 'server-b', advisoryLock: false }),
    ]);
    const rows = await outbox(h);
    expect(rows.length).toBeGreaterThan(0);
    expect(a.scheduled + b.scheduled).toBe(rows.length);
    expect(a.sent + b.sent).toBe(rows.length);
    const notes = await h.t.db.kysely.selectFrom('notifications').select(['user_id', 'params']).execute();
    expect(notes.length).toBe(rows.length);
    expect(new Set(notes.map((n) => `${n.user_id}|${n.params}`)).size).toBe(notes.length);
  });

  it('sends nothing in-app when the channel is off, and nothing to a disabled user', async () => {
    h = await openHarness(engine);
    await configure(h, { inApp: { enabled: false } });
    expect(await pass(h, NOW)).toEqual({ scheduled: 0, sent: 0, retrying: 0, failed: 0 });
    expect(await outbox(h)).toEqual([]);

    await configure(h, { inApp: { enabled: true } });
    await h.t.db.kysely
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', h.users.otherReporter.id)
      .execute();
    await pass(h, NOW);
    const recipients = new Set((await outbox(h)).map((r) => r.recipient));
    expect(recipients.has(`user:${h.users.reporter.id}`)).toBe(true);
    expect(recipients.has(`user:${h.users.otherReporter.id}`)).toBe(false);
  });
});
