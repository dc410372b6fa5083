import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from './password-hash.js';

describe('password hashing (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('sanmen2022reform');
    const b = await hashPassword('sanmen2022reform');
    expect(a).toMatch(
      new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`),
    );
    expect(a).not.toBe(b);
    expect(await verifyPassword('sanmen2022reform', a)).toBe(true);
    expect(await verifyPassword('sanmen2022Reform', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, and rejects malformed hashes', async () => {
    // A hash made with other parameters still verifies after the default changes.
    const salt = Buffer.from('saltsaltsaltsalt');
    const key = scryptSync('old-password-1', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('old-password-1', old)).toBe(true);
    expect(await verifyPassword('old-password-2', old)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1024$8$1$c2FsdA==$')).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('treats composed and decomposed forms of a character as the same password', async () => {
    const h = await hashPassword('caf\u00e9-2022-pass');
    expect(await verifyPassword('cafe\u0301-2022-pass', h)).toBe(true);
  });
});
