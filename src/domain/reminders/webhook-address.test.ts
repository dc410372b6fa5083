import { describe, expect, it } from 'vitest';
import {
  parseIpv6,
  webhookAddressRefusal,
  webhookUrlRefusal,
  type AddressRefusal,
} from './webhook-address.js';

const STRICT = { allowLoopback: false };
const LOOPBACK_OK = { allowLoopback: true };

describe('webhookAddressRefusal', () => {
  it.each([
    // [address, without WEBHOOK_ALLOW_LOOPBACK, with it]
    ['127.0.0.1', 'loopback', null],
    ['127.255.255.254', 'loopback', null],
    ['::1', 'loopback', null],
    ['0:0:0:0:0:0:0:1', 'loopback', null],
    ['::ffff:127.0.0.1', 'loopback', null],
    ['::ffff:7f00:1', 'loopback', null],
    ['::127.0.0.1', 'loopback', null],
    ['169.254.169.254', 'link_local', 'link_local'],
    ['169.254.0.1', 'link_local', 'link_local'],
    ['::ffff:169.254.169.254', 'link_local', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local', 'link_local'],
    ['64:ff9b::169.254.169.254', 'link_local', 'link_local'],
    ['fe80::1', 'link_local', 'link_local'],
    ['fe80::1%eth0', 'link_local', 'link_local'],
    ['febf:ffff::1', 'link_local', 'link_local'],
    ['0.0.0.0', 'unspecified', 'unspecified'],
    ['0.1.2.3', 'unspecified', 'unspecified'],
    ['::', 'unspecified', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified', 'unspecified'],
    ['224.0.0.1', 'multicast', 'multicast'],
    ['239.255.255.250', 'multicast', 'multicast'],
    ['ff02::1', 'multicast', 'multicast'],
    ['255.255.255.255', 'broadcast', 'broadcast'],
    ['240.0.0.1', 'reserved', 'reserved'],
    ['localhost', 'not_an_address', 'not_an_address'],
    ['1.2.3', 'not_an_address', 'not_an_address'],
    ['1:2:3:4:5:6:7:8:9', 'not_an_address', 'not_an_address'],
    ['1::2::3', 'not_an_address', 'not_an_address'],
    // Allowed: the intranet (gateways and relays live there), carrier NAT, the Internet.
    ['10.0.0.1', null, null],
    ['10.12.3.4', null, null],
    ['172.16.0.1', null, null],
    ['172.31.255.254', null, null],
    ['192.168.1.10', null, null],
    ['100.64.0.1', null, null],
    ['::ffff:10.0.0.1', null, null],
    ['fc00::1', null, null],
    ['fd12:3456:789a::1', null, null],
    ['203.119.206.75', null, null],
    ['2408:4001:f10::6f', null, null],
    ['126.255.255.255', null, null],
    ['128.0.0.1', null, null],
    ['169.253.255.255', null, null],
    ['223.255.255.255', null, null],
    ['fec0::1', null, null],
  ] as [string, AddressRefusal | null, AddressRefusal | null][])(
    '%s: %s, with the escape hatch %s',
    (address, strict, loose) => {
      expect(webhookAddressRefusal(address, STRICT)).toBe(strict);
      expect(webhookAddressRefusal(address, LOOPBACK_OK)).toBe(loose);
    },
  );
});

describe('parseIpv6', () => {
  it('expands ::, keeps a dotted tail, refuses malformed text', () => {
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    expect(parseIpv6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('1:2:3:4:5:6:7')).toBeNull();
    expect(parseIpv6('12345::1')).toBeNull();
    expect(parseIpv6('::ffff:1.2.3.256')).toBeNull();
  });
});

describe('webhookUrlRefusal', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', { host: '127.0.0.1', reason: 'loopback' }],
    ['http://localhost/hook', { host: 'localhost', reason: 'loopback' }],
    ['http://LOCALHOST./hook', { host: 'localhost', reason: 'loopback' }],
    ['http://relay.localhost/hook', { host: 'relay.localhost', reason: 'loopback' }],
    // The URL parser's normal forms: decimal, hex, short IPv4; IPv6 in brackets, mapped.
    ['http://2130706433/', { host: '127.0.0.1', reason: 'loopback' }],
    ['http://0x7f.1/', { host: '127.0.0.1', reason: 'loopback' }],
    ['http://[::1]:9/', { host: '::1', reason: 'loopback' }],
    ['http://[::ffff:127.0.0.1]/', { host: '::ffff:7f00:1', reason: 'loopback' }],
    ['http://169.254.169.254/latest/meta-data/', { host: '169.254.169.254', reason: 'link_local' }],
    ['http://[fe80::1]/', { host: 'fe80::1', reason: 'link_local' }],
    ['http://0.0.0.0:3000/', { host: '0.0.0.0', reason: 'unspecified' }],
    ['http://[::]/', { host: '::', reason: 'unspecified' }],
    ['https://oapi.dingtalk.com/robot/send?access_token=x', null],
    ['http://10.1.2.3:8080/robot', null],
    ['http://192.168.0.5/hook', null],
    ['http://[fd00::5]/hook', null],
    // A name: judged on what it resolves to, when sending.
    ['http://relay.sanmen.gov.cn/hook', null],
    ['not a url', null],
  ])('%s → %j', (url, refusal) => {
    expect(webhookUrlRefusal(url, STRICT)).toEqual(refusal);
  });

  it('lets loopback through with the escape hatch, never link-local', () => {
    expect(webhookUrlRefusal('http://localhost:9000/hook', LOOPBACK_OK)).toBeNull();
    expect(webhookUrlRefusal('http://127.0.0.1:9000/hook', LOOPBACK_OK)).toBeNull();
    expect(webhookUrlRefusal('http://[::ffff:127.0.0.1]/', LOOPBACK_OK)).toBeNull();
    expect(webhookUrlRefusal('http://169.254.169.254/', LOOPBACK_OK)).toEqual({
      host: '169.254.169.254',
      reason: 'link_local',
    });
  });
});
