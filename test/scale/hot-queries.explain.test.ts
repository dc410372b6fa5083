import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProvince, type SeededOrg } from '../../bench/scale/seed-province.js';
import { buildDashboard } from '../../src/services/dashboard.service.js';
import { itemDetail } from '../../src/services/item-detail.service.js';
import { itemReports } from '../../src/services/item-reports.service.js';
import { LedgerCache, loadLedger, type Ledger } from '../../src/services/ledger.service.js';
import { listItems } from '../../src/services/list-items.service.js';
import { listReportsPage } from '../../src/services/list-reports.service.js';
import { browseAudit, listAuditEntities } from '../../src/services/browse-audit.service.js';
import { getReport } from '../../src/services/get-report.service.js';
import type { RollupContext } from '../../src/services/org-subtree.service.js';
import type { ReportCaller } from '../../src/services/report-support.js';
import { myNotifications } from '../../src/services/notifications.service.js';
import { runReminderPass } from '../../src/services/reminders/run-reminders.service.js';
import { reportTodo } from '../../src/services/report-todo.service.js';
import { searchPage } from '../../src/services/rollup-search.service.js';
import { buildRollup } from '../../src/services/rollup.service.js';
import type { Db } from '../../src/store/database.js';
import { listReportHeads } from '../../src/store/reports.repository.js';
import { TENANT_TABLES } from '../../src/store/schema.js';
import { getSessionWithUser, touchSession } from '../../src/store/sessions.repository.js';
import { findUsersByUsername, listUsers } from '../../src/store/users.repository.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import {
  explain,
  explainable,
  indexCatalog,
  recordingDb,
  tableSizes,
  type RecordingDb,
  type Scan,
} from './query-plans.js';

/**
 * The hot queries of the app, as its services send them, planned by PostgreSQL over a database
 * holding a generated province (40 orgs, each with its plan, users, sessions and a year of monthly
 * reports; ANALYZEd): no Seq Scan on a large tenant table, and every index read is one that
 * starts with org_id and is bounded by it (`Index Cond` names org_id). The one statement that
 * must read across tenants, signing in by username, is named as such (docs/scaling.md).
 */

const AS_OF = '2024-12-20';
const TIME_ZONE = 'Asia/Shanghai';
/** A tenant table this big is "large": a Seq Scan on it reads every org's rows. */
const LARGE_ROWS = 1000;

interface HotPath {
  name: string;
  run(db: Db, f: Fixture): Promise<unknown>;
  /** Tables this path reads across every org on purpose. */
  crossOrg?: readonly string[];
}

interface Fixture {
  county: SeededOrg;
  province: SeededOrg;
  ledger: Ledger;
  admin: ReportCaller;
  reporter: ReportCaller;
}

const HOT_PATHS: HotPath[] = [
  {
    name: 'session look-up (every request)',
    run: async (db, f) => {
      const id = createHash('sha256').update(`${f.county.prefix}-session-0`).digest('hex');
      const found = await getSessionWithUser(db.kysely, f.county.id, id);
      expect(found, 'the generated session exists').not.toBeNull();
      await touchSession(db.kysely, f.county.id, id, {
        lastSeenAt: `${AS_OF}T03:00:00Z`,
        expiresAt: '2099-01-01',
      });
    },
  },
  {
    name: 'ledger load and dashboard',
    run: async (db, f) =>
      buildDashboard(await loadLedger(db, new LedgerCache(), f.county.id, TIME_ZONE), AS_OF),
  },
  {
    name: 'items list with search',
    run: (db, f) => listItems(db, f.ledger, { q: '改革' }, AS_OF),
  },
  {
    name: 'item detail and its reports',
    run: async (db, f) => {
      const entry = f.ledger.items.find((i) => i.item.number !== null && i.lead !== null)!;
      await itemDetail(db, f.ledger, entry.item.number!, AS_OF);
      const reports = await itemReports(db, f.ledger, f.admin, entry.itemKey);
      const head = (await listReportHeads(db.kysely, f.county.id, { itemKey: entry.itemKey }))[0]!;
      await getReport(db, f.ledger, f.admin, head.id);
      return reports;
    },
  },
  {
    name: 'reports of a period, review queue',
    run: async (db, f) => {
      await listReportsPage(db, f.ledger, f.admin, { period: '2024-11' });
      await listReportsPage(db, f.ledger, f.admin, { status: 'submitted' });
    },
  },
  {
    name: 'report to-do of a reporter',
    run: (db, f) => reportTodo(db, f.ledger, f.reporter, AS_OF),
  },
  {
    name: 'audit browse',
    run: async (db, f) => {
      await browseAudit(db, f.county.id, {}, TIME_ZONE);
      await browseAudit(db, f.county.id, { actor: f.reporter.actor }, TIME_ZONE);
      await browseAudit(db, f.county.id, { entity: 'report', page: 2 }, TIME_ZONE);
      await listAuditEntities(db, f.county.id);
    },
  },
  {
    name: 'users of an org',
    run: (db, f) => listUsers(db.kysely, f.county.id),
  },
  {
    name: 'province roll-up and search across orgs',
    run: async (db, f) => {
      const ctx: RollupContext = { db, ledgerCache: new LedgerCache(), timeZone: TIME_ZONE };
      await buildRollup(
        ctx,
        { orgId: f.province.id, below: true },
        { scope: 'descendants', type: 'county', asOf: AS_OF },
      );
      await searchPage(ctx, { orgId: f.province.id, below: true }, { q: '改革', asOf: AS_OF });
    },
  },
  {
    name: 'notifications (the bell, polled by every open page)',
    run: async (db, f) => {
      const me = { orgId: f.county.id, userId: f.admin.userId };
      await myNotifications(db, me, { unreadOnly: false }, 'zh-CN');
      await myNotifications(db, me, { unreadOnly: true }, 'zh-CN');
    },
  },
  {
    name: 'reminder pass over every org (each server, every 5 minutes)',
    run: (db) => runReminderPass({ db, now: () => new Date(`${AS_OF}T02:00:00.000Z`), timeZone: TIME_ZONE }),
  },
  {
    name: 'sign-in look-up by username',
    // The one read across tenants: the sign-in form asks for no org (docs/scaling.md). The
    // planner reads users whole, or the whole of an index whose second column is username.
    crossOrg: ['users'],
    run: (db, f) => findUsersByUsername(db.kysely, `${f.county.prefix}-r1`),
  },
];

