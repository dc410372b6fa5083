import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, t } from '../i18n/index.js';
import { addDays } from '../domain/status/dates.js';
import {
  dueDate,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Period,
} from '../domain/reporting/period.js';
import type { Db } from '../store/database.js';
import { getOrgSettings } from '../store/org-settings.repository.js';
import { insertUser, listUsers, type UserRecord } from '../store/users.repository.js';
import { between, demoReport, itemStory, seededRng, type DemoTexts, type Rng } from './demo-progress.js';
import { LedgerCache, loadLedger, type Ledger, type LedgerItem } from './ledger.service.js';
import { hashPassword } from './password-hash.js';
import type { ReportCaller } from './report-support.js';
import { reviewReport } from './review-report.service.js';
import { saveReport } from './save-report.service.js';
import { submitReport } from './submit-report.service.js';

/**
 * The demo's synthetic progress (演示数据): a reporter account per lead unit and a leader (viewer)
 * account, and months of reports written, submitted, sometimes returned and resubmitted, and
 * approved — through the same use cases the web app calls, on a simulated calendar, so the
 * workflow history, the audit log, the scoreboard and the trend all look like a live county's.
 * Only ever run on the demo's own database (see cli/commands/demo.command.ts).
 */

export interface DemoProgressOutcome {
  reports: number;
  /** Accounts created, all with `password`. */
  usernames: string[];
  password: string;
}

const SEED = 20220630;
/** Periods before the current one that get reports. */
const PAST_PERIODS = 5;

export async function seedDemoProgress(
  db: Db,
  opts: { orgId: string; today: string; timeZone: string; password: string },
): Promise<DemoProgressOutcome> {
  const rng = seededRng(SEED);
  const ledger = await loadLedger(db, new LedgerCache(), opts.orgId, opts.timeZone);
  const settings = await getOrgSettings(db.kysely, opts.orgId);
  const users = await listUsers(db.kysely, opts.orgId);
  const admin = users.find((u) => u.role === 'admin');
  if (!admin) return { reports: 0, usernames: [], password: opts.password };

  const { reporters, usernames } = await createAccounts(db, ledger, opts);
  const texts: DemoTexts = {
    atRiskReason: t(DEFAULT_LOCALE, 'demo.at_risk_reason'),
    achievementEvidence: t(DEFAULT_LOCALE, 'demo.achievement_evidence'),
  };
  const current = periodOf(opts.today, settings.cadence);
  let first: Period = current;
  for (let i = 0; i < PAST_PERIODS; i++) first = previousPeriod(first);
  const start = addDays(opts.today, -200);
  const caller = (user: UserRecord, day: string): ReportCaller => ({
    orgId: opts.orgId,
    actor: user.username,
    at: `${day}T02:00:00.000Z`,
    userId: user.id,
    role: user.role,
    unitId: user.unitId,
    today: day,
    timeZone: opts.timeZone,
  });

  let reports = 0;
  for (const entry of ledger.items) {
    const reporter = entry.lead ? reporters.get(entry.lead.id) : undefined;
    if (!reporter) continue;
    const story = itemStory(entry.item, rng, start);
    for (const period of periodsBetween(first, current)) {
      const due = dueDate(period, settings.dueDay);
      const isCurrent = period === current;
      const plan = isCurrent ? currentPeriodPlan(rng) : pastPeriodPlan(rng);
      if (plan === 'none') continue;
      const written = isCurrent
        ? opts.today
        : minDate(addDays(due, plan === 'late' ? between(rng, 1, 5) : -between(rng, 0, 6)), opts.today);
      reports++;
      await writeReport(db, ledger, entry, period, written, story, texts, {
        reporter: (day) => caller(reporter, day),
        admin: (day) => caller(admin, day),
        plan,
        rng,
        today: opts.today,
        narrative: t(DEFAULT_LOCALE, 'demo.narrative', { unit: entry.lead?.canonical ?? '', period }),
        returnComment: t(DEFAULT_LOCALE, 'demo.return_comment'),
      });
    }
  }
  return { reports, usernames, password: opts.password };
}

