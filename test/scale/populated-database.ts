import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { seedProvince, type SeedOutcome } from '../../bench/scale/seed-province.js';
import { LedgerCache, loadLedger } from '../../src/services/ledger.service.js';
import { runReminderPass } from '../../src/services/reminders/run-reminders.service.js';
import { generateBulletin } from '../../src/services/generate-bulletin.service.js';
import {
  DEFAULT_REMINDER_SETTINGS,
  putReminderSettings,
} from '../../src/services/reminders/reminder-settings.service.js';
import { keepSnapshots } from '../../src/services/snapshots.service.js';
import type { Period } from '../../src/domain/reporting/period.js';
import type { Db } from '../../src/store/database.js';
import { insertPreview } from '../../src/store/import-previews.repository.js';
import { loadPlan } from '../../src/store/items.repository.js';
import { saveContribution } from '../../src/store/report-contributions.repository.js';
import { ALL_TABLES } from '../../src/store/schema.js';

/**
 * A small province written by the app's own code into a migrated database: the generated orgs,
 * plans (imported), users, sessions and reports with their workflow (bench/scale/), then a
 * reminder pass (outbox, attempts, in-app notifications), reminder settings, kept status
 * snapshots, a bulletin draft, a co-unit's contribution and an import preview. What the migration test copies into older schemas.
 */

export const TIME_ZONE = 'Asia/Shanghai';
export const AS_OF = '2024-12-20';

export async function populate(
  db: Db,
  size: { orgs: number; items: number; periods: number },
): Promise<SeedOutcome> {
  const seeded = await seedProvince(db, {
    orgs: size.orgs,
    itemsPerPlan: size.items,
    periods: size.periods,
    usersPerOrg: 12,
    sessionsPerOrg: 3,
    asOf: AS_OF,
    seed: 11,
    password: 'scale-Pass-2024',
  });
  const at = `${AS_OF}T02:00:00.000Z`;
  for (const org of seeded.orgs.slice(0, 2)) {
    const ctx = { orgId: org.id, actor: `${org.prefix}-admin`, at };
    await putReminderSettings(db, ctx, DEFAULT_REMINDER_SETTINGS);
    const ledger = await loadLedger(db, new LedgerCache(), org.id, TIME_ZONE);
    const clock = { today: AS_OF, at };
    await keepSnapshots(db, ledger, ['2024-10', '2024-11'] as Period[], clock);
    await generateBulletin(db, ledger, ctx, { period: '2024-11' }, clock, 'zh-CN');
    const report = await sql<{ id: string; unit_id: string }>`
      select id, unit_id from reports where org_id = ${org.id} order by period desc, item_key limit 1`.execute(
      db.kysely,
    );
    const coUnit = await sql<{ id: string }>`
      select id from units where org_id = ${org.id} and id <> ${report.rows[0]!.unit_id} order by name limit 1`.execute(
      db.kysely,
    );
    await saveContribution(db.kysely, ctx, {
      reportId: report.rows[0]!.id,
      unitId: coUnit.rows[0]!.id,
      narrative: '配合单位：已完成数据报送。',
      expected: null,
    });
    const plan = (await loadPlan(db.kysely, org.id, org.versionId))!;
    await insertPreview(db.kysely, ctx, {
      id: randomUUID(),
      orgId: org.id,
      createdBy: ctx.actor,
      createdAt: at,
      expiresAt: `${AS_OF}T06:00:00.000Z`,
      file: { name: 'plan.txt', format: 'txt', sha256: 'f'.repeat(64), bytes: 1000 },
      plan,
    });
  }
  await runReminderPass({ db, now: () => new Date(at), timeZone: TIME_ZONE, worker: 'populate' });
  return seeded;
}

/** Row count of every table (ALL_TABLES) of a populated database. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ALL_TABLES) {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
      db.kysely,
    );
    out[table] = Number(r.rows[0]!.n);
  }
  return out;
}
