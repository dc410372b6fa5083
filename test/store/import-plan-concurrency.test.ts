import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan, type ImportResult } from '../../src/services/import-plan.service.js';
import { listVersions } from '../../src/store/plans.repository.js';
import { ConflictError } from '../../src/domain/errors.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { fileFor, financeItem, insuranceItem, makePlan, pensionItem } from '../helpers/plan-factory.js';

const ORG = '三门县';

describe.each(ENGINES)('concurrent imports on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('two revisions imported at once become consecutive versions, each diffed against the one before', async () => {
    const v1 = makePlan();
    const r1 = await importPlan(t.db, { plan: v1, org: ORG, file: fileFor(v1) });
    const a = makePlan({ items: [financeItem(), insuranceItem()] });
    const b = makePlan({ items: [financeItem(), pensionItem({ number: 2, numberText: '2' })] });
    const [ra, rb] = await Promise.all([
      importPlan(t.db, { plan: a, org: ORG, file: fileFor(a, 'a.txt') }),
      importPlan(t.db, { plan: b, org: ORG, file: fileFor(b, 'b.txt') }),
    ]);
    const [first, second] = [ra, rb].sort((x, y) => x.version - y.version) as [ImportResult, ImportResult];
    expect([first.version, first.previousVersion, second.version, second.previousVersion]).toEqual([
      2, 1, 3, 2,
    ]);
    const versions = await listVersions(t.db.kysely, r1.orgId!, r1.planId!);
    expect(versions.map((v) => [v.version, v.isCurrent])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
  });

  it('two first imports at once: one wins, the other is a conflict or waits its turn', async () => {
    const plan = makePlan();
    const results = await Promise.allSettled([
      importPlan(t.db, { plan, org: ORG, file: fileFor(plan, 'a.txt') }),
      importPlan(t.db, { plan, org: ORG, file: fileFor(plan, 'b.txt') }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    }
    expect(ok.length).toBeGreaterThan(0);
    const versions = await listVersions(t.db.kysely, ok[0]!.orgId!, ok[0]!.planId!);
    expect(versions.filter((v) => v.isCurrent)).toHaveLength(1);
  });
});
