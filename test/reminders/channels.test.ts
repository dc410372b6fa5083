import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../api/harness.js';
import { sendWebhook } from '../../src/services/reminders/webhook.channel.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './receivers.js';
import { attempts, configure, D1_ONLY, EVE_OF_2025, outbox, pass } from './setup.js';

/**
 * Webhook and e-mail reminders against a local HTTP receiver and a local SMTP server. On
 * 2025-12-30 the one milestone a day away is item 68 共富渔塘 (县农业农村局), "到2025年…".
 */

const MILESTONE = '争取到2025年落实资金8000万元以上';

let h: Harness;
let http: HttpReceiver | undefined;
let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await http?.close();
  await smtp?.close();
  http = undefined;
  smtp = undefined;
  await h?.close();
});

describe('webhook channel', () => {
  it('posts a signed DingTalk markdown message once', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: {
        enabled: true,
        kind: 'dingtalk',
        url: `${http.url}/robot/send?access_token=tok-sanmen`,
        secret: 'SECsanmen2022',
      },
    });
    expect(await pass(h, EVE_OF_2025)).toEqual({ scheduled: 1, sent: 1, retrying: 0, failed: 0 });
    expect(http.requests).toHaveLength(1);
    const req = http.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/robot/send');
    expect(req.url.searchParams.get('access_token')).toBe('tok-sanmen');
    const timestamp = req.url.searchParams.get('timestamp');
    expect(timestamp).toBe(String(EVE_OF_2025.getTime()));
    const expected = createHmac('sha256', 'SECsanmen2022')
      .update(`${timestamp}\nSECsanmen2022`)
      .digest('base64');
    expect(req.url.searchParams.get('sign')).toBe(expected);
    expect(req.headers['content-type']).toContain('application/json');
    const body = req.body as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('【催办】时间节点临近：共富渔塘');
    expect(body.markdown.text).toContain('#### 【催办】时间节点临近：共富渔塘');
    expect(body.markdown.text).toContain(
      '第 68 项改革事项“共富渔塘”的时间节点将于2025年12月31日到期（还有 1 天）',
    );
    expect(body.markdown.text).toContain(MILESTONE);
    expect(body.markdown.text).toContain('> —— 三门县 改革一本账');

    const [row] = await outbox(h);
    expect(row).toMatchObject({ channel: 'webhook', recipient: 'webhook', status: 'sent', attempts: 1 });
    expect((await attempts(h)).map((a) => [a.ok, a.detail?.startsWith('HTTP 200')])).toEqual([[1, true]]);

    // Again the same day: nothing more reaches the robot.
    await pass(h, new Date(EVE_OF_2025.getTime() + 6 * 3600_000));
    expect(http.requests).toHaveLength(1);
  });

  it('posts a generic JSON body with the dedupe key, the kind and a link', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: `${http.url}/hook` },
    });
    await pass(h, EVE_OF_2025);
    const body = http.requests[0]!.body as Record<string, unknown>;
    const [row] = await outbox(h);
    expect(body).toMatchObject({
      event: 'reminder',
      id: row!.id,
      dedupeKey: row!.dedupe_key,
      kind: 'milestone_due',
      org: '三门县',
      link: '/items/68',
      title: '【催办】时间节点临近：共富渔塘',
      params: { item: '共富渔塘', number: 68, deadline: '2025-12-31', days: 1, lead: '县农业农村局' },
    });
    expect(String(body.text)).toContain(MILESTONE);
    expect(row!.dedupe_key).toMatch(/^milestone:[0-9a-f-]{36}:3:2025-12-31:d-1:webhook$/);
  });

  it('retries a failed post with back-off: 500 first, 200 a minute later — two attempts, one delivery', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    http.statuses = [500];
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: `${http.url}/hook` },
    });
    expect(await pass(h, EVE_OF_2025)).toEqual({ scheduled: 1, sent: 0, retrying: 1, failed: 0 });
    let [row] = await outbox(h);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: '2025-12-30T02:01:00.000Z',
    });
    expect(row!.last_error).toContain('HTTP 500');

    // Not due yet half a minute later.
    expect(await pass(h, new Date('2025-12-30T02:00:30.000Z'))).toMatchObject({ sent: 0, retrying: 0 });
    expect(http.requests).toHaveLength(1);

    expect(await pass(h, new Date('2025-12-30T02:01:00.000Z'))).toMatchObject({ scheduled: 0, sent: 1 });
    [row] = await outbox(h);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
      sent_at: '2025-12-30T02:01:00.000Z',
    });
    expect((await attempts(h)).map((a) => a.ok)).toEqual([0, 1]);
    const keys = http.requests.map((r) => (r.body as { dedupeKey: string }).dedupeKey);
    expect(keys).toEqual([row!.dedupe_key, row!.dedupe_key]);
  });

  it('gives up after 8 attempts, 1, 2, 4 … 60 minutes apart', async () => {
    h = await openHarness('sqlite');
    http = await startHttpReceiver();
    http.respond = () => 503;
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      webhook: { enabled: true, kind: 'json', url: `${http.url}/hook` },
    });
    let at = EVE_OF_2025;
    const gaps: number[] = [];
    for (let i = 0; i < 8; i++) {
      await pass(h, at);
      const [row] = await outbox(h);
      if (row!.status === 'failed') break;
      const next = new Date(row!.next_attempt_at);
      gaps.push((next.getTime() - at.getTime()) / 60_000);
      at = next;
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const [row] = await outbox(h);
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row!.last_error).toContain('HTTP 503');
    expect(await attempts(h)).toHaveLength(8);
    await pass(h, new Date(at.getTime() + 24 * 3600_000));
    expect(http.requests).toHaveLength(8);
  });

  it('gives up waiting for a receiver that never answers (timeout)', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const r = await sendWebhook(
        { kind: 'json', url: `http://127.0.0.1:${port}/hook`, secret: '' },
        { title: '【催办】', text: '共富渔塘', footer: '', data: {} },
        // The receiver is on 127.0.0.1: WEBHOOK_ALLOW_LOOPBACK's setting, as the tests' config has it.
        { now: EVE_OF_2025, timeoutMs: 200, allowLoopback: true, locale: 'zh-CN' },
      );
      expect(r).toEqual({ ok: false, detail: 'timeout after 0.2 s' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('e-mail channel', () => {
  it("mails the unit's address over SMTP with the item in the subject and the body, in Chinese", async () => {
    h = await openHarness('sqlite');
    smtp = await startSmtpReceiver({ user: 'ggb', pass: 'smtp-secret' });
    const unitId = await h.unitId('县农业农村局');
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'ggb',
        password: 'smtp-secret',
        from: 'ggb@sanmen.gov.cn',
        unitAddresses: [{ unitId, addresses: ['nyj@sanmen.gov.cn'] }],
        officeAddresses: ['ggb@sanmen.gov.cn'],
      },
    });
    expect(await pass(h, EVE_OF_2025)).toEqual({ scheduled: 1, sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail).toMatchObject({ from: 'ggb@sanmen.gov.cn', to: ['nyj@sanmen.gov.cn'], user: 'ggb' });
    expect(mail.subject).toBe('【催办】时间节点临近：共富渔塘');
    expect(mail.text).toContain('第 68 项改革事项“共富渔塘”的时间节点将于2025年12月31日到期（还有 1 天）');
    expect(mail.text).toContain(MILESTONE);
    expect(mail.text).toContain('—— 三门县 改革一本账');
    const [row] = await outbox(h);
    expect(row).toMatchObject({ channel: 'email', recipient: `email:unit:${unitId}`, status: 'sent' });
  });

  it('logs a refused login as a failed attempt and retries', async () => {
    h = await openHarness('sqlite');
    smtp = await startSmtpReceiver({ user: 'ggb', pass: 'smtp-secret' });
    const unitId = await h.unitId('县农业农村局');
    await configure(h, {
      rules: D1_ONLY,
      inApp: { enabled: false },
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'ggb',
        password: 'wrong',
        from: 'ggb@sanmen.gov.cn',
        unitAddresses: [{ unitId, addresses: ['nyj@sanmen.gov.cn'] }],
      },
    });
    expect(await pass(h, EVE_OF_2025)).toMatchObject({ sent: 0, retrying: 1 });
    const [row] = await outbox(h);
    expect(row!.last_error).toContain('EAUTH');
    expect(smtp.messages).toEqual([]);
  });
});
