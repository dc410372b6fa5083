import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import type { OrgType } from '../../src/domain/org-tree.js';
import { buildApp } from '../../src/server/app.js';
import type { ApiApp } from '../../src/server/context.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { createOrgByName } from '../../src/services/manage-orgs.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import type { DialectName } from '../../src/store/database.js';
import { setReadBelow } from '../../src/store/org-tree.repository.js';
import { findUnit } from '../../src/store/units.repository.js';
import { insertUser, type Role } from '../../src/store/users.repository.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { login, NOW, PASSWORD, sanmen, type Harness, type Session } from './harness.js';

/**
 * A small province for the isolation and roll-up tests (issue 9), on either engine:
 *
 *   浙江省 (province)
 *   ├── 台州市 (city) ── 三门县 (county) ── 海润街道 (town)
 *   │                └─ 天台县 (county)
 *   └── 温州市 (city) ── 永嘉县, 平阳县 (counties)
 *
 * Every org holds the Sanmen 2022 plan (the same reforms everywhere: themes group them). The
 * province, 台州市 and 三门县 each have six users — admin, reporter (of 县农业农村局) and viewer,
 * each without and with the read-below grant (`.g`): usernames `<org>.<role>[.g]`.
 */

export const ORGS = {
  province: { name: '浙江省', type: 'province', parent: null },
  taizhou: { name: '台州市', type: 'city', parent: 'province' },
  wenzhou: { name: '温州市', type: 'city', parent: 'province' },
  sanmen: { name: '三门县', type: 'county', parent: 'taizhou' },
  tiantai: { name: '天台县', type: 'county', parent: 'taizhou' },
  yongjia: { name: '永嘉县', type: 'county', parent: 'wenzhou' },
  pingyang: { name: '平阳县', type: 'county', parent: 'wenzhou' },
  hairun: { name: '海润街道', type: 'town', parent: 'sanmen' },
} as const satisfies Record<string, { name: string; type: OrgType; parent: string | null }>;
export type OrgKey = keyof typeof ORGS;

/** The orgs with users: one per level. */
export const LEVELS = ['province', 'taizhou', 'sanmen'] as const satisfies readonly OrgKey[];
export type Level = (typeof LEVELS)[number];
export const ROLES = ['admin', 'reporter', 'viewer'] as const satisfies readonly Role[];

export const LEAD_UNIT = '县农业农村局';

export function username(level: Level, role: Role, grant: boolean): string {
  return `${level}.${role}${grant ? '.g' : ''}`;
}

export interface OrgWorld {
  app: ApiApp;
  t: TestDatabase;
  orgs: Record<OrgKey, string>;
  clock: { now: Date };
  /** The harness shape, for call()/login() of harness.ts. */
  h: Harness;
  session(name: string): Promise<Session>;
  close(): Promise<void>;
}

export async function openOrgWorld(engine: DialectName, opts: { plans?: boolean } = {}): Promise<OrgWorld> {
  const t = await openTestDatabase(engine);
  const at = NOW.toISOString();
  const orgs = {} as Record<OrgKey, string>;
  for (const [key, o] of Object.entries(ORGS) as [OrgKey, (typeof ORGS)[OrgKey]][]) {
    const { org } = await createOrgByName(t.db, {
      name: o.name,
      type: o.type,
      parent: o.parent === null ? undefined : ORGS[o.parent].name,
      actor: 'test',
      at,
    });
    orgs[key] = org.id;
  }
  const { plan, file } = await sanmen();
  if (opts.plans !== false) {
    for (const o of Object.values(ORGS)) {
      await importPlan(t.db, {
        plan,
        org: o.name,
        file,
        now: new Date('2022-03-01T00:00:00Z'),
        actor: 'test',
      });
    }
  }
  const passwordHash = await hashPassword(PASSWORD);
  for (const level of LEVELS) {
    const orgId = orgs[level];
    const unit = opts.plans === false ? null : await findUnit(t.db.kysely, orgId, LEAD_UNIT);
    for (const role of ROLES) {
      if (role === 'reporter' && !unit) continue;
      for (const grant of [false, true]) {
        const ctx = { orgId, actor: 'test', at };
        const user = await insertUser(t.db.kysely, ctx, {
          id: randomUUID(),
          username: username(level, role, grant),
          displayName: username(level, role, grant),
          role,
          unitId: role === 'reporter' ? unit!.id : null,
          passwordHash,
          disabled: false,
        });
        if (grant) await setReadBelow(t.db.kysely, ctx, { ...user, orgId }, true, false);
      }
    }
  }
  const clock = { now: NOW };
  const app = await buildApp({
    db: t.db,
    // Many sign-ins from one address in a few seconds: the login limit is not what is tested here.
    config: loadConfig({ LOGIN_RATE_PER_MINUTE: '1000' }),
    now: () => clock.now,
    validateResponses: true,
  });
  const h = {
    app,
    t,
    orgId: orgs.sanmen,
    clock,
    users: {} as Harness['users'],
    unitId: async (name: string) => (await findUnit(t.db.kysely, orgs.sanmen, name))!.id,
    close: async () => {},
  } satisfies Harness;
  const sessions = new Map<string, Session>();
  return {
    app,
    t,
    orgs,
    clock,
    h,
    async session(name) {
      let s = sessions.get(name);
      if (!s) {
        s = await login(h, name);
        sessions.set(name, s);
      }
      return s;
    },
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}
