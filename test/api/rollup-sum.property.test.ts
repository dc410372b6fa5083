import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Item, Plan } from '../../src/domain/plan.js';
import { addDays } from '../../src/domain/status/dates.js';
import { buildApp } from '../../src/server/app.js';
import type { ApiApp } from '../../src/server/context.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { createOrgByName } from '../../src/services/manage-orgs.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import type { Dashboard, RollupDto, RollupFiguresDto, ScoreboardDto } from '../../src/shared/api/index.js';
import { findUnit } from '../../src/store/units.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { fileFor } from '../helpers/plan-factory.js';
import { content, currentItem, insertReport, type Step } from '../helpers/report-rows.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { call, login, NOW, PASSWORD, type Harness } from './harness.js';

/**
 * Roll-up numbers are the sums of the orgs' own numbers (issue 9), over generated provinces:
 * random trees (cities, counties, towns; some orgs without a plan), random plans, random report
 * histories (approved, submitted, returned, with milestones done on random days) and a random
 * as-of date. For every org below the root, its roll-up row's own figures are exactly its own
 * dashboard's counts and the sums of its own scoreboard (every generated item has a lead unit,
 * so the scoreboard covers every item); each row's subtree figures are the sums of its orgs'
 * own; the totals are the sums over every org below the root. Each run builds its province in
 * the same database under a fresh root, read by that root's admin through the API.
 */

const UNITS = ['县发展改革局', '县财政局', '县农业农村局'] as const;

interface GenItem {
  key: boolean;
  lead: number;
  deadlines: number[];
  reports: { month: number; day: number; steps: ('submit' | 'return' | 'approve')[]; done: boolean[] }[];
}
interface GenOrg {
  plan: GenItem[] | null;
  children: GenOrg[];
}

