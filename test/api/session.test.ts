import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit.repository.js';
import { call, cookieOf, errorOf, login, openHarness, PASSWORD, type Harness } from './harness.js';

describe('sessions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness('sqlite', { env: { LOGIN_RATE_PER_MINUTE: '20' } });
  });
  afterEach(async () => {
    await h?.close();
  });

  const signIn = (username: string, password: string, ip = '10.0.0.1') =>
    h.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress: ip });

  it('signs in with an HttpOnly, SameSite=Strict cookie and returns the user and a CSRF token', async () => {
    const r = await signIn('nongyeju', PASSWORD);
    expect(r.statusCode).toBe(200);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^rl_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = r.json();
    expect(body.user).toMatchObject({
      username: 'nongyeju',
      role: 'reporter',
      unitName: '县农业农村局',
      org: { name: '三门县' },
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const me = await call(h, { cookie: cookieOf(r), csrf: body.csrfToken }, 'GET', '/api/session');
    expect(me.json()).toEqual(body);
    expect((await listAudit(h.t.db.kysely, h.orgId, { entity: 'session' })).map((a) => a.action)).toEqual([
      'create',
    ]);
  });

  it('marks the cookie Secure when COOKIE_SECURE is set', async () => {
    const secure = await openHarness('sqlite', { env: { COOKIE_SECURE: 'true' } });
    try {
      const r = await secure.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'admin', password: PASSWORD },
      });
      expect(String(r.headers['set-cookie'])).toContain('; Secure');
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password and an unknown user alike: 401', async () => {
    for (const [u, p] of [
      ['nongyeju', 'wrong-password-1'],
      ['nobody', PASSWORD],
    ] as const) {
      const r = await signIn(u, p);
      expect(r.statusCode).toBe(401);
      expect(errorOf(r)).toEqual({ code: 'unauthenticated', message: '用户名或密码错误' });
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('locks the account after 5 wrong passwords in a row for 15 minutes (429), even for the right one', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await signIn('nongyeju', `wrong-password-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await signIn('nongyeju', PASSWORD, '10.0.0.2');
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('locked');
    expect(errorOf(locked).message).toContain('15 分钟');
    expect(Number(locked.headers['retry-after'])).toBe(900);
    // Another account is not affected.
    expect((await signIn('jinrong', PASSWORD)).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await signIn('nongyeju', PASSWORD, '10.0.0.3')).statusCode).toBe(200);
  });

  it('a success resets the count of failures', async () => {
    for (let i = 0; i < 4; i++) await signIn('nongyeju', 'wrong-password-1');
    expect((await signIn('nongyeju', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn('nongyeju', 'wrong-password-1')).statusCode).toBe(401);
  });

  it('limits sign-in attempts per client address (429 rate_limited), whatever the username', async () => {
    const limited = await openHarness('sqlite', { env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const attempt = (username: string, ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username, password: 'x' },
          remoteAddress: ip,
        });
      const codes = [];
      for (const u of ['a1', 'a2', 'a3', 'a4']) codes.push((await attempt(u, '10.1.1.1')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const r = await attempt('a5', '10.1.1.1');
      expect(errorOf(r).code).toBe('rate_limited');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      // Another address has its own allowance.
      expect((await attempt('a6', '10.1.1.2')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('validates the sign-in body with the field named', async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin' } });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'password' });
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'validation', field: 'body' });
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const s = await login(h, 'leader');
    const r = await call(h, s, 'DELETE', '/api/session');
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/^rl_session=; .*Expires=Thu, 01 Jan 1970/);
    expect((await call(h, s, 'GET', '/api/items')).statusCode).toBe(401);
  });

  it('ends a session after 12 idle hours; activity keeps it alive', async () => {
    const s = await login(h, 'leader');
    h.clock.now = new Date(h.clock.now.getTime() + 11 * 3_600_000);
    expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 11 * 3_600_000);
    expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 12 * 3_600_000 + 1000);
    expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('refuses a forged or malformed cookie', async () => {
    const s = await login(h, 'leader');
    const [name, value] = s.cookie.split('=') as [string, string];
    const [org] = value.split('.');
    for (const cookie of [`${name}=${org}.forged-token`, `${name}=garbage`, `${name}=.x`, `${name}=`]) {
      expect((await call(h, { cookie, csrf: s.csrf }, 'GET', '/api/session')).statusCode).toBe(401);
    }
  });

  describe('password change', () => {
    it('enforces the policy with the field named', async () => {
      const s = await login(h, 'leader');
      for (const [newPassword, detail] of [
        ['short1', '至少 10 个字符'],
        ['onlyletterslong', '密码必须包含数字'],
        ['1234567890', '密码必须包含字母'],
      ]) {
        const r = await call(h, s, 'PUT', '/api/session/password', {
          body: { currentPassword: PASSWORD, newPassword },
        });
        expect(r.statusCode).toBe(400);
        expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'newPassword' });
        expect(errorOf(r).message).toContain(detail);
      }
    });

    it('needs the current password, and a wrong one counts towards the lock-out', async () => {
      const s = await login(h, 'leader');
      const r = await call(h, s, 'PUT', '/api/session/password', {
        body: { currentPassword: 'wrong-password-1', newPassword: 'new-password-2022' },
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      expect(r.statusCode).toBe(400);
      expect(errorOf(r)).toEqual({
        code: 'validation',
        message: 'The current password is wrong',
        field: 'currentPassword',
      });
      for (let i = 0; i < 4; i++) await signIn('leader', 'wrong-password-1');
      expect((await signIn('leader', PASSWORD)).statusCode).toBe(429);
    });

    it('changes it: the old password stops working, other sessions end, this one stays', async () => {
      const here = await login(h, 'leader');
      const elsewhere = await login(h, 'leader');
      const r = await call(h, here, 'PUT', '/api/session/password', {
        body: { currentPassword: PASSWORD, newPassword: 'sanmen-qingxie-2022' },
      });
      expect(r.statusCode).toBe(204);
      expect((await call(h, here, 'GET', '/api/session')).statusCode).toBe(200);
      expect((await call(h, elsewhere, 'GET', '/api/session')).statusCode).toBe(401);
      expect((await signIn('leader', PASSWORD)).statusCode).toBe(401);
      expect((await signIn('leader', 'sanmen-qingxie-2022')).statusCode).toBe(200);
      const audit = await listAudit(h.t.db.kysely, h.orgId, { entity: 'user', entityId: h.users.viewer.id });
      expect(audit.map((a) => a.after)).toContainEqual(expect.objectContaining({ passwordChanged: true }));
      expect(JSON.stringify(audit)).not.toContain('scrypt$');
    });
  });
});
