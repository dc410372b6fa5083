/**
 * The crash test at random moments (not CI): the real server (bin/reform-ledger.js, the build in
 * dist/) is sent an action — a 300-item import, a report submission or a bulletin publication —
 * and killed with SIGKILL after a random delay, then started again on the same data, N times.
 * After every kill: `db check`'s verdict (integrity, foreign keys, the application's invariants,
 * every evidence file), and the API shows the action either whole or not at all.
 *
 *   npx tsx scripts/kill-loop.ts --engine sqlite --rounds 100
 *   npx tsx scripts/kill-loop.ts --engine postgres --rounds 100     (the local 127.0.0.1:5432)
 *   … --delay-scale 2.5      kills later (a slow machine, or to catch more actions whole)
 *
 * Prints one line per round and a summary; exits non-zero on the first inconsistency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateProvince } from '../bench/province-generator.js';
import { checkDatabase } from '../src/services/check-database.service.js';
import { localEvidenceStore } from '../src/services/evidence-store.js';
import { createDatabase, type Db } from '../src/store/database.js';
import { openTestDatabase, type TestDatabase } from '../test/helpers/test-database.js';
import { ADMIN_PASSWORD, startChildServer, type ChildServer } from '../test/faults/child-server.js';
import { json, signIn, type Client } from '../test/faults/http-client.js';
import { pdf } from '../test/helpers/evidence-files.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    rounds: { type: 'string', default: '30' },
    /** Stretches the kill delays (a slower machine, or to land later in the actions). */
    'delay-scale': { type: 'string', default: '1' },
  },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
const rounds = Number(values.rounds);
const delayScale = Number(values['delay-scale']);
/** Kills land within about the time each action takes on this machine (2 cores, busy). */
const MAX_DELAY_MS = { import: 1200, submit: 250, publish: 2000 } as const;
const TITLE = '三门县共同富裕“三十”工程改革库';

function plan(seed: number): Uint8Array {
  const lines = generateProvince({ counties: 1, itemsPerPlan: 300, seed })[0]!.text.split('\n');
  lines[1] = TITLE;
  return Buffer.from(lines.join('\n'), 'utf8');
}

const dataDir = mkdtempSync(join(tmpdir(), 'rl-kill-loop-'));
let pg: TestDatabase | undefined;
let server: ChildServer | undefined;
const start = async (): Promise<Client> => {
  server = await startChildServer({ dataDir, ...(pg ? { databaseUrl: pg.url! } : {}) });
  return signIn(server.url, 'admin', ADMIN_PASSWORD);
};
const check = async () => {
  const db: Db = pg
    ? pg.db
    : await createDatabase({ database: { kind: 'sqlite', file: join(dataDir, 'reform-ledger.db') } });
  try {
    return await checkDatabase(db, { evidence: localEvidenceStore(dataDir) });
  } finally {
    if (!pg) await db.destroy();
  }
};
const state = async (c: Client) => {
  const items = await json<{ total: number }>(c.get('/api/items?pageSize=1'));
  const dashboard = await json<{ plan: { version: number } }>(c.get('/api/dashboard'));
  return { version: dashboard.plan.version, items: items.total };
};

const tally: Record<string, { whole: number; none: number }> = {};
const count = (action: string, done: boolean) => {
  tally[action] ??= { whole: 0, none: 0 };
  tally[action][done ? 'whole' : 'none']++;
};

// Ctrl-C: the round ends, and the finally below kills the server and drops the database.
let stopping = false;
process.once('SIGINT', () => {
  stopping = true;
});
process.once('SIGTERM', () => {
  stopping = true;
});

