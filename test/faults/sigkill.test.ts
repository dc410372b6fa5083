import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/province-generator.js';
import { checkDatabase } from '../../src/services/check-database.service.js';
import { localEvidenceStore } from '../../src/services/evidence-store.js';
import type { TestPausePoint } from '../../src/services/test-pause-point.js';
import { createDatabase, type Db, type DialectName } from '../../src/store/database.js';
import { pdf } from '../helpers/evidence-files.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { ADMIN_PASSWORD, pauseLine, startChildServer, type ChildServer } from './child-server.js';
import { json, signIn, type Client } from './http-client.js';

/**
 * "Kill the server (SIGKILL) in the middle of an import, a report submission and a bulletin
 * generation": the real server runs as a child process; an env-var test hook
 * (REFORM_LEDGER_TEST_PAUSE_AT, src/services/test-pause-point.ts) stops it inside the action's
 * transaction, after part of the rows are written; the test kills it there with SIGKILL, checks
 * the database as the next start finds it, starts the server again and repeats the action.
 */

const SANMEN_TITLE = '三门县共同富裕“三十”工程改革库';
const PERIOD = '2022-06';
/** A re-import of the seeded plan that is large: 300 items (the seed has 67). */
const BIG_ITEMS = 300;

function bigPlan(): Uint8Array {
  const [plan] = generateProvince({ counties: 1, itemsPerPlan: BIG_ITEMS, seed: 11 });
  const lines = plan!.text.split('\n');
  // Same title as the seeded plan: the import is its version 2, matched item by item.
  lines[1] = SANMEN_TITLE;
  return Buffer.from(lines.join('\n'), 'utf8');
}

interface Run {
  engine: DialectName;
  dataDir: string;
  pg?: TestDatabase;
  server?: ChildServer;
}

