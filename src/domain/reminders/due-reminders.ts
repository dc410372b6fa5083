import { progressAsOf, type DatedReport } from '../reporting/latest-progress.js';
import { dueDate, periodOf, previousPeriod, type Cadence, type Period } from '../reporting/period.js';
import { daysBetween } from '../status/dates.js';
import { leadDaysDue, repeatIndex, type ReminderRules } from './rules.js';

/**
 * Which reminders are due on a day (催办): pure, no clock — `today` comes in. Each event has a key
 * made only of what it is about (item, milestone position and deadline, period) and which rule
 * made it (d-7, the n-th overdue repeat under "every 7 days"), never of the day it was computed:
 * run on any day of its window, by any number of schedulers, the same reminder gets the same key,
 * and the outbox's unique key keeps it once.
 */

export type ReminderKind =
  | 'milestone_due'
  | 'milestone_overdue'
  | 'milestone_escalation'
  | 'report_due'
  | 'report_overdue'
  | 'report_escalation';

export interface ReminderItem {
  /** Stable across plan versions. */
  itemKey: string;
  number: number | null;
  title: string;
  milestones: readonly { deadline: string; text: string }[];
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  /** The accepted record (approved reports, each known from its day): what is done. */
  approved: readonly DatedReport[];
}

/** A report's place in the workflow, for the periods being chased. */
export interface ReminderReport {
  itemKey: string;
  period: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
}

export interface ReminderInput {
  today: string;
  rules: ReminderRules;
  cadence: Cadence;
  dueDay: number;
  /** Reports are owed for periods due on or after this day (the day the plan was imported). */
  reportsSince: string;
  items: readonly ReminderItem[];
  reports: readonly ReminderReport[];
}

export interface ReminderEvent {
  /** What the reminder is about and which rule made it; the delivery keys extend it. */
  key: string;
  kind: ReminderKind;
  itemKey: string;
  itemNumber: number | null;
  itemTitle: string;
  milestone: { position: number; deadline: string; text: string } | null;
  period: string | null;
  /** The milestone deadline or the report's due date. */
  dueOn: string;
  /** Days to the due day (before) or past it (overdue, escalation). */
  days: number;
  /** The units told (lead first). */
  unitIds: string[];
  /** The office (admins) is told. */
  office: boolean;
}

export function dueReminders(input: ReminderInput): ReminderEvent[] {
  const statusOf = new Map<string, ReminderReport['status']>();
  for (const r of input.reports) statusOf.set(`${r.itemKey}|${r.period}`, r.status);
  const out: ReminderEvent[] = [];
  for (const item of input.items) {
    const done = doneMilestones(item, input.today);
    out.push(...milestoneEvents(item, done, input));
    const finished = item.milestones.length > 0 && done.every(Boolean);
    if (!finished) out.push(...reportEvents(item, statusOf, input));
  }
  return out;
}

/** Done as the latest approved reports say, as of today (a done milestone is never reminded). */
function doneMilestones(item: ReminderItem, today: string): boolean[] {
  // Milestones only: targets and achievements do not decide what is reminded.
  const approved = item.approved.map((r) => ({
    submittedOn: r.submittedOn,
    report: { milestones: r.report.milestones, targets: [], achievements: [] },
  }));
  const progress = progressAsOf(
    approved,
    { milestones: item.milestones, targets: [], achievements: [] },
    today,
  );
  return item.milestones.map((_, i) => (progress.milestones?.[i]?.completedOn ?? null) !== null);
}

