import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-database.js';
import { call, cookieOf, errorOf, login, NOW, openHarness, PASSWORD, type Harness } from './harness.js';

/**
 * Sessions against an attacker (session.test.ts has the everyday behaviour): fixation, the
 * absolute lifetime, sign-out on the server, cookie flags on every Set-Cookie, and the sign-in
 * lock-out telling nothing about which usernames exist. Both engines: sessions are rows.
 */

const HOUR = 3_600_000;

describe.each(ENGINES)('session hardening (%s)', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine, {
      env: { LOGIN_RATE_PER_MINUTE: '1000', SESSION_HOURS: '12', SESSION_MAX_HOURS: '24' },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const signIn = (username: string, password: string, cookie?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const later = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };
  const sessionRows = async (userId: string) =>
    h.t.db.kysely.selectFrom('sessions').select(['id', 'expires_at']).where('user_id', '=', userId).execute();

  describe('fixation', () => {
    it('issues a new random session at every sign-in, whatever cookie the browser brought', async () => {
      const first = await login(h, 'leader');
      const second = await login(h, 'leader');
      expect(second.cookie).not.toBe(first.cookie);
      expect(second.csrf).not.toBe(first.csrf);
      // A value an attacker chose and planted is never adopted: the answer sets a fresh one.
      const planted = `rl_session=${h.orgId}.attacker-chosen-token-0000000000000000000000`;
      const r = await signIn('leader', PASSWORD, planted);
      expect(r.statusCode).toBe(200);
      expect(cookieOf(r)).not.toBe(planted);
      expect((await call(h, { cookie: planted, csrf: 'x' }, 'GET', '/api/session')).statusCode).toBe(401);
    });

    it("ends the session a browser brought to sign-in: an attacker's planted session is worth nothing after", async () => {
      // The attacker signs in to their own account and plants that cookie in the victim's browser.
      const attacker = await login(h, 'jinrong');
      const victim = await signIn('nongyeju', PASSWORD, attacker.cookie);
      expect(victim.statusCode).toBe(200);
      expect(victim.json<{ user: { username: string } }>().user.username).toBe('nongyeju');
      expect((await call(h, attacker, 'GET', '/api/session')).statusCode).toBe(401);
      // Signing in again in the same browser replaces the session rather than adding one.
      const before = (await sessionRows(h.users.reporter.id)).length;
      const again = await signIn('nongyeju', PASSWORD, cookieOf(victim));
      expect(await sessionRows(h.users.reporter.id)).toHaveLength(before);
      expect((await call(h, { cookie: cookieOf(victim), csrf: 'x' }, 'GET', '/api/session')).statusCode).toBe(
        401,
      );
      expect(cookieOf(again)).not.toBe(cookieOf(victim));
    });

    it('keeps the old session when the sign-in fails (a failed attempt cannot sign anyone out)', async () => {
      const s = await login(h, 'leader');
      expect((await signIn('leader', 'wrong-password-9', s.cookie)).statusCode).toBe(401);
      expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(200);
    });
  });

  describe('expiry', () => {
    it('ends an active session SESSION_MAX_HOURS after sign-in, however busy (absolute lifetime)', async () => {
      h.clock.now = NOW;
      const s = await login(h, 'leader');
      for (let hours = 6; hours < 24; hours += 6) {
        later(6 * HOUR);
        expect((await call(h, s, 'GET', '/api/session')).statusCode, `${hours} h`).toBe(200);
      }
      // The stored expiry never passes the absolute end, so the sweep at sign-in finds it too.
      const row = (await sessionRows(h.users.viewer.id)).find(
        (x) => x.expires_at > h.clock.now.toISOString(),
      );
      expect(row?.expires_at).toBe(new Date(NOW.getTime() + 24 * HOUR).toISOString());
      later(6 * HOUR); // 24 h after sign-in
      expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
      expect(errorOf(await call(h, s, 'GET', '/api/items')).code).toBe('unauthenticated');
      h.clock.now = NOW;
    });

    it('ends an idle session after SESSION_HOURS even within the absolute lifetime', async () => {
      h.clock.now = NOW;
      const s = await login(h, 'leader');
      later(12 * HOUR);
      expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
      h.clock.now = NOW;
    });
  });

  describe('sign-out', () => {
    it('ends the session on the server: the old cookie and CSRF token are refused for reads and writes', async () => {
      const s = await login(h, 'admin');
      const other = await login(h, 'admin');
      expect((await call(h, s, 'DELETE', '/api/session')).statusCode).toBe(204);
      expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
      const write = await call(h, s, 'PATCH', '/api/org', { body: { warningDays: 25 } });
      expect([write.statusCode, errorOf(write).code]).toEqual([401, 'unauthenticated']);
      // Replaying the sign-out does nothing either; the user's other session lives on.
      expect((await call(h, s, 'DELETE', '/api/session')).statusCode).toBe(401);
      expect((await call(h, other, 'GET', '/api/session')).statusCode).toBe(200);
      // A CSRF token belongs to its session: the old one does not work with a new session.
      const fresh = await login(h, 'admin');
      const mixed = await call(h, { cookie: fresh.cookie, csrf: s.csrf }, 'PATCH', '/api/org', {
        body: { warningDays: 25 },
      });
      expect([mixed.statusCode, errorOf(mixed).code]).toEqual([403, 'csrf']);
    });

    it('a password set by the office ends every session of that user', async () => {
      const admin = await login(h, 'admin');
      const a = await login(h, 'jinrong');
      const b = await login(h, 'jinrong');
      const r = await call(h, admin, 'PATCH', `/api/users/${h.users.otherReporter.id}`, {
        body: { password: 'jinrong-reset-2022' },
      });
      expect(r.statusCode, r.body).toBe(200);
      for (const s of [a, b]) expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
      await login(h, 'jinrong', 'jinrong-reset-2022');
    });
  });

  describe('cookie flags', () => {
    const flags = (r: LightMyRequestResponse) => {
      const header = String(r.headers['set-cookie']);
      return header.split(';').map((p) => p.trim().split('=')[0]!.toLowerCase());
    };

    it('sets and clears the cookie HttpOnly, SameSite=Strict, Path=/, host-only (no Domain), no lifetime', async () => {
      const r = await signIn('leader', PASSWORD);
      expect(flags(r).sort()).toEqual(['httponly', 'path', 'rl_session', 'samesite'].sort());
      expect(String(r.headers['set-cookie'])).toContain('SameSite=Strict');
      const s = { cookie: cookieOf(r), csrf: r.json<{ csrfToken: string }>().csrfToken };
      const out = await call(h, s, 'DELETE', '/api/session');
      expect(flags(out)).toEqual(expect.arrayContaining(['httponly', 'samesite', 'path', 'expires']));
      expect(flags(out)).not.toContain('domain');
      // The token is never readable by script: it is not in any JSON answer.
      expect(r.body).not.toContain(s.cookie.split('=')[1]!.split('.')[1]!);
    });
  });

  describe('brute force without user enumeration', () => {
    /** status, error code and message of each of `n` wrong sign-ins. */
    const attempts = async (username: string, n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await signIn(username, `wrong-password-${i}`);
        out.push(`${r.statusCode} ${r.body} ${String(r.headers['retry-after'] ?? '')}`);
      }
      return out;
    };

    it('locks a username nobody has exactly like a real account: same answers, same lock, same end', async () => {
      h.clock.now = NOW;
      const real = await attempts('leader', 7);
      const ghost = await attempts('leader-typo', 7);
      expect(ghost).toEqual(real);
      expect(real.map((a) => a.slice(0, 3))).toEqual(['401', '401', '401', '401', '429', '429', '429']);
      expect(real[4]).toContain('"code":"locked"');
      expect(real[4]).toMatch(/ 900$/);
      // Even the right password is refused while locked; a made-up name answers the same.
      const right = await signIn('leader', PASSWORD);
      const ghostRight = await signIn('leader-typo', PASSWORD);
      expect([right.statusCode, ghostRight.statusCode]).toEqual([429, 429]);
      expect(right.body).toBe(ghostRight.body);
      later(15 * 60_000 + 1000);
      expect((await signIn('leader', PASSWORD)).statusCode).toBe(200);
      expect((await signIn('leader-typo', PASSWORD)).statusCode).toBe(401);
      h.clock.now = NOW;
    });

    it('does not let a client escape the per-address limit by inventing X-Forwarded-For (TRUST_PROXY off)', async () => {
      const limited = await openHarness(engine, { env: { LOGIN_RATE_PER_MINUTE: '3' } });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await limited.app.inject({
            method: 'POST',
            url: '/api/session',
            payload: { username: `probe${i}`, password: 'x' },
            remoteAddress: '10.9.9.9',
            headers: { 'x-forwarded-for': `203.0.113.${i}` },
          });
          codes.push(r.statusCode);
        }
        expect(codes).toEqual([401, 401, 401, 429, 429]);
      } finally {
        await limited.close();
      }
    });

    it('accepts sign-in only as JSON: a cross-site form (urlencoded, text/plain) cannot sign anyone in', async () => {
      for (const [type, payload] of [
        ['application/x-www-form-urlencoded', `username=leader&password=${PASSWORD}`],
        ['text/plain', JSON.stringify({ username: 'leader', password: PASSWORD })],
        [
          'multipart/form-data; boundary=x',
          `--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nleader\r\n--x--\r\n`,
        ],
      ] as const) {
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/session',
          headers: { 'content-type': type },
          payload,
        });
        expect(r.statusCode, type).toBeGreaterThanOrEqual(400);
        expect(r.statusCode, type).toBeLessThan(500);
        expect(r.headers['set-cookie'], type).toBeUndefined();
      }
    });
  });
});