describe.each(ENGINES)('SIGKILL in the middle of an action (%s)', (engine) => {
  let run: Run;
  afterEach(async () => {
    await run.server?.kill();
    await run.pg?.cleanup();
    rmSync(run.dataDir, { recursive: true, force: true });
  });

  const start = async (pauseAt?: TestPausePoint): Promise<Client> => {
    run.server = await startChildServer({
      dataDir: run.dataDir,
      ...(run.pg ? { databaseUrl: run.pg.url! } : {}),
      ...(pauseAt ? { pauseAt } : {}),
    });
    return signIn(run.server.url, 'admin', ADMIN_PASSWORD);
  };

  /** Sends the request, waits for the server to stop at `point`, kills it: the request never answers. */
  const killDuring = async (point: TestPausePoint, request: () => Promise<Response>) => {
    const server = run.server!;
    const pending = request().then(
      (r) => `answered ${r.status}`,
      () => 'no answer',
    );
    await server.waitForLine(pauseLine(point));
    await server.kill();
    run.server = undefined;
    expect(await pending).toBe('no answer');
  };

  /** The database as the next start will find it: sound, every invariant holding. */
  const expectConsistent = async () => {
    const db: Db = run.pg
      ? run.pg.db
      : await createDatabase({ database: { kind: 'sqlite', file: join(run.dataDir, 'reform-ledger.db') } });
    try {
      const check = await checkDatabase(db, { evidence: localEvidenceStore(run.dataDir) });
      expect(check.problems).toEqual([]);
      return check.counts;
    } finally {
      if (!run.pg) await db.destroy();
    }
  };

  it(
    'leaves nothing half-written, and each action can simply be repeated',
    { timeout: 180_000 },
    async () => {
      run = { engine, dataDir: mkdtempSync(join(tmpdir(), 'rl-sigkill-')) };
      if (engine === 'postgres') run.pg = await openTestDatabase('postgres', { migrate: false });

      // The first start seeds the plan (an import itself): done before any pause is set.
      await start();
      await run.server!.stop();

      // 1. Import: killed with the new version's 300 items written, before it became current.
      let c = await start('import.items-written');
      const before = await expectItems(c, 67, 1);
      const preview = await json<{ id: string }>(c.upload('/api/imports', 'big-plan.txt', bigPlan()));
      await killDuring('import.items-written', () =>
        c.send('POST', `/api/imports/${preview.id}/confirm`, {}),
      );
      const afterImportKill = await expectConsistent();
      expect(afterImportKill.plan_versions).toBe(1);
      expect(afterImportKill.items).toBe(67);

      c = await start('report.submit-written');
      expect(await expectItems(c, 67, 1)).toEqual(before);
      // Repeating the action: the same preview, confirmed again.
      const confirmed = await json<{ status: string; version: number }>(
        c.send('POST', `/api/imports/${preview.id}/confirm`, {}),
      );
      expect(confirmed).toMatchObject({ status: 'imported', version: 2 });
      await expectItems(c, BIG_ITEMS, 2);

      // 2. Report submission: killed with the new state and its event written, not committed.
      const item = (await json<{ items: { number: number }[] }>(c.get('/api/items?pageSize=200'))).items[3]!;
      const detail = await json<ItemDetail>(c.get(`/api/items/${item.number}`));
      const draft = await json<Report>(
        c.send('PUT', `/api/reports/by-item/${detail.itemKey}/${PERIOD}`, {
          milestones: detail.milestones.map(() => ({ state: 'in_progress', percent: 30 })),
          targets: detail.targets.map(() => null),
          achievements: detail.achievements.map(() => null),
          narrative: '已完成前期摸底。',
          revision: null,
        }),
        201,
      );
      await json(c.upload(`/api/reports/${draft.id}/evidence`, '佐证.pdf', pdf('evidence one')), 201);
      const withEvidence = await json<Report>(c.get(`/api/reports/${draft.id}`));
      await killDuring('report.submit-written', () =>
        c.send('POST', `/api/reports/${draft.id}/submit`, { revision: withEvidence.revision }),
      );
      await expectConsistent();

      c = await start('bulletin.draft-written');
      const unchanged = await json<Report>(c.get(`/api/reports/${draft.id}`));
      expect(unchanged.status).toBe('draft');
      expect(unchanged.revision).toBe(withEvidence.revision);
      expect(unchanged.events.map((e) => e.action)).toEqual(withEvidence.events.map((e) => e.action));
      expect(unchanged.evidence).toHaveLength(1);
      const submitted = await json<Report>(
        c.send('POST', `/api/reports/${draft.id}/submit`, { revision: withEvidence.revision }),
      );
      expect(submitted.status).toBe('submitted');
      expect(submitted.events.at(-1)!.action).toBe('submit');

      // 3. Bulletin generation: killed with the draft row written, not committed.
      await killDuring('bulletin.draft-written', () => c.send('POST', '/api/bulletins', { period: PERIOD }));
      await expectConsistent();

      c = await start('bulletin.publish-written');
      expect((await json<{ bulletins: unknown[] }>(c.get('/api/bulletins'))).bulletins).toEqual([]);
      const bulletin = await json<Bulletin>(c.send('POST', '/api/bulletins', { period: PERIOD }));
      expect(bulletin.status).toBe('draft');

      // … and its publication: killed with the bulletin marked published and its .docx stored.
      await killDuring('bulletin.publish-written', () =>
        c.send('POST', `/api/bulletins/${bulletin.id}/publish`),
      );
      await expectConsistent();

      // 4. Evidence upload: killed with the file written under its temporary name, not yet renamed.
      c = await start('evidence.temp-written');
      expect(await json<Bulletin>(c.get(`/api/bulletins/${bulletin.id}`))).toMatchObject({
        status: 'draft',
        seq: null,
      });
      const published = await json<Bulletin>(c.send('POST', `/api/bulletins/${bulletin.id}/publish`));
      expect(published).toMatchObject({ status: 'published', seq: 1 });
      const docx = await c.get(`/api/bulletins/${bulletin.id}.docx`);
      expect(docx.status).toBe(200);
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      const second = await json<Report>(
        c.send('PUT', `/api/reports/by-item/${detail.itemKey}/2022-07`, {
          milestones: detail.milestones.map(() => null),
          targets: detail.targets.map(() => null),
          achievements: detail.achievements.map(() => null),
          narrative: '七月进展。',
          revision: null,
        }),
        201,
      );
      const file = pdf('evidence two');
      await killDuring('evidence.temp-written', () =>
        c.upload(`/api/reports/${second.id}/evidence`, '二.pdf', file),
      );
      await expectConsistent();
      // The temporary file stays behind, under a name nothing reads.
      expect(evidenceFiles(run.dataDir).temporary).toHaveLength(1);

      c = await start();
      expect((await json<Report>(c.get(`/api/reports/${second.id}`))).evidence).toEqual([]);
      const attached = await json<{ sha256: string }>(
        c.upload(`/api/reports/${second.id}/evidence`, '二.pdf', file),
        201,
      );
      expect(attached.sha256).toBe(createHash('sha256').update(file).digest('hex'));
      const download = await c.get(`/api/reports/${second.id}`);
      expect((await json<Report>(download)).evidence).toHaveLength(1);
      await run.server!.stop();
      run.server = undefined;

      const final = await expectConsistent();
      expect(final).toMatchObject({ plan_versions: 2, items: 67 + BIG_ITEMS, bulletins: 1, evidence: 2 });
      // Every file under a final name is whole: it hashes to its name.
      const { blobs } = evidenceFiles(run.dataDir);
      expect(blobs).toHaveLength(2);
      for (const path of blobs) {
        expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(path.split('/').at(-1));
      }
    },
  );
});

async function expectItems(c: Client, total: number, version: number): Promise<string[]> {
  const page = await json<{ total: number; items: { itemKey: string }[] }>(c.get('/api/items?pageSize=200'));
  expect(page.total).toBe(total);
  const dashboard = await json<{ plan: { version: number } }>(c.get('/api/dashboard'));
  expect(dashboard.plan.version).toBe(version);
  return page.items.map((i) => i.itemKey).sort();
}

function evidenceFiles(dataDir: string): { blobs: string[]; temporary: string[] } {
  const blobs: string[] = [];
  const temporary: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else (name.endsWith('.tmp') ? temporary : blobs).push(path);
    }
  };
  walk(join(dataDir, 'evidence'));
  return { blobs, temporary };
}

interface ItemDetail {
  itemKey: string;
  milestones: unknown[];
  targets: unknown[];
  achievements: unknown[];
}

interface Report {
  id: string;
  status: string;
  revision: number;
  events: { action: string }[];
  evidence: unknown[];
}

interface Bulletin {
  id: string;
  status: string;
  seq: number | null;
}