describe('hot queries on PostgreSQL with a province of data', () => {
  let t: TestDatabase;
  let rec: RecordingDb;
  let fixture: Fixture;
  let large: Set<string>;
  let catalog: Awaited<ReturnType<typeof indexCatalog>>;

  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    const seeded = await seedProvince(t.db, {
      orgs: 40,
      itemsPerPlan: 40,
      periods: 12,
      usersPerOrg: 40,
      sessionsPerOrg: 30,
      asOf: AS_OF,
      seed: 5,
      password: 'scale-Pass-2024',
    });
    rec = recordingDb(t.url!);
    const county = seeded.orgs.find((o) => o.type === 'county')!;
    const province = seeded.orgs.find((o) => o.type === 'province')!;
    const ledger = await loadLedger(rec.db, new LedgerCache(), county.id, TIME_ZONE);
    const users = await listUsers(rec.db.kysely, county.id);
    const caller = (username: string): ReportCaller => {
      const u = users.find((x) => x.username === username)!;
      return {
        orgId: county.id,
        actor: u.username,
        at: `${AS_OF}T02:00:00.000Z`,
        userId: u.id,
        role: u.role,
        unitId: u.unitId,
        today: AS_OF,
        timeZone: TIME_ZONE,
      };
    };
    fixture = {
      county,
      province,
      ledger,
      admin: caller(`${county.prefix}-admin`),
      reporter: caller(`${county.prefix}-r1`),
    };
    const sizes = await tableSizes(t.db);
    large = new Set(TENANT_TABLES.filter((table) => (sizes.get(table) ?? 0) >= LARGE_ROWS));
    catalog = await indexCatalog(t.db);
    rec.take();
  }, 300_000);
  afterAll(async () => {
    await rec?.db.destroy();
    await t?.cleanup();
  });

  it('holds large tables, so that a plan has something to choose', () => {
    for (const table of [
      'items',
      'milestones',
      'targets',
      'item_units',
      'units',
      'users',
      'sessions',
      'notifications',
      'reports',
      'report_events',
      'report_contributions',
      'audit_log',
    ]) {
      expect(large, `${table} holds at least ${LARGE_ROWS} rows`).toContain(table);
    }
  });

  it.each(HOT_PATHS.map((p) => [p.name, p] as const))('%s', { timeout: 120_000 }, async (_name, path) => {
    await path.run(rec.db, fixture);
    const statements = rec.take().filter(explainable);
    expect(statements.length, 'statements sent').toBeGreaterThan(0);
    const violations: string[] = [];
    const seen = new Set<string>();
    let indexReads = 0;
    for (const q of statements) {
      if (seen.has(q.sql)) continue;
      seen.add(q.sql);
      const scans = await explain(t.db, q);
      if (process.env.SHOW_PLANS)
        process.stdout.write(`${path.name}: ${oneLine(q.sql)}\n${planLines(scans)}`);
      for (const scan of scans) {
        const where = `${scan.node} on ${scan.relation ?? scan.index}: ${oneLine(q.sql)}`;
        if (
          scan.node === 'Seq Scan' &&
          large.has(scan.relation!) &&
          !path.crossOrg?.includes(scan.relation!)
        ) {
          violations.push(`${where}\n    filter: ${scan.filter ?? '—'}`);
        }
        if (scan.index === null) continue;
        const index = catalog.get(scan.index);
        if (!index || !(TENANT_TABLES as readonly string[]).includes(index.table)) continue;
        indexReads++;
        if (index.first !== 'org_id')
          violations.push(`${where}\n    index ${scan.index} starts with ${index.first}`);
        else if (!/\borg_id\b/.test(scan.indexCond ?? '') && !path.crossOrg?.includes(index.table)) {
          violations.push(
            `${where}\n    index ${scan.index} not bounded by org_id: ${scan.indexCond ?? '—'}`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
    if (!path.crossOrg) expect(indexReads, 'index reads of tenant tables').toBeGreaterThan(0);
  });
});

/** SHOW_PLANS=1 prints every plan read, for docs/scaling.md. */
function planLines(scans: Scan[]): string {
  return scans
    .map((s) => `    ${s.node} ${s.relation ?? ''} ${s.index ?? ''} ${s.indexCond ?? ''}\n`)
    .join('');
}

function oneLine(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}
