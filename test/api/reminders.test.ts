import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  NotificationsDto,
  ReminderLog,
  ReminderSettings,
  ReminderTestResult,
} from '../../src/shared/api/index.js';
import { SECRET_MASK } from '../../src/shared/api/index.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/services/reminders/reminder-settings.service.js';
import { startHttpReceiver, type HttpReceiver } from '../reminders/receivers.js';
import { pass, settingsWith } from '../reminders/setup.js';
import { call, errorOf, login, NOW, openHarness, type Harness, type Session } from './harness.js';

describe('reminders and notifications API', () => {
  let h: Harness;
  let admin: Session;
  let http: HttpReceiver | undefined;
  beforeEach(async () => {
    // The test receiver is on 127.0.0.1 (the guard without this: test/reminders/webhook-guard.test.ts).
    h = await openHarness('sqlite', { env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    admin = await login(h, 'admin');
  });
  afterEach(async () => {
    await http?.close();
    http = undefined;
    await h?.close();
  });

  describe('settings (admin only)', () => {
    it('refuses reporters and viewers: read, change, test, log', async () => {
      for (const who of ['nongyeju', 'leader']) {
        const s = await login(h, who);
        const tries = [
          await call(h, s, 'GET', '/api/org/reminders'),
          await call(h, s, 'PUT', '/api/org/reminders', { body: DEFAULT_REMINDER_SETTINGS }),
          await call(h, s, 'POST', '/api/org/reminders/test', { body: { channel: 'in_app' } }),
          await call(h, s, 'GET', '/api/reminders/log'),
        ];
        expect(tries.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
        expect(errorOf(tries[0]!).code).toBe('forbidden');
      }
      expect((await call(h, null, 'GET', '/api/org/reminders')).statusCode).toBe(401);
      const noCsrf = await call(h, admin, 'PUT', '/api/org/reminders', {
        body: DEFAULT_REMINDER_SETTINGS,
        csrf: null,
      });
      expect(errorOf(noCsrf).code).toBe('csrf');
    });

    it('answers the defaults, then what was saved, with secrets masked and kept when sent back', async () => {
      const initial = await call(h, admin, 'GET', '/api/org/reminders');
      expect(initial.json<ReminderSettings>()).toEqual(DEFAULT_REMINDER_SETTINGS);

      const saved = settingsWith({
        rules: { milestoneDaysBefore: [10, 3], escalateAfterDays: 14 },
        webhook: {
          enabled: true,
          kind: 'dingtalk',
          url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef',
          secret: 'SECabc123',
        },
        email: {
          host: 'smtp.sanmen.gov.cn',
          port: 465,
          user: 'ggb',
          password: 'mail-pass',
          from: 'ggb@sanmen.gov.cn',
        },
      });
      const put = await call(h, admin, 'PUT', '/api/org/reminders', { body: saved });
      expect(put.statusCode, put.body).toBe(200);
      const masked = put.json<ReminderSettings>();
      expect(masked.rules).toEqual({
        milestoneDaysBefore: [10, 3],
        reportDaysBefore: [3],
        overdueEveryDays: 7,
        escalateAfterDays: 14,
        overdueMaxRepeats: 4,
      });
      expect(masked.channels.webhook.url).toBe(
        `https://oapi.dingtalk.com/robot/send?access_token=${SECRET_MASK}`,
      );
      expect(masked.channels.webhook.secret).toBe(SECRET_MASK);
      expect(masked.channels.email.password).toBe(SECRET_MASK);
      expect(put.body).not.toContain('0123456789abcdef');
      expect(put.body).not.toContain('SECabc123');
      expect(put.body).not.toContain('mail-pass');
      expect((await call(h, admin, 'GET', '/api/org/reminders')).json()).toEqual(masked);

      // The form sends the masks back with another change: the secrets stay.
      const again = { ...masked, rules: { ...masked.rules, reportDaysBefore: [5, 1] } };
      expect((await call(h, admin, 'PUT', '/api/org/reminders', { body: again })).statusCode).toBe(200);
      const stored = await h.t.db.kysely
        .selectFrom('org_settings')
        .select('reminders')
        .where('org_id', '=', h.orgId)
        .executeTakeFirstOrThrow();
      const json = JSON.parse(stored.reminders!) as ReminderSettings;
      expect(json.channels.webhook.url).toBe(
        'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef',
      );
      expect(json.channels.webhook.secret).toBe('SECabc123');
      expect(json.channels.email.password).toBe('mail-pass');
      expect(json.rules.reportDaysBefore).toEqual([5, 1]);

      // Audited, without the secrets.
      const audit = await listAudit(h.t.db.kysely, h.orgId, { entity: 'reminder_settings' });
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ actor: 'admin', action: 'update', entityId: h.orgId });
      // Both writes share the test's fixed clock: compare them as a set.
      expect(audit.map((a) => (a.after as { secretsChanged: string[] }).secretsChanged)).toEqual(
        expect.arrayContaining([
          ['channels.webhook.url', 'channels.webhook.secret', 'channels.email.password'],
          [],
        ]),
      );
      expect(JSON.stringify(audit)).not.toMatch(/0123456789abcdef|SECabc123|mail-pass/);
    });

    it.each([
      ['an enabled webhook without a URL', { webhook: { enabled: true, url: '' } }, 'channels.webhook.url'],
      [
        'a webhook URL that is not http(s)',
        { webhook: { enabled: true, url: 'ftp://robot' } },
        'channels.webhook.url',
      ],
      [
        'enabled e-mail without a server',
        { email: { enabled: true, from: 'ggb@sanmen.gov.cn' } },
        'channels.email.host',
      ],
      [
        'a bad office address',
        { email: { officeAddresses: ['改革办'] } },
        'channels.email.officeAddresses.0',
      ],
      ['a negative lead time', { rules: { milestoneDaysBefore: [-1] } }, 'rules.milestoneDaysBefore.0'],
    ] as [string, Parameters<typeof settingsWith>[0], string][])(
      'refuses %s (400, field)',
      async (_name, patch, field) => {
        const r = await call(h, admin, 'PUT', '/api/org/reminders', { body: settingsWith(patch) });
        expect(r.statusCode).toBe(400);
        expect(errorOf(r).field).toBe(field);
      },
    );

    it('refuses an e-mail list for a unit that does not exist', async () => {
      const body = settingsWith({
        email: { unitAddresses: [{ unitId: 'no-such-unit', addresses: ['a@sanmen.gov.cn'] }] },
      });
      const r = await call(h, admin, 'PUT', '/api/org/reminders', { body });
      expect(r.statusCode).toBe(400);
      expect(errorOf(r)).toMatchObject({
        field: 'channels.email.unitAddresses.0.unitId',
        message: '找不到这个责任单位（no-such-unit）',
      });
    });
  });

  describe('test send and the log', () => {
    it('sends a test through the webhook the form holds (unsaved, masked secret resolved) and logs it', async () => {
      http = await startHttpReceiver();
      const url = `${http.url}/robot/send?access_token=tok`;
      await call(h, admin, 'PUT', '/api/org/reminders', {
        body: settingsWith({ webhook: { kind: 'dingtalk', url, secret: 'SECone' } }),
      });
      const form = (await call(h, admin, 'GET', '/api/org/reminders')).json<ReminderSettings>();
      expect(form.channels.webhook.secret).toBe(SECRET_MASK);
      const r = await call(h, admin, 'POST', '/api/org/reminders/test', {
        body: { channel: 'webhook', settings: form },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json<ReminderTestResult>()).toEqual({
        ok: true,
        detail: 'HTTP 200 {"errcode":0,"errmsg":"ok"}',
      });
      const req = http.requests[0]!;
      expect(req.url.searchParams.get('access_token')).toBe('tok');
      const ts = req.url.searchParams.get('timestamp')!;
      expect(req.url.searchParams.get('sign')).toBe(
        createHmac('sha256', 'SECone').update(`${ts}\nSECone`).digest('base64'),
      );
      expect((req.body as { markdown: { text: string } }).markdown.text).toContain(
        '这是一条测试消息：三门县的催办通道“群机器人（Webhook）”可以正常发送。',
      );

      http.statuses = [500];
      const failed = await call(h, admin, 'POST', '/api/org/reminders/test', {
        body: { channel: 'webhook', settings: form },
      });
      expect(failed.json<ReminderTestResult>()).toMatchObject({ ok: false });
      expect(failed.json<ReminderTestResult>().detail).toContain('HTTP 500');

      const log = (await call(h, admin, 'GET', '/api/reminders/log')).json<ReminderLog>();
      expect(log.total).toBe(2);
      expect(
        log.rows.map((row) => [row.kind, row.channel, row.status, row.attempts, row.log.map((a) => a.ok)]),
      ).toEqual(
        expect.arrayContaining([
          ['test', 'webhook', 'sent', 1, [true]],
          ['test', 'webhook', 'failed', 1, [false]],
        ]),
      );
      expect(log.rows[0]!.title).toBe('【测试】改革一本账催办通道测试');
      const onlyFailed = (
        await call(h, admin, 'GET', '/api/reminders/log?status=failed')
      ).json<ReminderLog>();
      expect(onlyFailed.rows.map((row) => row.status)).toEqual(['failed']);
    });

    it("an in-app test reaches the admin's own bell", async () => {
      const r = await call(h, admin, 'POST', '/api/org/reminders/test', { body: { channel: 'in_app' } });
      expect(r.json<ReminderTestResult>()).toEqual({
        ok: true,
        detail: '已给你发送一条站内消息，请查看右上角的铃铛',
      });
      const mine = (await call(h, admin, 'GET', '/api/notifications')).json<NotificationsDto>();
      expect(mine.unread).toBe(1);
      expect(mine.notifications[0]).toMatchObject({
        kind: 'reminder_test',
        message: '这是一条测试消息：三门县的催办通道“站内消息”可以正常发送。',
        link: '/reminders',
        readAt: null,
      });
    });

    it('an e-mail test without a server says what is missing', async () => {
      const r = await call(h, admin, 'POST', '/api/org/reminders/test', {
        body: { channel: 'email', to: 'ggb@sanmen.gov.cn' },
      });
      expect(r.json<ReminderTestResult>()).toEqual({ ok: false, detail: '通道“电子邮件”尚未配置完整' });
    });

    it('shows the log in words: who each reminder went to, its title', async () => {
      await pass(h, NOW);
      const log = (await call(h, admin, 'GET', '/api/reminders/log?pageSize=200')).json<ReminderLog>();
      expect(log.rows).toHaveLength(Math.min(200, log.total));
      const row = log.rows.find(
        (r) => r.recipient === 'nongyeju' && r.title === '【催办】时间节点临近：低收入农户数字化帮促机制',
      );
      expect(row).toMatchObject({ channel: 'in_app', status: 'sent', attempts: 1 });
      expect(row!.log).toEqual([expect.objectContaining({ ok: true, detail: '已写入站内消息' })]);
    });
  });

  describe('notifications (each user their own)', () => {
    it("lists, marks one and all read — only one's own", async () => {
      await pass(h, NOW);
      const nongyeju = await login(h, 'nongyeju');
      const jinrong = await login(h, 'jinrong');
      const leader = await login(h, 'leader');

      const mine = (await call(h, nongyeju, 'GET', '/api/notifications')).json<NotificationsDto>();
      expect(mine.unread).toBeGreaterThan(0);
      expect(mine.notifications.some((n) => n.message.includes('低收入农户数字化帮促机制'))).toBe(true);
      expect(mine.notifications.some((n) => n.message.includes('小微企业联合辅导成长机制'))).toBe(false);
      const theirs = (await call(h, jinrong, 'GET', '/api/notifications')).json<NotificationsDto>();
      expect(theirs.notifications.some((n) => n.message.includes('小微企业联合辅导成长机制'))).toBe(true);
      expect((await call(h, leader, 'GET', '/api/notifications')).json<NotificationsDto>()).toEqual({
        notifications: [],
        unread: 0,
      });

      // English for a reader who asks for it.
      const en = (
        await call(h, nongyeju, 'GET', '/api/notifications', { headers: { 'accept-language': 'en-US' } })
      ).json<NotificationsDto>();
      expect(
        en.notifications.some(
          (n) => n.message.includes('“低收入农户数字化帮促机制”') && n.message.includes('overdue'),
        ),
      ).toBe(true);

      // Someone else's notification: 404, and it stays unread.
      const other = theirs.notifications[0]!;
      const denied = await call(h, nongyeju, 'POST', `/api/notifications/${other.id}/read`);
      expect(denied.statusCode).toBe(404);
      expect((await call(h, jinrong, 'GET', '/api/notifications')).json<NotificationsDto>().unread).toBe(
        theirs.unread,
      );

      const first = mine.notifications[0]!;
      const read = await call(h, nongyeju, 'POST', `/api/notifications/${first.id}/read`);
      expect(read.json()).toEqual({ unread: mine.unread - 1 });
      const unreadOnly = (
        await call(h, nongyeju, 'GET', '/api/notifications?unread=true')
      ).json<NotificationsDto>();
      expect(unreadOnly.notifications.map((n) => n.id)).not.toContain(first.id);

      expect((await call(h, nongyeju, 'POST', '/api/notifications/read-all')).json()).toEqual({ unread: 0 });
      expect((await call(h, nongyeju, 'GET', '/api/notifications')).json<NotificationsDto>().unread).toBe(0);
      expect((await call(h, jinrong, 'GET', '/api/notifications')).json<NotificationsDto>().unread).toBe(
        theirs.unread,
      );

      expect(
        (await call(h, nongyeju, 'POST', '/api/notifications/read-all', { csrf: null })).statusCode,
      ).toBe(403);
      expect((await call(h, null, 'GET', '/api/notifications')).statusCode).toBe(401);
    });
  });
});
