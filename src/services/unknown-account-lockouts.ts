/**
 * Failed sign-ins of usernames that do not exist, counted and locked exactly like a real
 * account's (auth.service: MAX_FAILED_LOGINS, LOCK_MINUTES). Without this, the lock-out itself
 * tells which usernames exist: five wrong passwords lock a real account (429) while a made-up
 * name answers 401 for ever.
 *
 * Kept in memory, per server process, bounded (the oldest name is forgotten first): nothing is
 * written to the database for a name nobody has, so a bot cannot fill a table with them. With
 * several servers behind a balancer a made-up name locks after up to 5 × servers attempts
 * instead of 5; the per-address rate limit still applies to every attempt.
 */
export class UnknownAccountLockouts {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** When the name's lock ends (ms since the epoch), if it is locked at `now`. */
  lockedUntil(username: string, now: Date): number | null {
    const e = this.entries.get(key(username));
    return e && e.lockedUntil > now.getTime() ? e.lockedUntil : null;
  }

  /** Counts a failure; the lock's end when this failure locks the name, else null. */
  fail(username: string, now: Date): number | null {
    const k = key(username);
    const e = this.entries.get(k) ?? { failures: 0, lockedUntil: 0 };
    this.entries.delete(k); // re-inserted last: the map's order is the age order
    e.failures += 1;
    let locked: number | null = null;
    if (e.failures >= this.maxFailures) {
      e.failures = 0;
      e.lockedUntil = now.getTime() + this.lockMs;
      locked = e.lockedUntil;
    }
    this.entries.set(k, e);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return locked;
  }
}

/** As sign-in compares usernames: exactly, after the request schema trimmed them. */
function key(username: string): string {
  return username.trim();
}