const itemArb: fc.Arbitrary<GenItem> = fc.record({
  key: fc.boolean(),
  lead: fc.integer({ min: 0, max: UNITS.length - 1 }),
  deadlines: fc.array(fc.integer({ min: 0, max: 364 }), { minLength: 1, maxLength: 3 }),
  reports: fc.array(
    fc.record({
      month: fc.integer({ min: 1, max: 6 }),
      day: fc.integer({ min: 0, max: 40 }),
      steps: fc.constantFrom<('submit' | 'return' | 'approve')[]>(
        ['submit'],
        ['submit', 'approve'],
        ['submit', 'return'],
        ['submit', 'return', 'submit', 'approve'],
      ),
      done: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});
const planArb = fc.option(fc.array(itemArb, { minLength: 1, maxLength: 4 }), { nil: null, freq: 4 });
const townArb: fc.Arbitrary<GenOrg> = fc.record({ plan: planArb, children: fc.constant([]) });
const countyArb: fc.Arbitrary<GenOrg> = fc.record({
  plan: planArb,
  children: fc.array(townArb, { maxLength: 1 }),
});
const cityArb: fc.Arbitrary<GenOrg> = fc.record({
  plan: planArb,
  children: fc.array(countyArb, { maxLength: 2 }),
});
const worldArb = fc.record({
  root: fc.record({ plan: planArb, children: fc.array(cityArb, { minLength: 1, maxLength: 2 }) }),
  asOf: fc.integer({ min: 0, max: 400 }),
});

const TYPES = ['province', 'city', 'county', 'town'] as const;
const day = (n: number) => addDays('2022-01-01', n);

function planOf(name: string, items: GenItem[]): Plan {
  return {
    title: `${name}改革库`,
    year: 2022,
    findings: [],
    items: items.map((g, i): Item => ({
      number: i + 1,
      numberText: String(i + 1),
      numberInferred: false,
      key: g.key,
      title: `改革事项${i + 1}`,
      measures: [],
      goalsText: '',
      milestones: g.deadlines.map((d, k) => ({
        deadline: day(d),
        text: `节点${k + 1}`,
        source: 'goals',
        phrase: day(d),
      })),
      targets: [],
      achievements: [],
      units: [{ name: UNITS[g.lead]!, canonical: UNITS[g.lead]!, role: 'lead' }],
    })),
  };
}

describe('roll-up = sum of the orgs’ own numbers (property, SQLite)', () => {
  let t: TestDatabase;
  let app: ApiApp;
  let h: Harness;
  let passwordHash: string;
  let run = 0;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    passwordHash = await hashPassword(PASSWORD);
    app = await buildApp({
      db: t.db,
      config: loadConfig({ LOGIN_RATE_PER_MINUTE: '1000' }),
      now: () => NOW,
      validateResponses: true,
    });
    h = {
      app,
      t,
      orgId: '',
      clock: { now: NOW },
      users: {} as Harness['users'],
      unitId: async () => '',
      close: async () => {},
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  /** Builds one generated province; returns its root's id and every org's id. */
  async function build(world: { root: GenOrg }): Promise<{ root: string; ids: string[] }> {
    run++;
    const ids: string[] = [];
    const at = NOW.toISOString();
    const make = async (
      g: GenOrg,
      depth: number,
      parent: string | undefined,
      name: string,
    ): Promise<string> => {
      const { org } = await createOrgByName(t.db, { name, type: TYPES[depth]!, parent, actor: 'test', at });
      ids.push(org.id);
      if (g.plan) {
        const plan = planOf(name, g.plan);
        await importPlan(t.db, {
          plan,
          org: name,
          file: fileFor(plan),
          actor: 'test',
          now: new Date('2022-01-01T00:00:00Z'),
        });
        for (const [i, item] of g.plan.entries()) {
          const current = await currentItem(t.db, org.id, i + 1);
          const unit = (await findUnit(t.db.kysely, org.id, UNITS[item.lead]!))!;
          for (const r of item.reports) {
            const period = `2022-0${r.month}`;
            const base = addDays(`2022-0${r.month}-01`, r.day);
            const steps: Step[] = r.steps.map(
              (s, k) => [s, `${addDays(base, k * 3)}T03:00:00.000Z`] as const,
            );
            const doneOn = addDays(base, -1);
            const milestones = Object.fromEntries(
              item.deadlines.flatMap((_, k) => (r.done[k] ? [[k, { state: 'done' as const, doneOn }]] : [])),
            );
            await insertReport(t.db, org.id, {
              item: current,
              period,
              unitId: unit.id,
              content: content(current, { milestones }),
              steps,
            }).catch((e: unknown) => {
              // Two generated reports for the same item and period: keep the first.
              if (!String(e).includes('UNIQUE')) throw e;
            });
          }
        }
      }
      for (const [k, child] of g.children.entries()) await make(child, depth + 1, name, `${name}-${k + 1}`);
      return org.id;
    };
    const root = await make(world.root, 0, undefined, `省${run}`);
    await insertUser(
      t.db.kysely,
      { orgId: root, actor: 'test', at },
      {
        id: randomUUID(),
        username: `p${run}admin`,
        displayName: 'p',
        role: 'admin',
        unitId: null,
        passwordHash,
        disabled: false,
      },
    );
    return { root, ids };
  }

  it('holds for generated provinces, plans, reports and dates', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const { root, ids } = await build(world);
        const asOf = day(world.asOf);
        const s = await login(h, `p${run}admin`);
        const get = async <T>(url: string): Promise<T> => {
          const r = await call(h, s, 'GET', url);
          expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
          return r.json<T>();
        };
        const all = await get<RollupDto>(`/api/rollup?org=${root}&asOf=${asOf}&scope=descendants`);
        const below = ids.filter((id) => id !== root);
        expect(all.rows.map((r) => r.org.id).sort()).toEqual([...below].sort());

        const own = new Map<string, RollupFiguresDto>();
        for (const id of ids) {
          const row = id === root ? all.self : all.rows.find((r) => r.org.id === id)!.own;
          own.set(id, row);
          const dash = await get<Dashboard>(`/api/dashboard?org=${id}&asOf=${asOf}`);
          expect(row.items).toEqual(dash.counts);
          const board = await get<ScoreboardDto>(`/api/scoreboard?org=${id}&asOf=${asOf}`);
          const sum = (f: (r: ScoreboardDto['rows'][number]) => number) =>
            board.rows.reduce((n, r) => n + f(r), 0);
          expect(row.milestones).toEqual({
            due: sum((r) => r.milestones.due),
            dueDone: sum((r) => r.milestones.dueDone),
            dueOrDone: sum((r) => r.milestones.dueOrDone),
            onTime: sum((r) => r.milestones.onTime),
          });
          expect(row.reports).toEqual({
            due: sum((r) => r.reports.due),
            onTime: sum((r) => r.reports.onTime),
            submitted: sum((r) => r.reports.submitted),
            returned: sum((r) => r.reports.returned),
          });
        }
        const add = (list: RollupFiguresDto[]) => ({
          items: ['red', 'yellow', 'green', 'done', 'total'].map((k) =>
            list.reduce((n, f) => n + f.items[k as 'red'], 0),
          ),
          due: list.reduce((n, f) => n + f.milestones.due, 0),
          dueDone: list.reduce((n, f) => n + f.milestones.dueDone, 0),
          reportsDue: list.reduce((n, f) => n + f.reports.due, 0),
          reportsOnTime: list.reduce((n, f) => n + f.reports.onTime, 0),
          orgs: list.reduce((n, f) => n + f.orgs, 0),
          withPlan: list.reduce((n, f) => n + f.withPlan, 0),
        });
        const pick = (f: RollupFiguresDto) => add([f]);
        expect(pick(all.totals)).toEqual(add(below.map((id) => own.get(id)!)));

        // Children: each row's subtree is the sum of the own figures of the orgs in it.
        const children = await get<RollupDto>(`/api/rollup?org=${root}&asOf=${asOf}`);
        for (const row of children.rows) {
          const inside = all.rows.filter(
            (r) => r.org.id === row.org.id || isInside(all, r.org.id, row.org.id),
          );
          expect(pick(row.subtree), row.org.name).toEqual(add(inside.map((r) => r.own)));
        }
        expect(pick(children.totals)).toEqual(pick(all.totals));
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

function isInside(all: RollupDto, id: string, ancestor: string): boolean {
  let at = all.rows.find((r) => r.org.id === id);
  while (at && at.parentId !== null) {
    if (at.parentId === ancestor) return true;
    at = all.rows.find((r) => r.org.id === at!.parentId);
  }
  return false;
}
