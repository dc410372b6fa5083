/**
 * The real server on a small province (issue 9): 浙江省 → 台州市 → 三门县 (the seeded Sanmen plan)
 * and 天台县 (part of the same plan, renamed: the same reforms in two counties), with a city
 * viewer who reads below, a county viewer, and a province admin. SQLite in a temp DATA_DIR, set up
 * through the same services the CLI uses.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { getOrCreateOrg } from '../../src/store/orgs.repository.js';
import { listAllOrgs, setOrgParent, setReadBelow } from '../../src/store/org-tree.repository.js';
import { insertUser, type Role } from '../../src/store/users.repository.js';
import { seedFirstStart } from '../../src/services/seed-first-start.service.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { parseDocumentFile } from '../../src/services/parse-document.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import { buildApp } from '../../src/server/app.js';
import { ROOT, WEB_DIST } from './build-web.js';
import { ADMIN } from './test-server.js';

export const PASSWORD = 'e2e-Rollup-2022';
export const CITY_VIEWER = 'tz-viewer';
export const COUNTY_VIEWER = 'sm-viewer';
export const PROVINCE_ADMIN = 'zj-admin';

export interface RollupServer {
  url: string;
  orgs: Record<'province' | 'city' | 'sanmen' | 'tiantai', string>;
  close(): Promise<void>;
}

export async function startRollupServer(opts: { now: () => Date }): Promise<RollupServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rl-e2e-rollup-'));
  const config = loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent' });
  const db = await createDatabase(config);
  await migrateToLatest(db.kysely);
  const seedFile = join(ROOT, 'data-seed', 'sanmen-2022.txt');
  const at = opts.now().toISOString();
  await seedFirstStart(db, { seedFile, adminPassword: ADMIN.password, now: opts.now() });

  const ctx = { actor: 'system', at };
  const { org: province } = await getOrCreateOrg(db.kysely, '浙江省', { ...ctx, type: 'province' });
  const { org: city } = await getOrCreateOrg(db.kysely, '台州市', {
    ...ctx,
    type: 'city',
    parentId: province.id,
  });
  const sanmen = (await listAllOrgs(db.kysely)).find((o) => o.name === '三门县')!;
  await setOrgParent(db.kysely, { orgId: city.id, ...ctx }, sanmen, city.id);

  // 天台县: the first forty items of the same library — the same reforms, fewer of them.
  const { plan, file } = await parseDocumentFile(seedFile);
  const tiantaiPlan = {
    ...plan,
    title: plan.title.replace('三门县', '天台县'),
    items: plan.items.filter((i) => i.number !== null && i.number <= 40),
  };
  const imported = await importPlan(db, {
    plan: tiantaiPlan,
    org: '天台县',
    newOrg: { type: 'county', parentId: city.id },
    file: { ...file, name: 'tiantai-2022.txt', sha256: `${file.sha256.slice(0, 56)}7a7a7a7a` },
    actor: 'system',
    now: opts.now(),
  });

  const passwordHash = await hashPassword(PASSWORD);
  const user = async (orgId: string, username: string, role: Role) =>
    insertUser(
      db.kysely,
      { orgId, ...ctx },
      {
        id: randomUUID(),
        username,
        displayName: username,
        role,
        unitId: null,
        passwordHash,
        disabled: false,
      },
    );
  const cityViewer = await user(city.id, CITY_VIEWER, 'viewer');
  await setReadBelow(db.kysely, { orgId: city.id, ...ctx }, cityViewer, true, false);
  await user(sanmen.id, COUNTY_VIEWER, 'viewer');
  await user(province.id, PROVINCE_ADMIN, 'admin');

  const app = await buildApp({ db, config, webDir: WEB_DIST, now: opts.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    orgs: { province: province.id, city: city.id, sanmen: sanmen.id, tiantai: imported.orgId! },
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
