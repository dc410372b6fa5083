import { describe, expect, it } from 'vitest';
import { deliveriesOf, type Audience, type ChannelTargets } from './deliveries.js';
import type { ReminderEvent } from './due-reminders.js';

const EVENT: ReminderEvent = {
  key: 'milestone:key-4:0:2022-06-30:overdue:every7:r1',
  kind: 'milestone_overdue',
  itemKey: 'key-4',
  itemNumber: 4,
  itemTitle: '小微企业联合辅导成长机制',
  milestone: { position: 0, deadline: '2022-06-30', text: '2022年6月底前，对接台州市启动北三县融辅试点' },
  period: null,
  dueOn: '2022-06-30',
  days: 8,
  unitIds: ['u-jinrong', 'u-jingxin'],
  office: false,
};
const ESCALATION: ReminderEvent = {
  ...EVENT,
  key: 'milestone:key-4:0:2022-06-30:escalate:after7:every7:r0',
  kind: 'milestone_escalation',
  unitIds: [],
  office: true,
};

const AUDIENCE: Audience = {
  reportersByUnit: new Map([
    ['u-jinrong', ['jinrong-1', 'jinrong-2']],
    ['u-jingxin', ['jingxin-1']],
  ]),
  admins: ['admin-1'],
};

const ALL: ChannelTargets = {
  inApp: true,
  webhook: true,
  email: {
    enabled: true,
    unitAddresses: new Map([['u-jinrong', ['jrzx@sanmen.gov.cn']]]),
    officeAddresses: ['ggb@sanmen.gov.cn'],
  },
};

describe('deliveriesOf', () => {
  it.each([
    [
      'every channel, unit event',
      EVENT,
      ALL,
      [
        ['in_app', 'user:jinrong-1'],
        ['in_app', 'user:jinrong-2'],
        ['in_app', 'user:jingxin-1'],
        ['webhook', 'webhook'],
        ['email', 'email:unit:u-jinrong'], // 县经信局 has no address: no e-mail
      ],
    ],
    [
      'every channel, escalation',
      ESCALATION,
      ALL,
      [
        ['in_app', 'user:admin-1'],
        ['webhook', 'webhook'],
        ['email', 'email:office'],
      ],
    ],
    [
      'in-app only',
      EVENT,
      { ...ALL, webhook: false, email: { ...ALL.email, enabled: false } },
      [
        ['in_app', 'user:jinrong-1'],
        ['in_app', 'user:jinrong-2'],
        ['in_app', 'user:jingxin-1'],
      ],
    ],
    ['nothing on', EVENT, { inApp: false, webhook: false, email: { ...ALL.email, enabled: false } }, []],
  ] as [string, ReminderEvent, ChannelTargets, [string, string][]][])(
    '%s',
    (_name, event, channels, expected) => {
      const out = deliveriesOf([event], AUDIENCE, channels);
      expect(out.map((d) => [d.channel, d.recipient])).toEqual(expected);
      for (const d of out) expect(d.dedupeKey).toBe(`${event.key}:${d.recipient}`);
    },
  );

  it('keys are unique and carry the addresses and user of each delivery', () => {
    const out = deliveriesOf([EVENT, ESCALATION], AUDIENCE, ALL);
    expect(new Set(out.map((d) => d.dedupeKey)).size).toBe(out.length);
    expect(out.find((d) => d.recipient === 'email:office')!.addresses).toEqual(['ggb@sanmen.gov.cn']);
    expect(out.find((d) => d.recipient === 'user:jinrong-2')!.userId).toBe('jinrong-2');
  });

  it('is deterministic: the same input gives the same keys in the same order', () => {
    const again = deliveriesOf([EVENT], AUDIENCE, ALL).map((d) => d.dedupeKey);
    expect(deliveriesOf([EVENT], AUDIENCE, ALL).map((d) => d.dedupeKey)).toEqual(again);
  });
});
