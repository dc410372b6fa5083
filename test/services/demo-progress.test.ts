import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentBytes } from '../../src/services/parse-document.service.js';
import { DEMO_ORG, demoPlanText } from '../../src/services/demo-plan.js';
import { seedDemoProgress } from '../../src/services/seed-demo-progress.service.js';
import { LedgerCache, loadLedger } from '../../src/services/ledger.service.js';
import { rateItems } from '../../src/services/item-summary.js';
import { insertUser } from '../../src/store/users.repository.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** The demo's synthetic progress, on the demo plan as `npm run demo` builds it for a fixed day. */
describe('demo progress', () => {
  const today = '2026-11-28';
  let t: TestDatabase;
  let orgId: string;
  let outcome: Awaited<ReturnType<typeof seedDemoProgress>>;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    const seed = readFileSync('data-seed/sanmen-2022.txt', 'utf8');
    const text = demoPlanText(seed, 2022, new Date(`${today}T04:00:00Z`));
    const { plan, file } = await parseDocumentBytes(new TextEncoder().encode(text), 'demo.txt');
    const imported = await importPlan(t.db, { plan, org: DEMO_ORG, file, actor: 'system', now: new Date() });
    orgId = imported.orgId!;
    await insertUser(
      t.db.kysely,
      { orgId, actor: 'system', at: `${today}T00:00:00Z` },
      {
        id: crypto.randomUUID(),
        username: 'admin',
        displayName: 'admin',
        role: 'admin',
        unitId: null,
        passwordHash: 'x',
        disabled: false,
      },
    );
    outcome = await seedDemoProgress(t.db, {
      orgId,
      today,
      timeZone: 'Asia/Shanghai',
      password: 'demo-pass-2026',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('writes reports in every workflow state, through the workflow', async () => {
    expect(outcome.reports).toBeGreaterThan(200);
    const states = await t.db.kysely
      .selectFrom('reports')
      .select(['status'])
      .where('org_id', '=', orgId)
      .execute();
    const seen = new Set(states.map((s) => s.status));
    expect([...seen].sort()).toEqual(['approved', 'draft', 'submitted']);
    const returns = await t.db.kysely
      .selectFrom('report_events')
      .select('id')
      .where('org_id', '=', orgId)
      .where('action', '=', 'return')
      .execute();
    expect(returns.length).toBeGreaterThan(5);
  });

  it('labels what it writes as demo data', async () => {
    const rows = await t.db.kysely
      .selectFrom('reports')
      .select('content')
      .where('org_id', '=', orgId)
      .execute();
    for (const r of rows) expect(JSON.parse(r.content).narrative).toMatch(/^【演示数据】/u);
    const users = await t.db.kysely
      .selectFrom('users')
      .select('display_name')
      .where('org_id', '=', orgId)
      .execute();
    expect(users.filter((u) => u.display_name.includes('（演示）')).length).toBe(outcome.usernames.length);
  });

  it('makes the dashboard show every colour', async () => {
    const ledger = await loadLedger(t.db, new LedgerCache(), orgId);
    const statuses = new Set(rateItems(ledger, today).map((r) => r.rating.status));
    expect([...statuses].sort()).toEqual(['done', 'green', 'red', 'yellow']);
  });
});
