import { describe, expect, it } from 'vitest';
import { UnknownAccountLockouts } from './unknown-account-lockouts.js';

describe('UnknownAccountLockouts', () => {
  const at = (minutes: number) => new Date(Date.UTC(2022, 5, 30, 2, minutes));

  it('locks a name on its fifth failure for the lock time, then counts afresh', () => {
    const l = new UnknownAccountLockouts(5, 15 * 60_000);
    for (let i = 0; i < 4; i++) expect(l.fail('ghost', at(0))).toBeNull();
    expect(l.fail('ghost', at(0))).toBe(at(15).getTime());
    expect(l.lockedUntil('ghost', at(14))).toBe(at(15).getTime());
    expect(l.lockedUntil('ghost', at(15))).toBeNull();
    expect(l.lockedUntil('Ghost', at(1))).toBeNull(); // names are exact, as sign-in compares them
    expect(l.fail('ghost', at(16))).toBeNull();
  });

  it('forgets the oldest name first when full, so a bot cannot grow it without bound', () => {
    const l = new UnknownAccountLockouts(2, 60_000, 3);
    l.fail('a', at(0));
    l.fail('b', at(0));
    l.fail('c', at(0));
    l.fail('a', at(0)); // a is now the newest, and locked
    l.fail('d', at(0)); // evicts b, the oldest
    expect(l.lockedUntil('a', at(0))).not.toBeNull();
    expect(l.fail('b', at(0))).toBeNull(); // b starts again from one failure
  });
});
