import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderLog, ReminderTestResult } from '../../src/shared/api/index.js';
import { call, errorOf, login, openHarness, type Harness, type Session } from '../api/harness.js';
import { startHttpReceiver, type HttpReceiver } from './receivers.js';
import { attempts, configure, D1_ONLY, EVE_OF_2025, outbox, pass, settingsWith } from './setup.js';

/**
 * The webhook may not reach the server itself or the cloud metadata service (SSRF through a
 * taken-over admin account): refused when saved if the URL says so literally, and at connect time
 * on what the name resolves to — against a real receiver on 127.0.0.1, reached as `localhost`.
 * WEBHOOK_ALLOW_LOOPBACK lets loopback through (a relay sidecar), never link-local. The address
 * table itself: src/domain/reminders/webhook-address.test.ts.
 */

const LOOPBACK_OK = { env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } };

let h: Harness | undefined;
let http: HttpReceiver | undefined;
afterEach(async () => {
  await http?.close();
  await h?.close();
  http = undefined;
  h = undefined;
});

/** The receiver's URL by name: `localhost` resolves to 127.0.0.1 (/etc/hosts). */
const byName = (r: HttpReceiver) => `${r.url.replace('127.0.0.1', 'localhost')}/hook`;

async function putWebhook(harness: Harness, admin: Session, url: string, locale = 'zh-CN') {
  return call(harness, admin, 'PUT', '/api/org/reminders', {
    body: settingsWith({ webhook: { enabled: true, kind: 'json', url } }),
    headers: { 'accept-language': locale },
  });
}

describe('saving the webhook URL', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1'],
    ['http://localhost:8080/hook', 'localhost'],
    ['http://[::1]:8080/hook', '::1'],
    ['http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1'],
    ['http://2130706433/hook', '127.0.0.1'],
  ])('refuses loopback %s (400 on channels.webhook.url, saying how to allow it)', async (url, host) => {
    h = await openHarness('sqlite');
    const admin = await login(h, 'admin');
    const r = await putWebhook(h, admin, url);
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toEqual({
      code: 'validation',
      field: 'channels.webhook.url',
      message: `Webhook 地址不能指向本机（${host}）：确需经本机中继转发的，请由运维设置环境变量 WEBHOOK_ALLOW_LOOPBACK=true`,
    });
    const en = errorOf(await putWebhook(h, admin, url, 'en-US'));
    expect(en.message).toBe(
      `The webhook URL may not point to this server (${host}); to relay through this host on purpose, the operator sets WEBHOOK_ALLOW_LOOPBACK=true`,
    );
    // Nothing was saved.
    const saved = await call(h, admin, 'GET', '/api/org/reminders');
    expect(saved.json<{ channels: { webhook: { url: string } } }>().channels.webhook.url).toBe('');
  });

  it('refuses the metadata service, link-local and unspecified addresses even with WEBHOOK_ALLOW_LOOPBACK', async () => {
    for (const env of [{}, LOOPBACK_OK.env]) {
      h = await openHarness('sqlite', { env });
      const admin = await login(h, 'admin');
      for (const [url, host] of [
        ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
        ['http://[fe80::1]/hook', 'fe80::1'],
        ['http://[::ffff:169.254.169.254]/hook', '::ffff:a9fe:a9fe'],
        ['http://0.0.0.0:3000/hook', '0.0.0.0'],
      ]) {
        const r = await putWebhook(h, admin, url!);
        expect(r.statusCode, url).toBe(400);
        expect(errorOf(r)).toMatchObject({ field: 'channels.webhook.url' });
        expect(errorOf(r).message).toBe(
          `Webhook 地址不能指向链路本地、云平台元数据、未指定、组播或广播地址（${host}）；内网地址（10.x、172.16–31.x、192.168.x）可以使用`,
        );
      }
      await h.close();
      h = undefined;
    }
  });

  it('keeps intranet and Internet addresses, and loopback with WEBHOOK_ALLOW_LOOPBACK', async () => {
    h = await openHarness('sqlite');
    const admin = await login(h, 'admin');
    for (const url of [
      'http://10.1.2.3:8080/robot/send',
      'http://172.16.0.9/hook',
      'http://192.168.10.5/hook',
      'http://[fd00::5]/hook',
      'http://im-relay.sanmen.gov.cn/hook',
      'https://oapi.dingtalk.com/robot/send',
    ]) {
      const r = await putWebhook(h, admin, url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    }
    await h.close();
    h = await openHarness('sqlite', LOOPBACK_OK);
    const loose = await login(h, 'admin');
    for (const url of ['http://127.0.0.1:9000/hook', 'http://localhost:9000/hook']) {
      const r = await putWebhook(h, loose, url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    }
  });
});

