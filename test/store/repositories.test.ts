import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrgByName, getOrCreateOrg } from '../../src/store/orgs.repository.js';
import { findUnit, listUnits, upsertUnits } from '../../src/store/units.repository.js';
import {
  createPlan,
  createVersion,
  currentVersion,
  listVersions,
  makeCurrent,
} from '../../src/store/plans.repository.js';
import { loadPlan } from '../../src/store/items.repository.js';
import { listAudit } from '../../src/store/audit.repository.js';
import type { WriteContext } from '../../src/store/write-context.js';
import { ENGINES, countRows, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { PLAN_TITLE } from '../helpers/plan-factory.js';

const AT = '2022-03-01T08:00:00.000Z';

describe.each(ENGINES)('repositories on %s', (engine) => {
  let t: TestDatabase;
  let ctx: WriteContext;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
    const { org } = await getOrCreateOrg(t.db.kysely, '三门县', { actor: 'test', at: AT });
    ctx = { orgId: org.id, actor: 'test', at: AT };
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('getOrCreateOrg creates once, then finds', async () => {
    const again = await getOrCreateOrg(t.db.kysely, '三门县', { actor: 'test', at: AT });
    expect(again).toMatchObject({ created: false, org: { id: ctx.orgId, name: '三门县', type: 'county' } });
    const city = await getOrCreateOrg(t.db.kysely, '台州市', { actor: 'test', at: AT, type: 'city' });
    expect(city.created).toBe(true);
    const county = await getOrCreateOrg(t.db.kysely, '天台县', {
      actor: 'test',
      at: AT,
      parentId: city.org.id,
    });
    expect(await findOrgByName(t.db.kysely, '天台县')).toEqual(county.org);
    expect(county.org.parentId).toBe(city.org.id);
    expect(await listAudit(t.db.kysely, ctx.orgId, { entity: 'org' })).toHaveLength(1);
  });

  it('upsertUnits resolves canonical names and aliases, first mapping wins', async () => {
    const first = await upsertUnits(t.db.kysely, ctx, [
      { canonical: '县自然资源和规划局', aliases: ['县自然资源规划局', '县自然资源和规划局'] },
      { canonical: '台州银保监分局三门监管组', aliases: [] },
    ]);
    const nrId = first.get('县自然资源和规划局')!;
    expect(await listUnits(t.db.kysely, ctx.orgId)).toEqual([
      { id: nrId, name: '县自然资源和规划局', type: null, aliases: ['县自然资源规划局'] },
      {
        id: first.get('台州银保监分局三门监管组'),
        name: '台州银保监分局三门监管组',
        type: null,
        aliases: [],
      },
    ]);

    // A later document calls it by its alias, and claims an existing unit's name as an alias.
    const second = await upsertUnits(t.db.kysely, ctx, [
      { canonical: '县自然资源规划局', aliases: ['县资规局', '台州银保监分局三门监管组'] },
    ]);
    expect(second.get('县自然资源规划局')).toBe(nrId);
    expect((await findUnit(t.db.kysely, ctx.orgId, '县资规局'))?.id).toBe(nrId);
    expect((await findUnit(t.db.kysely, ctx.orgId, '台州银保监分局三门监管组'))?.id).not.toBe(nrId);
    expect(await findUnit(t.db.kysely, ctx.orgId, '县财政局')).toBeNull();

    // Units belong to an org: another org with the same names gets its own.
    const other = await getOrCreateOrg(t.db.kysely, '天台县', { actor: 'test', at: AT });
    const theirs = await upsertUnits(t.db.kysely, { ...ctx, orgId: other.org.id }, [
      { canonical: '县自然资源和规划局', aliases: ['县自然资源规划局'] },
    ]);
    expect(theirs.get('县自然资源和规划局')).not.toBe(nrId);
    expect(await listUnits(t.db.kysely, other.org.id)).toHaveLength(1);
  });

  it('upsertUnits writes nothing when every name is known', async () => {
    await upsertUnits(t.db.kysely, ctx, [{ canonical: '县农业农村局', aliases: ['县农业局'] }]);
    const before = await countRows(t.db);
    await upsertUnits(t.db.kysely, ctx, [{ canonical: '县农业局', aliases: ['县农业农村局'] }]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('versions are numbered per plan; one is current', async () => {
    const plan = await createPlan(t.db.kysely, ctx, PLAN_TITLE);
    const file = { name: 'a.txt', format: 'text', sha256: 'a'.repeat(64) };
    const newVersion = () =>
      createVersion(t.db.kysely, ctx, {
        planId: plan.id,
        title: PLAN_TITLE,
        year: 2022,
        file,
        importedBy: null,
      });
    const v1 = await newVersion();
    expect(await currentVersion(t.db.kysely, ctx.orgId, plan.id)).toBeNull();
    await makeCurrent(t.db.kysely, ctx, plan.id, v1.id);
    const v2 = await newVersion();
    await makeCurrent(t.db.kysely, ctx, plan.id, v2.id);
    await makeCurrent(t.db.kysely, ctx, plan.id, v2.id); // already current: no write
    expect(
      (await listVersions(t.db.kysely, ctx.orgId, plan.id)).map((v) => [v.version, v.isCurrent]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await listAudit(t.db.kysely, ctx.orgId, { entity: 'plan', entityId: plan.id })).toHaveLength(3);
    // A version with no items still loads as a plan; an unknown id loads as nothing.
    expect(await loadPlan(t.db.kysely, ctx.orgId, v1.id)).toEqual({
      title: PLAN_TITLE,
      year: 2022,
      items: [],
      findings: [],
    });
    expect(await loadPlan(t.db.kysely, ctx.orgId, 'no-such-version')).toBeNull();
  });

  it('the database refuses a second current version of a plan', async () => {
    const plan = await createPlan(t.db.kysely, ctx, PLAN_TITLE);
    const file = { name: 'a.txt', format: 'text', sha256: 'b'.repeat(64) };
    const v1 = await createVersion(t.db.kysely, ctx, {
      planId: plan.id,
      title: PLAN_TITLE,
      year: null,
      file,
      importedBy: null,
    });
    const v2 = await createVersion(t.db.kysely, ctx, {
      planId: plan.id,
      title: PLAN_TITLE,
      year: null,
      file,
      importedBy: null,
    });
    await makeCurrent(t.db.kysely, ctx, plan.id, v1.id);
    await expect(
      t.db.kysely.updateTable('plan_versions').set({ is_current: 1 }).where('id', '=', v2.id).execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});