type Plan = 'none' | 'draft' | 'submitted' | 'onTime' | 'late' | 'returned';

function pastPeriodPlan(rng: Rng): Plan {
  const r = rng();
  if (r < 0.06) return 'none';
  if (r < 0.18) return 'late';
  if (r < 0.32) return 'returned';
  return 'onTime';
}

function currentPeriodPlan(rng: Rng): Plan {
  const r = rng();
  return r < 0.35 ? 'draft' : r < 0.6 ? 'submitted' : 'none';
}

interface WriteOptions {
  reporter: (day: string) => ReportCaller;
  admin: (day: string) => ReportCaller;
  plan: Plan;
  rng: Rng;
  today: string;
  narrative: string;
  returnComment: string;
}

async function writeReport(
  db: Db,
  ledger: Ledger,
  entry: LedgerItem,
  period: Period,
  on: string,
  story: ReturnType<typeof itemStory>,
  texts: DemoTexts,
  o: WriteOptions,
): Promise<void> {
  const content = { ...demoReport(entry.item, story, on, texts), narrative: o.narrative };
  let { report } = await saveReport(db, ledger, o.reporter(on), entry.itemKey, period, {
    ...content,
    revision: null,
  });
  if (o.plan === 'draft') return;
  report = await submitReport(db, ledger, o.reporter(on), report.id, report.revision);
  if (o.plan === 'submitted') return;
  let day = on;
  if (o.plan === 'returned') {
    day = minDate(addDays(day, 1), o.today);
    report = await reviewReport(db, ledger, o.admin(day), report.id, report.revision, {
      action: 'return',
      comment: o.returnComment,
    });
    day = minDate(addDays(day, between(o.rng, 1, 2)), o.today);
    report = (
      await saveReport(db, ledger, o.reporter(day), entry.itemKey, period, {
        ...content,
        revision: report.revision,
      })
    ).report;
    report = await submitReport(db, ledger, o.reporter(day), report.id, report.revision);
  }
  const approveOn = addDays(day, between(o.rng, 1, 3));
  // A report submitted in the last days is still waiting for the office: the review queue has work.
  if (approveOn > o.today) return;
  await reviewReport(db, ledger, o.admin(approveOn), report.id, report.revision, { action: 'approve' });
}

/** One reporter per unit that leads an item, and a leader who reads everything. */
async function createAccounts(
  db: Db,
  ledger: Ledger,
  opts: { orgId: string; today: string; password: string },
): Promise<{ reporters: Map<string, UserRecord>; usernames: string[] }> {
  const passwordHash = await hashPassword(opts.password);
  const ctx = { orgId: opts.orgId, actor: 'demo', at: `${opts.today}T00:00:00.000Z` };
  const leads = [...new Map(ledger.items.flatMap((e) => (e.lead ? [[e.lead.id, e.lead]] : []))).values()];
  const reporters = new Map<string, UserRecord>();
  const usernames: string[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    for (const [i, unit] of leads.entries()) {
      const username = `demo${String(i + 1).padStart(2, '0')}`;
      const user = await insertUser(trx, ctx, {
        id: randomUUID(),
        username,
        displayName: t(DEFAULT_LOCALE, 'demo.reporter_name', { unit: unit.canonical }),
        role: 'reporter',
        unitId: unit.id,
        passwordHash,
        disabled: false,
      });
      reporters.set(unit.id, user);
      usernames.push(username);
    }
    await insertUser(trx, ctx, {
      id: randomUUID(),
      username: 'demo-leader',
      displayName: t(DEFAULT_LOCALE, 'demo.leader_name'),
      role: 'viewer',
      unitId: null,
      passwordHash,
      disabled: false,
    });
    usernames.push('demo-leader');
  });
  return { reporters, usernames };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
