import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES } from '../helpers/test-database.js';
import { content, currentItem, type CurrentItem } from '../helpers/report-rows.js';
import { findUnit } from '../../src/store/units.repository.js';
import { call } from './harness.js';
import {
  LEAD_UNIT,
  LEVELS,
  ROLES,
  username,
  openOrgWorld,
  type Level,
  type OrgKey,
  type OrgWorld,
} from './org-world.js';
import type { Role } from '../../src/store/users.repository.js';

/**
 * The isolation matrix of issue 9, through the API, on both engines: every role (admin, reporter,
 * viewer — each without and with the read-below grant) at every level (province, city, county)
 * reads and writes its own org, its parent, a sibling, a child, a grandchild and a nephew (a
 * child of a sibling). Every cell is asserted:
 *
 * - read (GET /api/dashboard, GET /api/org, GET /api/items with ?org=): 200 with the target's
 *   own data for the own org, and for an org below when the user reads below (the grant, or
 *   admin); otherwise 404 — the same answer as an org that does not exist.
 * - write (PATCH /api/org, PUT a report, with ?org=): in the own org as the role allows (admin
 *   both, reporter the report of an item its unit leads, viewer nothing); in any other org 403,
 *   and nothing is written there.
 */

type Relation = 'own' | 'parent' | 'sibling' | 'child' | 'grandchild' | 'nephew';
const RELATIONS: Record<Level, Partial<Record<Relation, OrgKey>>> = {
  province: { own: 'province', child: 'taizhou', grandchild: 'sanmen' },
  taizhou: {
    own: 'taizhou',
    parent: 'province',
    sibling: 'wenzhou',
    child: 'sanmen',
    grandchild: 'hairun',
    nephew: 'yongjia',
  },
  sanmen: { own: 'sanmen', parent: 'taizhou', sibling: 'tiantai', child: 'hairun', nephew: 'yongjia' },
};

interface Subject {
  level: Level;
  role: Role;
  grant: boolean;
  name: string;
  /** Distinct per subject of a level: the period its own report write creates. */
  period: string;
}

const SUBJECTS: Subject[] = LEVELS.flatMap((level) =>
  ROLES.flatMap((role, r) =>
    [false, true].map((grant, g) => ({
      level,
      role,
      grant,
      name: username(level, role, grant),
      period: `2022-0${r * 2 + g + 1}`,
    })),
  ),
);

function expectedRead(s: Subject, relation: Relation): 200 | 404 {
  if (relation === 'own') return 200;
  const below = relation === 'child' || relation === 'grandchild';
  return below && (s.role === 'admin' || s.grant) ? 200 : 404;
}

describe.each(ENGINES)('isolation matrix on %s', (engine) => {
  let w: OrgWorld;
  /** An item its lead unit (县农业农村局) leads, per org: the report write's target. */
  const ledItem = new Map<string, CurrentItem>();

  beforeAll(async () => {
    w = await openOrgWorld(engine);
    for (const id of Object.values(w.orgs)) {
      const unit = (await findUnit(w.t.db.kysely, id, LEAD_UNIT))!;
      const row = await w.t.db.kysely
        .selectFrom('items as i')
        .innerJoin('item_units as u', (j) =>
          j.onRef('u.org_id', '=', 'i.org_id').onRef('u.item_id', '=', 'i.id'),
        )
        .innerJoin('plan_versions as v', (j) =>
          j.onRef('v.org_id', '=', 'i.org_id').onRef('v.id', '=', 'i.version_id'),
        )
        .select('i.number')
        .where('i.org_id', '=', id)
        .where('v.is_current', '=', 1)
        .where('u.unit_id', '=', unit.id)
        .where('u.role', '=', 'lead')
        .orderBy('i.position')
        .executeTakeFirstOrThrow();
      ledItem.set(id, await currentItem(w.t.db, id, row.number!));
    }
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it.each(SUBJECTS)('$name reads and writes as the matrix says', async (s) => {
    const session = await w.session(s.name);
    for (const [relation, key] of Object.entries(RELATIONS[s.level]) as [Relation, OrgKey][]) {
      const target = w.orgs[key];
      const cell = `${s.name} → ${relation} (${key})`;

      // Reads: the same answer on every read route, and the target's own data when allowed.
      const want = expectedRead(s, relation);
      const dashboard = await call(w.h, session, 'GET', `/api/dashboard?org=${target}&asOf=2022-06-30`);
      expect.soft(dashboard.statusCode, `${cell}: dashboard`).toBe(want);
      const org = await call(w.h, session, 'GET', `/api/org?org=${target}`);
      expect.soft(org.statusCode, `${cell}: org`).toBe(want);
      if (want === 200) expect.soft(org.json<{ id: string }>().id, `${cell}: whose org`).toBe(target);
      else expect.soft(org.json<{ error: { code: string } }>().error.code, cell).toBe('not_found');
      const items = await call(w.h, session, 'GET', `/api/items?org=${target}&pageSize=1`);
      expect.soft(items.statusCode, `${cell}: items`).toBe(want);

      // Writes: the office's settings and a progress report.
      const patch = await call(w.h, session, 'PATCH', `/api/org?org=${target}`, {
        body: { warningDays: 29 },
      });
      const wantPatch = relation === 'own' && s.role === 'admin' ? 200 : 403;
      expect.soft(patch.statusCode, `${cell}: PATCH /api/org ${patch.body}`).toBe(wantPatch);
      const item = ledItem.get(target)!;
      const put = await call(
        w.h,
        session,
        'PUT',
        `/api/reports/by-item/${item.itemKey}/${s.period}?org=${target}`,
        { body: { ...content(item, { narrative: cell }), revision: null } },
      );
      const wantPut = relation === 'own' && s.role !== 'viewer' ? 201 : 403;
      expect.soft(put.statusCode, `${cell}: PUT report ${put.body}`).toBe(wantPut);
    }
  });

  it('wrote only into the writers’ own orgs', async () => {
    const rows = await sql<{ org_id: string; n: number | string }>`
      select org_id, count(*) as n from reports group by org_id`.execute(w.t.db.kysely);
    const reports = Object.fromEntries(rows.rows.map((r) => [r.org_id, Number(r.n)]));
    // Per level: admin and reporter, each without and with the grant, wrote one report each.
    const expected: Record<string, number> = {};
    for (const level of LEVELS) expected[w.orgs[level]] = 4;
    expect(reports).toEqual(expected);
    const settings = await w.t.db.kysely
      .selectFrom('org_settings')
      .select(['org_id', 'warning_days'])
      .execute();
    for (const s of settings) {
      const own = (LEVELS as readonly string[]).some((l) => w.orgs[l as Level] === s.org_id);
      expect(Number(s.warning_days), s.org_id).toBe(own ? 29 : 30);
    }
  });

  it('answers an unknown org like one the caller may not read, and keeps own-org-only routes to the own org', async () => {
    const session = await w.session(username('province', 'admin', false));
    const unknown = await call(
      w.h,
      session,
      'GET',
      `/api/dashboard?org=00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.statusCode).toBe(404);
    const hidden = await call(
      w.h,
      await w.session(username('sanmen', 'viewer', true)),
      'GET',
      `/api/dashboard?org=${w.orgs.tiantai}`,
    );
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
    // Users, audit, to-do: the office's own pages take no ?org= (400), even for an org below.
    const users = await call(w.h, session, 'GET', `/api/users?org=${w.orgs.sanmen}`);
    expect(users.statusCode).toBe(400);
  });
});
