/**
 * Which addresses a reminder webhook may reach. The webhook URL is set by an administrator; if
 * that account is taken over, the URL must not become a way to make the server call itself
 * (its own admin API, a database on 127.0.0.1), the cloud's metadata service (169.254.169.254)
 * or something else on the link. So loopback, link-local, unspecified, multicast, broadcast and
 * reserved addresses are refused — also when written as IPv4 inside IPv6 (::ffff:127.0.0.1).
 *
 * Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7) stay allowed on purpose: on a government
 * intranet the DingTalk/WeCom gateway or the county's IM relay lives there. A deployment that
 * relays through a sidecar on the same host sets WEBHOOK_ALLOW_LOOPBACK; link-local stays refused
 * even then (nothing legitimate lives there, the metadata service does).
 *
 * Pure: the channel applies it to the addresses DNS answered, at connect time (a check of the
 * name alone would be beaten by a name that resolves to 127.0.0.1, or by DNS rebinding).
 */

export type AddressRefusal =
  'loopback' | 'link_local' | 'unspecified' | 'multicast' | 'broadcast' | 'reserved' | 'not_an_address';

export interface WebhookAddressPolicy {
  /** WEBHOOK_ALLOW_LOOPBACK: 127.0.0.0/8 and ::1 (also IPv4-mapped) allowed. */
  allowLoopback: boolean;
}

/** Why a webhook may not connect to this IP address (v4 or v6 text), or null: it may. */
export function webhookAddressRefusal(address: string, policy: WebhookAddressPolicy): AddressRefusal | null {
  const v4 = parseIpv4(address);
  const reason = v4 ? classifyIpv4(v4) : classifyIpv6Text(address);
  if (reason === 'loopback' && policy.allowLoopback) return null;
  return reason;
}

/**
 * What is wrong with a URL's host as written, before any DNS: `localhost` (and *.localhost,
 * RFC 6761) or a literal refused address. Names are left to the connect-time check. The URL
 * parser has already normalised 2130706433, 0x7f.1 and [::ffff:127.0.0.1] to their canonical
 * forms, which is why the hostname is taken from it.
 */
export function webhookUrlRefusal(
  url: string,
  policy: WebhookAddressPolicy,
): { host: string; reason: AddressRefusal } | null {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null; // not a URL: the schema's own check says so
  }
  const host = hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return policy.allowLoopback ? null : { host, reason: 'loopback' };
  }
  if (parseIpv4(host) === null && parseIpv6(host) === null) return null;
  const reason = webhookAddressRefusal(host, policy);
  return reason ? { host, reason } : null;
}

function classifyIpv4([a, b, c, d]: readonly number[]): AddressRefusal | null {
  if (a === 0) return 'unspecified'; // 0.0.0.0/8: connecting to 0.0.0.0 reaches this host
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link_local';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  if (a! >= 240) return 'reserved';
  return null;
}

function classifyIpv6Text(address: string): AddressRefusal | null {
  const w = parseIpv6(address);
  if (!w) return 'not_an_address';
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  const embedded = () => classifyIpv4([w[6]! >> 8, w[6]! & 0xff, w[7]! >> 8, w[7]! & 0xff]);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && w[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form (::a.b.c.d) reach the IPv4
  // address; NAT64 (64:ff9b::a.b.c.d) reaches it through the gateway. Judge the IPv4 address.
  if (zeros(0, 5) && (w[5] === 0xffff || w[5] === 0)) return embedded();
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return embedded();
  if ((w[0]! & 0xffc0) === 0xfe80) return 'link_local';
  if ((w[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/** Dotted decimal only (what DNS answers and the URL parser writes); anything else: null. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** Eight 16-bit words, or null; a zone (fe80::1%eth0) is ignored, a dotted tail is accepted. */
export function parseIpv6(text: string): number[] | null {
  let s = text.replace(/%.*$/, '');
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    const prefix = s.slice(0, lastColon + 1);
    s = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (part: string) => (part === '' ? [] : part.split(':'));
  const head = words(halves[0]!);
  const rest = halves.length === 2 ? words(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const fill = new Array<number>(8 - known).fill(0);
  const hex = (g: string) => parseInt(g, 16);
  return [...head.map(hex), ...(halves.length === 2 ? fill : []), ...rest.map(hex), ...tail];
}
