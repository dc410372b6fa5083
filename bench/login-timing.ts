/**
 * Sign-in latency by outcome, to back the claim that response times do not tell which
 * usernames exist (docs/security.md). Not part of `npm run bench` (a one-off check, ~30 s):
 *   npx tsx bench/login-timing.ts [rounds]
 * Interleaves the outcomes round by round so machine noise falls on all of them alike.
 */
import { openHarness, PASSWORD } from '../test/api/harness.js';

const rounds = Number(process.argv[2] ?? 40);
const h = await openHarness('sqlite', { env: { LOGIN_RATE_PER_MINUTE: '10000' } });
const outcomes = {
  'unknown user': { username: 'no-such-user', password: 'wrong-password-1' },
  'wrong password': { username: 'leader', password: 'wrong-password-1' },
  'right password': { username: 'jinrong', password: PASSWORD },
} as const;
const times: Record<string, number[]> = {};
for (let i = 0; i < rounds; i++) {
  // The lock-out would end the wrong-password series after 4: unlock between rounds.
  await h.t.db.kysely.updateTable('users').set({ failed_logins: 0, locked_until: null }).execute();
  for (const [name, payload] of Object.entries(outcomes)) {
    if (name === 'unknown user' && i % 4 === 0) {
      // A fresh unknown name now and then, so its in-memory count never reaches the lock.
      (payload as { username: string }).username = `no-such-user-${i}`;
    }
    const t0 = process.hrtime.bigint();
    await h.app.inject({ method: 'POST', url: '/api/session', payload });
    (times[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
for (const [name, xs] of Object.entries(times)) {
  console.log(
    `${name.padEnd(15)} n=${xs.length}  median ${pct(xs, 0.5).toFixed(1)} ms  p10 ${pct(xs, 0.1).toFixed(1)}  p90 ${pct(xs, 0.9).toFixed(1)}`,
  );
}
await h.close();