function milestoneEvents(item: ReminderItem, done: boolean[], input: ReminderInput): ReminderEvent[] {
  const { rules, today } = input;
  const units = unitsOf(item, true);
  const out: ReminderEvent[] = [];
  item.milestones.forEach((m, position) => {
    if (done[position]) return;
    const base = `milestone:${item.itemKey}:${position}:${m.deadline}`;
    const about = {
      itemKey: item.itemKey,
      itemNumber: item.number,
      itemTitle: item.title,
      milestone: { position, deadline: m.deadline, text: m.text },
      period: null,
      dueOn: m.deadline,
    };
    const left = daysBetween(today, m.deadline);
    const lead = leadDaysDue(rules.milestoneDaysBefore, left);
    if (lead !== null) {
      out.push({
        ...about,
        key: `${base}:d-${lead}`,
        kind: 'milestone_due',
        days: left,
        unitIds: units,
        office: false,
      });
    }
    out.push(...overdueEvents(base, -left, rules, 'milestone', about, units));
  });
  return out;
}

function reportEvents(
  item: ReminderItem,
  statusOf: Map<string, ReminderReport['status']>,
  input: ReminderInput,
): ReminderEvent[] {
  const { rules, today, cadence, dueDay } = input;
  const units = unitsOf(item, false);
  const owed = (period: Period) => {
    const status = statusOf.get(`${item.itemKey}|${period}`);
    return status !== 'submitted' && status !== 'approved' && dueDate(period, dueDay) >= input.reportsSince;
  };
  const about = (period: Period) => ({
    itemKey: item.itemKey,
    itemNumber: item.number,
    itemTitle: item.title,
    milestone: null,
    period,
    dueOn: dueDate(period, dueDay),
  });
  const out: ReminderEvent[] = [];
  const current = periodOf(today, cadence);
  const currentDue = dueDate(current, dueDay);
  const left = daysBetween(today, currentDue);
  const lead = leadDaysDue(rules.reportDaysBefore, left);
  if (lead !== null && owed(current)) {
    out.push({
      ...about(current),
      key: `report:${item.itemKey}:${current}:d-${lead}`,
      kind: 'report_due',
      days: left,
      unitIds: units,
      office: false,
    });
  }
  // Only the latest period already due is chased: older gaps belong to the scoreboard.
  const late = left < 0 ? current : previousPeriod(current);
  if (owed(late)) {
    const overdue = daysBetween(dueDate(late, dueDay), today);
    out.push(
      ...overdueEvents(`report:${item.itemKey}:${late}`, overdue, rules, 'report', about(late), units),
    );
  }
  return out;
}

type About = Pick<ReminderEvent, 'itemKey' | 'itemNumber' | 'itemTitle' | 'milestone' | 'period' | 'dueOn'>;

/** The unit's overdue repeat and the office's escalation, each keyed by its rule and repeat. */
function overdueEvents(
  base: string,
  overdue: number,
  rules: ReminderRules,
  what: 'milestone' | 'report',
  about: About,
  units: string[],
): ReminderEvent[] {
  if (overdue < 1) return [];
  const out: ReminderEvent[] = [];
  const every = rules.overdueEveryDays;
  const max = rules.overdueMaxRepeats;
  const within = (n: number | null) => n !== null && (max === null || n < max);
  if (every !== null && within(repeatIndex(overdue, 1, every))) {
    const n = repeatIndex(overdue, 1, every)!;
    out.push({
      ...about,
      key: `${base}:overdue:every${every}:r${n}`,
      kind: `${what}_overdue`,
      days: overdue,
      unitIds: units,
      office: false,
    });
  }
  const after = rules.escalateAfterDays;
  const n = after === null ? null : repeatIndex(overdue, after, every);
  if (n !== null && within(n)) {
    out.push({
      ...about,
      key: `${base}:escalate:after${after}:${every === null ? 'once' : `every${every}`}:r${n}`,
      kind: `${what}_escalation`,
      days: overdue,
      unitIds: [],
      office: true,
    });
  }
  return out;
}

/** Milestones concern the lead and the co-units; the report is the lead unit's to write. */
function unitsOf(item: ReminderItem, withCo: boolean): string[] {
  const ids = [item.leadUnitId, ...(withCo ? item.coUnitIds : [])].filter((u): u is string => u !== null);
  return [...new Set(ids)];
}