describe('sending through a name that resolves to 127.0.0.1', () => {
  it('without WEBHOOK_ALLOW_LOOPBACK: refused at connect time, failed at once with the reason in the log', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    // Saved while the name (or the setting) said otherwise — DNS rebinding, or the hatch turned off.
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: byName(http) },
    });
    expect(await pass(h, EVE_OF_2025, { webhookAllowLoopback: false })).toEqual({
      scheduled: 1,
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(http.requests).toEqual([]);
    const reason =
      '未发送：localhost 指向本机回环地址（确需经本机中继转发的，请由运维设置环境变量 WEBHOOK_ALLOW_LOOPBACK=true）（127.0.0.1），为防止借 Webhook 访问服务器本机或云平台元数据，不向这类地址发送';
    const [row] = await outbox(h);
    expect(row).toMatchObject({ channel: 'webhook', status: 'failed', attempts: 1, last_error: reason });
    expect((await attempts(h)).map((a) => [a.ok, a.detail])).toEqual([[0, reason]]);

    const admin = await login(h, 'admin');
    const log = (await call(h, admin, 'GET', '/api/reminders/log')).json<ReminderLog>();
    expect(log.rows.map((r) => [r.channel, r.status, r.lastError, r.log.map((a) => a.detail)])).toEqual([
      ['webhook', 'failed', reason, [reason]],
    ]);
    // Not retried: a later pass sends nothing.
    await pass(h, new Date(EVE_OF_2025.getTime() + 3600_000), { webhookAllowLoopback: false });
    expect(http.requests).toEqual([]);
  });

  it('with WEBHOOK_ALLOW_LOOPBACK: delivered to the receiver', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: byName(http) },
    });
    expect(await pass(h, EVE_OF_2025, { webhookAllowLoopback: true })).toMatchObject({ sent: 1, failed: 0 });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]!.headers.host).toBe(new URL(byName(http)).host);
    const [row] = await outbox(h);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('the test button (unsaved URL) says why without the hatch, and delivers with it', async () => {
    http = await startHttpReceiver();
    const body = {
      channel: 'webhook',
      settings: settingsWith({ webhook: { kind: 'json', url: byName(http) } }),
    };

    h = await openHarness('sqlite');
    let admin = await login(h, 'admin');
    const refused = await call(h, admin, 'POST', '/api/org/reminders/test', { body });
    expect(refused.statusCode).toBe(200);
    expect(refused.json<ReminderTestResult>()).toMatchObject({ ok: false });
    expect(refused.json<ReminderTestResult>().detail).toContain('未发送：localhost 指向本机回环地址');
    expect(http.requests).toEqual([]);
    await h.close();

    h = await openHarness('sqlite', LOOPBACK_OK);
    admin = await login(h, 'admin');
    const delivered = await call(h, admin, 'POST', '/api/org/reminders/test', { body });
    expect(delivered.json<ReminderTestResult>()).toEqual({
      ok: true,
      detail: 'HTTP 200 {"errcode":0,"errmsg":"ok"}',
    });
    expect(http.requests).toHaveLength(1);

    // The metadata service stays out of reach even so — refused before any connection is tried.
    const metadata = await call(h, admin, 'POST', '/api/org/reminders/test', {
      body: {
        ...body,
        settings: settingsWith({
          webhook: { kind: 'json', url: 'http://169.254.169.254/latest/meta-data/' },
        }),
      },
    });
    expect(metadata.json<ReminderTestResult>()).toEqual({
      ok: false,
      detail:
        '未发送：169.254.169.254 指向链路本地地址（含云平台元数据服务 169.254.169.254）（169.254.169.254），为防止借 Webhook 访问服务器本机或云平台元数据，不向这类地址发送',
    });
  });
});
