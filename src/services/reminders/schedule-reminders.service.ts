import { sql } from 'kysely';
import { deliveriesOf, type ReminderDelivery } from '../../domain/reminders/deliveries.js';
import { dueReminders, type ReminderEvent } from '../../domain/reminders/due-reminders.js';
import { periodOf, previousPeriod } from '../../domain/reporting/period.js';
import type { ReminderSettings } from '../../shared/api/reminders.js';
import type { Db, Executor } from '../../store/database.js';
import { insertOutbox, type NewOutboxRow } from '../../store/reminder-outbox.repository.js';
import { planStartedAt, reportStates } from '../../store/reminder-sources.repository.js';
import { listUsers } from '../../store/users.repository.js';
import { loadLedger, type Ledger, type LedgerCache } from '../ledger.service.js';
import { localDate } from '../local-date.js';
import type { ReminderPayload } from './reminder-message.js';
import { loadReminderSettings } from './reminder-settings.service.js';

/**
 * The scheduler's half of a pass: work out which reminders are due today (the pure domain does)
 * and put one outbox row per delivery, ON CONFLICT DO NOTHING on the dedupe key — so running it
 * twice, or on two servers at once, leaves one row per reminder. On PostgreSQL a per-org advisory
 * lock lets a second server skip the org instead of computing the same rows; it saves work, the
 * unique key is what makes it correct.
 */

export interface ScheduleDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  ledgerCache: LedgerCache;
  /** PostgreSQL: skip an org another server is scheduling right now (default on). */
  advisoryLock?: boolean;
}

/** The rows due for an org now; how many of them were new. */
export async function scheduleReminders(deps: ScheduleDeps, orgId: string): Promise<number> {
  const rows = await dueOutboxRows(deps, orgId);
  if (rows.length === 0) return 0;
  const at = deps.now().toISOString();
  if (deps.db.dialect !== 'postgres' || deps.advisoryLock === false) {
    return insertOutbox(deps.db.kysely, orgId, rows, at);
  }
  return deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await tryOrgLock(trx, orgId))) return 0;
    return insertOutbox(trx, orgId, rows, at);
  });
}

/** Released when the transaction ends; false when another transaction holds it. */
async function tryOrgLock(trx: Executor, orgId: string): Promise<boolean> {
  const r = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext(${`reminders:${orgId}`})) as locked`.execute(trx);
  return r.rows[0]?.locked === true;
}

export async function dueOutboxRows(deps: ScheduleDeps, orgId: string): Promise<NewOutboxRow[]> {
  const exec = deps.db.kysely;
  const settings = await loadReminderSettings(exec, orgId);
  const ledger = await loadLedger(deps.db, deps.ledgerCache, orgId, deps.timeZone);
  if (!ledger.plan) return [];
  const today = localDate(deps.now(), deps.timeZone);
  const { cadence, dueDay } = ledger.reporting;
  const current = periodOf(today, cadence);
  const [states, started, users] = await Promise.all([
    reportStates(exec, orgId, [current, previousPeriod(current)]),
    planStartedAt(exec, orgId, ledger.plan.planId),
    listUsers(exec, orgId),
  ]);
  const events = dueReminders({
    today,
    rules: settings.rules,
    cadence,
    dueDay,
    reportsSince: started ? localDate(started, deps.timeZone) : today,
    items: ledger.items.map((i) => ({
      itemKey: i.itemKey,
      number: i.item.number,
      title: i.item.title,
      milestones: i.item.milestones,
      leadUnitId: i.lead?.id ?? null,
      coUnitIds: i.units.filter((u) => u.role === 'co').map((u) => u.id),
      approved: i.reports,
    })),
    reports: states,
  });
  const active = users.filter((u) => !u.disabled);
  const reportersByUnit = new Map<string, string[]>();
  for (const u of active) {
    if (u.role !== 'reporter' || u.unitId === null) continue;
    reportersByUnit.set(u.unitId, [...(reportersByUnit.get(u.unitId) ?? []), u.id]);
  }
  const deliveries = deliveriesOf(
    events,
    { reportersByUnit, admins: active.filter((u) => u.role === 'admin').map((u) => u.id) },
    targetsOf(settings),
  );
  return deliveries.map((d) => ({
    dedupeKey: d.dedupeKey,
    kind: d.event.kind,
    channel: d.channel,
    recipient: d.recipient,
    payload: payloadOf(d, ledger),
  }));
}

function targetsOf(settings: ReminderSettings) {
  const { inApp, webhook, email } = settings.channels;
  return {
    inApp: inApp.enabled,
    webhook: webhook.enabled && webhook.url !== '',
    email: {
      enabled: email.enabled && email.host !== '',
      unitAddresses: new Map(email.unitAddresses.map((u) => [u.unitId, u.addresses])),
      officeAddresses: email.officeAddresses,
    },
  };
}

function payloadOf(d: ReminderDelivery, ledger: Ledger): ReminderPayload {
  const e = d.event;
  const item = ledger.items.find((i) => i.itemKey === e.itemKey);
  return {
    kind: e.kind,
    params: {
      org: '',
      item: e.itemTitle,
      number: e.itemNumber,
      days: e.days,
      lead: item?.lead ? (ledger.unitById.get(item.lead.id)?.name ?? item.lead.canonical) : '',
      ...(e.milestone ? { milestone: e.milestone.text, deadline: e.milestone.deadline } : {}),
      ...(e.period ? { period: e.period, dueDate: e.dueOn } : {}),
    },
    link: linkOf(e),
    userId: d.userId,
    addresses: d.addresses,
  };
}

function linkOf(e: ReminderEvent): string | null {
  if (e.period !== null) return `/reports/${encodeURIComponent(e.itemKey)}/${e.period}`;
  return e.itemNumber === null ? null : `/items/${e.itemNumber}`;
}
