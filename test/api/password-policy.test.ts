import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFirstStart } from '../../src/services/seed-first-start.service.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { call, errorOf, login, openHarness, PASSWORD, SEED, type Harness, type Session } from './harness.js';

/**
 * The password policy wherever a password is set: a user created by the office, a password the
 * office resets, one a user changes, the first admin's from ADMIN_PASSWORD. Length and letters +
 * digits come from the shared schema (session.test.ts); here: not the username, not common.
 */
describe('password policy on every way a password is set', () => {
  let h: Harness;
  let admin: Session;
  beforeAll(async () => {
    h = await openHarness('sqlite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    admin = await login(h, 'admin');
  });
  afterAll(async () => {
    await h?.close();
  });

  const refusal = async (r: Awaited<ReturnType<typeof call>>, field: string) => {
    expect(r.statusCode, r.body).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation', field });
    return errorOf(r).message;
  };

  it('refuses a common password and the username when the office creates a user', async () => {
    const create = (username: string, password: string) =>
      call(h, admin, 'POST', '/api/users', {
        body: { username, displayName: '督查室', role: 'viewer', password },
      });
    expect(await refusal(await create('ducha', 'qwerty123456'), 'password')).toBe(
      '这个密码太常见，很容易被猜中，请换一个',
    );
    expect(await refusal(await create('duchashi', 'Duchashi2022'), 'password')).toBe('密码不能包含用户名');
    // Nothing was created by either attempt.
    const users = (await call(h, admin, 'GET', '/api/users')).json<{ users: { username: string }[] }>().users;
    expect(users.map((u) => u.username)).not.toContain('ducha');
    expect((await create('ducha', 'sanmen-ducha-77')).statusCode).toBe(201);
  });

  it('refuses them when the office resets a password, and says so in English too', async () => {
    const r = await call(h, admin, 'PATCH', `/api/users/${h.users.viewer.id}`, {
      body: { password: 'Leader2022' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(await refusal(r, 'password')).toBe('The password must not contain the username');
    const c = await call(h, admin, 'PATCH', `/api/users/${h.users.viewer.id}`, {
      body: { password: 'password2022' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(await refusal(c, 'password')).toBe(
      'This password is too common and easy to guess; choose another',
    );
    await login(h, 'leader'); // unchanged
  });

  it('refuses them when users change their own, after checking the current password', async () => {
    const s = await login(h, 'nongyeju');
    const change = (currentPassword: string, newPassword: string) =>
      call(h, s, 'PUT', '/api/session/password', { body: { currentPassword, newPassword } });
    expect(await refusal(await change(PASSWORD, 'nongyeju123'), 'newPassword')).toBe('密码不能包含用户名');
    expect(await refusal(await change(PASSWORD, 'a123456789'), 'newPassword')).toContain('太常见');
    // A wrong current password is what is reported first: the policy tells a thief nothing.
    expect(await refusal(await change('wrong-password-1', 'a123456789'), 'currentPassword')).toBe(
      '当前密码不正确',
    );
    expect((await change(PASSWORD, 'sanmen-qingxie-2022')).statusCode).toBe(204);
  });

  it('refuses an ADMIN_PASSWORD that is common or the admin name, before anything is written', async () => {
    for (const [adminPassword, key] of [
      ['password123', 'error.password_common'],
      ['admin2022!', 'error.password_username'],
    ] as const) {
      const t = await openTestDatabase('sqlite');
      try {
        await expect(
          seedFirstStart(t.db, { adminPassword, now: new Date('2022-03-01T00:00:00Z'), seedFile: SEED }),
        ).rejects.toMatchObject({ key, place: { field: 'ADMIN_PASSWORD' } });
        expect(await t.db.kysely.selectFrom('users').select('id').execute()).toEqual([]);
      } finally {
        await t.cleanup();
      }
    }
  });
});