try {
  if (engine === 'postgres') pg = await openTestDatabase('postgres', { migrate: false });
  let c = await start();
  const plans = [plan(21), plan(22)];
  // The plan that is not the current version: importing the current one again changes nothing.
  let next = 0;
  for (let round = 1; round <= rounds && !stopping; round++) {
    const action = (['import', 'submit', 'publish'] as const)[round % 3]!;
    const before = await state(c);
    let probe: () => Promise<boolean>;
    let send: () => Promise<Response>;
    if (action === 'import') {
      const preview = await json<{ id: string }>(c.upload('/api/imports', 'plan.txt', plans[next]!));
      send = () => c.send('POST', `/api/imports/${preview.id}/confirm`, {});
      probe = async () => {
        const after = await state(c);
        if (after.version === before.version && after.items === before.items) return false;
        if (after.version === before.version + 1 && after.items === 300) {
          next = 1 - next;
          return true;
        }
        throw new Error(`half an import: ${JSON.stringify({ before, after })}`);
      };
    } else if (action === 'submit') {
      const item = (await json<{ items: { number: number }[] }>(c.get('/api/items?pageSize=50'))).items[
        round % 50
      ]!;
      const detail = await json<{
        itemKey: string;
        milestones: unknown[];
        targets: unknown[];
        achievements: unknown[];
      }>(c.get(`/api/items/${item.number}`));
      const period = `20${10 + Math.floor(round / 12)}-${String((round % 12) + 1).padStart(2, '0')}`;
      const draft = await json<{ id: string; revision: number }>(
        c.send('PUT', `/api/reports/by-item/${detail.itemKey}/${period}`, {
          milestones: detail.milestones.map(() => null),
          targets: detail.targets.map(() => null),
          achievements: detail.achievements.map(() => null),
          narrative: `第 ${round} 轮`,
          revision: null,
        }),
        201,
      );
      await json(c.upload(`/api/reports/${draft.id}/evidence`, 'e.pdf', pdf(`round ${round}`)), 201);
      const rev = (await json<{ revision: number }>(c.get(`/api/reports/${draft.id}`))).revision;
      send = () => c.send('POST', `/api/reports/${draft.id}/submit`, { revision: rev });
      probe = async () => {
        const r = await json<{ status: string; events: { action: string }[] }>(
          c.get(`/api/reports/${draft.id}`),
        );
        const submitted = r.events.at(-1)!.action === 'submit';
        if ((r.status === 'submitted') !== submitted)
          throw new Error(`half a submission: ${JSON.stringify(r)}`);
        return submitted;
      };
    } else {
      const period = `20${10 + Math.floor(round / 12)}-${String((round % 12) + 1).padStart(2, '0')}`;
      const b = await json<{ id: string }>(c.send('POST', '/api/bulletins', { period }));
      send = () => c.send('POST', `/api/bulletins/${b.id}/publish`);
      probe = async () => {
        const r = await json<{ status: string; seq: number | null; hasDocx?: boolean }>(
          c.get(`/api/bulletins/${b.id}`),
        );
        if ((r.status === 'published') !== (r.seq !== null))
          throw new Error(`half a publication: ${JSON.stringify(r)}`);
        return r.status === 'published';
      };
    }
    const delay = Math.floor(Math.random() * MAX_DELAY_MS[action] * delayScale);
    const pending = send().then(
      (r) => r.status,
      () => 0,
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
    await server!.kill();
    const answered = await pending;
    const verdict = await check();
    if (!verdict.ok) throw new Error(`round ${round}: ${JSON.stringify(verdict.problems)}`);
    c = await start();
    const done = await probe();
    if (answered === 200 && !done) throw new Error(`round ${round}: answered 200 but not kept`);
    count(action, done);
    console.log(
      `${engine} round ${round}: ${action} killed after ${delay} ms → ${done ? 'whole' : 'not at all'} (answered: ${answered || 'no'})`,
    );
  }
  const kills = Object.values(tally).reduce((a, t) => a + t.whole + t.none, 0);
  console.log(`${engine}: ${kills} kills, database sound after every one:`, JSON.stringify(tally));
} finally {
  await server?.kill();
  await pg?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
