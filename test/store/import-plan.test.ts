import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/import-plan.service.js';
import { loadItems, loadPlan } from '../../src/store/items.repository.js';
import { currentVersion, listVersions } from '../../src/store/plans.repository.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { PLAN_TABLES } from '../../src/store/schema.js';
import type { Plan } from '../../src/domain/plan.js';
import { ENGINES, countRows, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { fileFor, financeItem, insuranceItem, makePlan, pensionItem } from '../helpers/plan-factory.js';

const ORG = '三门县';
const NOW = new Date('2022-03-01T08:00:00.000Z');

/** The 2022 plan as revised mid-year: item 1 reworded, item 2 dropped, item 3 renumbered, one new. */
function revisedPlan(): Plan {
  return makePlan({
    items: [
      financeItem({ title: '“农户家庭资产池”融资模式创新（小微金融助富改革）' }),
      pensionItem({ number: 2, numberText: '2', numberInferred: false }),
      {
        ...insuranceItem(),
        number: 3,
        numberText: '3',
        title: '“共富工坊”建设',
        units: [{ name: '县委组织部', canonical: '县委组织部', role: 'lead' }],
      },
    ],
  });
}

describe.each(ENGINES)('importPlan on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('stores a plan that loads back equal to what was imported', async () => {
    const plan = makePlan();
    const r = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan), now: NOW, actor: 'admin' });
    expect(r).toMatchObject({ status: 'imported', version: 1, previousVersion: null, findings: 3 });
    expect(r.diff.added).toHaveLength(3);
    expect(r.diff.matches).toEqual([]);
    expect(await loadPlan(t.db.kysely, r.orgId!, r.versionId!)).toStrictEqual(plan);
    const v = await currentVersion(t.db.kysely, r.orgId!, r.planId!);
    expect(v).toMatchObject({
      id: r.versionId,
      version: 1,
      importedBy: 'admin',
      importedAt: NOW.toISOString(),
    });
    expect(v?.sha256).toBe(fileFor(plan).sha256);
  });

  it('re-imports a revised plan as a new version, keeping item keys of matched items', async () => {
    const v1 = makePlan();
    const r1 = await importPlan(t.db, { plan: v1, org: ORG, file: fileFor(v1) });
    const v2 = revisedPlan();
    const r2 = await importPlan(t.db, { plan: v2, org: ORG, file: fileFor(v2, 'sanmen-2022-rev.txt') });

    expect(r2).toMatchObject({ status: 'imported', planId: r1.planId, version: 2, previousVersion: 1 });
    expect(r2.diff.added.map((i) => i.title)).toEqual(['“共富工坊”建设']);
    expect(r2.diff.removed.map((i) => i.title)).toEqual(['保险制度改革']);
    expect(r2.diff.changed.map((c) => [c.after.title, c.fields])).toEqual([
      ['“农户家庭资产池”融资模式创新（小微金融助富改革）', ['title']],
      ['城乡居民基本养老保险扩面改革', ['number']],
    ]);
    expect(r2.diff.matches).toEqual([
      [0, 0],
      [2, 1],
    ]);

    const old = await loadItems(t.db.kysely, r1.orgId!, r1.versionId!);
    const now = await loadItems(t.db.kysely, r2.orgId!, r2.versionId!);
    expect(now[0]!.itemKey).toBe(old[0]!.itemKey);
    expect(now[1]!.itemKey).toBe(old[2]!.itemKey);
    expect(old.map((s) => s.itemKey)).not.toContain(now[2]!.itemKey);

    const versions = await listVersions(t.db.kysely, r1.orgId!, r1.planId!);
    expect(versions.map((v) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await loadPlan(t.db.kysely, r1.orgId!, r1.versionId!)).toStrictEqual(v1);
    expect(await loadPlan(t.db.kysely, r2.orgId!, r2.versionId!)).toStrictEqual(v2);
  });

  it('re-importing the same bytes is a no-op that says so', async () => {
    const plan = makePlan();
    const r1 = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan) });
    const before = await countRows(t.db);
    const r2 = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan) });
    expect(r2).toMatchObject({
      status: 'unchanged',
      versionId: r1.versionId,
      version: 1,
      previousVersion: 1,
    });
    expect(r2.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 3 });
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a dry run reports the diff and writes nothing', async () => {
    const empty = await countRows(t.db);
    const plan = makePlan();
    const dry1 = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan), dryRun: true });
    expect(dry1).toMatchObject({ status: 'dry_run', orgId: null, planId: null, versionId: null, version: 1 });
    expect(dry1.diff.added).toHaveLength(3);
    expect(await countRows(t.db)).toEqual(empty);

    const r1 = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan) });
    const before = await countRows(t.db);
    const v2 = revisedPlan();
    const dry2 = await importPlan(t.db, { plan: v2, org: ORG, file: fileFor(v2), dryRun: true });
    expect(dry2).toMatchObject({
      status: 'dry_run',
      orgId: r1.orgId,
      planId: r1.planId,
      versionId: null,
      version: 2,
    });
    expect(dry2.diff.added).toHaveLength(1);
    expect(dry2.diff.removed).toHaveLength(1);
    expect(await countRows(t.db)).toEqual(before);
    expect((await currentVersion(t.db.kysely, r1.orgId!, r1.planId!))?.id).toBe(r1.versionId);
  });

  it('a failure late in the write leaves the database exactly as before', async () => {
    // A first import that fails must not even leave the org behind.
    const broken = (p: Plan): Plan => ({
      ...p,
      findings: [...p.findings, { ...p.findings[0]!, severity: 'fatal' as never }],
    });
    const first = makePlan();
    await expect(importPlan(t.db, { plan: broken(first), org: ORG, file: fileFor(first) })).rejects.toThrow(
      /findings_severity_check/,
    );
    expect(Object.values(await countRows(t.db)).every((n) => n === 0)).toBe(true);

    const r1 = await importPlan(t.db, { plan: first, org: ORG, file: fileFor(first) });
    const before = await countRows(t.db);
    const v2 = revisedPlan();
    await expect(importPlan(t.db, { plan: broken(v2), org: ORG, file: fileFor(v2) })).rejects.toThrow(
      /findings_severity_check/,
    );
    expect(await countRows(t.db)).toEqual(before);

    // The last item's last target breaks a CHECK after units and earlier items are in.
    const badTarget = revisedPlan();
    badTarget.items[2]!.targets[0]!.op = '!=' as never;
    await expect(importPlan(t.db, { plan: badTarget, org: ORG, file: fileFor(badTarget) })).rejects.toThrow(
      /targets_op_check/,
    );
    expect(await countRows(t.db)).toEqual(before);
    expect((await currentVersion(t.db.kysely, r1.orgId!, r1.planId!))?.id).toBe(r1.versionId);
  });

  it('sets org_id on every row and keeps two orgs apart', async () => {
    const plan = makePlan();
    const a = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan) });
    const b = await importPlan(t.db, { plan, org: '天台县', file: fileFor(plan) });
    expect(b.status).toBe('imported');
    expect(b.orgId).not.toBe(a.orgId);
    for (const table of PLAN_TABLES) {
      const rows = await t.db.kysely.selectFrom(table).select('org_id').execute();
      expect(rows.length, table).toBeGreaterThan(0);
      const orgs = new Set(rows.map((r) => r.org_id));
      expect([...orgs].sort(), table).toEqual([a.orgId, b.orgId].sort());
      // Both orgs imported the same plan: each table holds the same number of rows for each.
      expect(rows.filter((r) => r.org_id === a.orgId).length * 2, table).toBe(rows.length);
    }
    expect(await loadPlan(t.db.kysely, b.orgId!, a.versionId!)).toBeNull();
  });

  it('writes an audit row for every write, with the actor', async () => {
    const plan = makePlan();
    const r1 = await importPlan(t.db, { plan, org: ORG, file: fileFor(plan), actor: 'zhang', now: NOW });
    const audit = await listAudit(t.db.kysely, r1.orgId!);
    const tally = (rows: typeof audit) =>
      rows.reduce<Record<string, number>>(
        (acc, a) => ({ ...acc, [`${a.action} ${a.entity}`]: (acc[`${a.action} ${a.entity}`] ?? 0) + 1 }),
        {},
      );
    expect(tally(audit)).toEqual({
      'create org': 1,
      'create plan': 1,
      'create plan_version': 1,
      // 台州银保监分局三门监管组, 县农业农村局, 县自然资源和规划局, 县医疗保障局, 县人力社保局
      'create unit': 5,
      'create unit_alias': 2,
      'create item': 3,
      'create findings': 1,
      'update plan': 1,
    });
    expect(audit.every((a) => a.actor === 'zhang' && a.at === NOW.toISOString())).toBe(true);
    expect(audit.find((a) => a.entity === 'plan' && a.action === 'update')).toMatchObject({
      before: { currentVersionId: null },
      after: { currentVersionId: r1.versionId },
    });

    const v2 = revisedPlan();
    const r2 = await importPlan(t.db, { plan: v2, org: ORG, file: fileFor(v2) });
    const second = (await listAudit(t.db.kysely, r1.orgId!)).filter((a) => a.actor === 'system');
    expect(tally(second)).toEqual({
      'create plan_version': 1,
      'create unit': 1, // 县委组织部
      'create item': 3,
      'create findings': 1,
      'update plan': 1,
    });
    expect(second.find((a) => a.entity === 'plan')).toMatchObject({
      before: { currentVersionId: r1.versionId },
      after: { currentVersionId: r2.versionId },
    });
  });
});
