import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as hashing from '../../src/services/password-hash.js';
import { openHarness, PASSWORD, type Harness } from './harness.js';

/**
 * "No such user" must cost what "wrong password" costs, or response times list the usernames.
 * Tests never measure time (docs/security.md has the measured figures); they count the work
 * instead: every sign-in that is not refused by a lock runs exactly one scrypt verification,
 * against the user's hash or the dummy one, and a locked name — real or made up — runs none.
 */

vi.mock('../../src/services/password-hash.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/services/password-hash.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

describe('sign-in does the same work for unknown and known usernames', () => {
  let h: Harness;
  const verify = vi.mocked(hashing.verifyPassword);

  beforeAll(async () => {
    h = await openHarness('sqlite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await h?.close();
  });
  // A block, not an expression: a function returned from beforeEach is run as its teardown.
  beforeEach(() => {
    verify.mockClear();
  });

  const signIn = (username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

  /** Verifications each attempt ran, and its status. */
  async function work(username: string, password: string): Promise<[number, number]> {
    verify.mockClear();
    const r = await signIn(username, password);
    return [r.statusCode, verify.mock.calls.length];
  }

  it('one verification for a wrong password, an unknown name and the right password', async () => {
    expect(await work('leader', 'wrong-password-1')).toEqual([401, 1]);
    expect(await work('no-such-user', 'wrong-password-1')).toEqual([401, 1]);
    expect(await work('leader', PASSWORD)).toEqual([200, 1]);
    // A disabled account answers like a wrong password, with the same work.
    await h.t.db.kysely
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', h.users.reporter.id)
      .execute();
    expect(await work('nongyeju', PASSWORD)).toEqual([401, 1]);
    // The unknown name's hash is a real scrypt hash with the same parameters as a user's.
    const dummy = await hashing.dummyHash();
    const [, n, r, p] = dummy.split('$');
    expect([Number(n), Number(r), Number(p)]).toEqual([
      hashing.SCRYPT_PARAMS.N,
      hashing.SCRYPT_PARAMS.r,
      hashing.SCRYPT_PARAMS.p,
    ]);
  });

  it('none while locked, whether the name exists or not', async () => {
    for (const name of ['jinrong', 'jinrong-typo']) {
      for (let i = 0; i < 5; i++) await signIn(name, `wrong-password-${i}`);
      expect(await work(name, 'wrong-password-9'), name).toEqual([429, 0]);
    }
  });
});
