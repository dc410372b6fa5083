import { createHash, randomUUID } from 'node:crypto';
import type { Item } from '../../src/domain/plan.js';
import {
  dueDate,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Period,
} from '../../src/domain/reporting/period.js';
import { addDays } from '../../src/domain/status/dates.js';
import { between, demoReport, itemStory, seededRng, type Rng } from '../../src/services/demo-progress.js';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.js';
import type { Columns, ColumnType, Row } from './bulk-insert.js';

/**
 * One organisation's generated rows beyond its imported plan (pure: ids are random, everything
 * else follows the seed): users, and for every item led by a unit one report per monthly period
 * — written, submitted, sometimes returned and resubmitted, approved — with its workflow events,
 * audit rows and evidence metadata, as the report workflow would have left them. The current
 * period is still open (drafts, submissions, nothing yet).
 */

export interface OrgItem {
  itemKey: string;
  item: Item;
  leadUnitId: string | null;
  /** Co-units: the first writes a contribution to some reports. */
  coUnitIds: readonly string[];
}

export interface OrgRowsInput {
  orgId: string;
  /** Short, unique across the province: usernames are `${prefix}-admin`, `${prefix}-r7` … */
  prefix: string;
  versionId: string;
  items: readonly OrgItem[];
  unitIds: readonly string[];
  /** The last period is the one containing this day, the open one. */
  asOf: string;
  periods: number;
  users: number;
  sessions: number;
  /** When the sessions were opened (ISO instant): the real now, for a server to accept them. */
  now: string;
  passwordHash: string;
  /** The leaders (viewers) get the read-below grant (a city's or the province's). */
  readBelow: boolean;
  seed: number;
}

export type OrgRows = Record<TableName, Row[]>;
export type TableName = keyof typeof COLUMNS;

/** "name name:int …" → columns; text unless typed. */
function columns(spec: string): Columns {
  return spec.split(' ').map((c) => {
    const [name, type] = c.split(':');
    return [name!, (type ?? 'text') as ColumnType] as const;
  });
}

export const COLUMNS = {
  users: columns(
    'org_id id username display_name role unit_id password_hash failed_logins:int locked_until disabled:int created_at password_changed_at read_below:int',
  ),
  sessions: columns('org_id id user_id csrf_token created_at expires_at last_seen_at'),
  notifications: columns('org_id id user_id created_at kind params link read_at'),
  reports: columns(
    'org_id id item_key period status revision:int version_id unit_id content created_at created_by updated_at updated_by submitted_at reviewed_at reviewed_by review_comment',
  ),
  report_events: columns('org_id id report_id seq:int at actor action comment content'),
  report_contributions: columns('org_id report_id unit_id narrative revision:int updated_at updated_by'),
  evidence: columns('org_id id report_id unit_id sha256 file_name mime bytes:int uploaded_at uploaded_by'),
  audit_log: columns('org_id id at actor action entity entity_id before after'),
} satisfies Record<string, Columns>;

/**
 * The Cookie header of generated session `n` of an org (the app's value: org id, a dot, the token
 * whose SHA-256 is the session id), so a benchmark can call the API as that org's users without
 * signing each in. Session n belongs to the org's n-th account: 0 the admin, 1–5 the viewers.
 */
export function sessionCookie(orgId: string, prefix: string, n: number): string {
  return `${SESSION_COOKIE}=${orgId}.${sessionToken(prefix, n)}`;
}

/** The CSRF token of generated session `n` (the X-CSRF-Token of its writes). */
export function sessionCsrf(prefix: string, n: number): string {
  return `${prefix}-csrf-${n}`;
}

function sessionToken(prefix: string, n: number): string {
  return `${prefix}-session-${n}`;
}

/** Parents before children (foreign keys). */
export const INSERT_ORDER: readonly TableName[] = [
  'users',
  'sessions',
  'notifications',
  'reports',
  'report_events',
  'report_contributions',
  'evidence',
  'audit_log',
];

const TEXTS = { atRiskReason: '征地拆迁进度滞后，正在协调', achievementEvidence: '见佐证材料' };
const EVIDENCE_RATE = 0.1;
const VIEWERS = 5;
/** Periods whose workflow left in-app notifications and co-units' contributions. */
const RECENT_PERIODS = 3;

export function orgRows(o: OrgRowsInput): OrgRows {
  const rng = seededRng(o.seed);
  const out: OrgRows = {
    users: [],
    sessions: [],
    notifications: [],
    reports: [],
    report_events: [],
    report_contributions: [],
    evidence: [],
    audit_log: [],
  };
  const created = `${addDays(o.asOf, -o.periods * 31 - 30)}T01:00:00.000Z`;

  // Accounts: the office, a few leaders, and reporters spread over the units (the lead units first).
  const user = (name: string, role: string, unitId: string | null) => {
    const id = randomUUID();
    const readBelow = role === 'viewer' && o.readBelow ? 1 : 0;
    out.users.push([
      o.orgId,
      id,
      name,
      name,
      role,
      unitId,
      o.passwordHash,
      0,
      null,
      0,
      created,
      created,
      readBelow,
    ]);
    return { id, name };
  };
  const admin = user(`${o.prefix}-admin`, 'admin', null);
  for (let v = 1; v <= VIEWERS; v++) user(`${o.prefix}-v${v}`, 'viewer', null);
  const leads = [...new Set(o.items.flatMap((i) => (i.leadUnitId ? [i.leadUnitId] : [])))];
  const others = o.unitIds.filter((u) => !leads.includes(u));
  const reporterOf = new Map<string, { id: string; name: string }>();
  const reporterCount = Math.max(leads.length, o.users - 1 - VIEWERS);
  for (let r = 0; r < reporterCount && o.unitIds.length > 0; r++) {
    const unitId =
      r < leads.length ? leads[r]! : (others[r % Math.max(1, others.length)] ?? leads[r % leads.length]!);
    const u = user(`${o.prefix}-r${r + 1}`, 'reporter', unitId);
    if (!reporterOf.has(unitId)) reporterOf.set(unitId, u);
  }
  // Sessions opened now: the benchmark's server checks them against the real clock, not asOf.
  const at = o.now;
  const expires = new Date(Date.parse(o.now) + 12 * 3_600_000).toISOString();
  for (let n = 0; n < Math.min(o.sessions, out.users.length); n++) {
    const id = createHash('sha256').update(sessionToken(o.prefix, n)).digest('hex');
    out.sessions.push([o.orgId, id, out.users[n]![1] as string, sessionCsrf(o.prefix, n), at, expires, at]);
  }

  const last = periodOf(o.asOf);
  let first: Period = last;
  for (let p = 1; p < o.periods; p++) first = previousPeriod(first);
  const periods = periodsBetween(first, last);
  const start = addDays(periods[0]! + '-01', -30);
  for (const entry of o.items) {
    if (!entry.leadUnitId) continue;
    const story = itemStory(entry.item, rng, start);
    const reporter = reporterOf.get(entry.leadUnitId) ?? admin;
    for (const [p, period] of periods.entries()) {
      const fate = period === last ? openFate(rng) : pastFate(rng);
      if (fate === 'none') continue;
      const due = dueDate(period, 25);
      const written =
        period === last ? o.asOf : addDays(due, fate === 'late' ? between(rng, 1, 5) : -between(rng, 0, 6));
      const content = JSON.stringify({
        ...demoReport(entry.item, story, written, TEXTS),
        narrative: `${period}：按计划推进，完成阶段性任务。`,
      });
      writeReport(out, o, rng, {
        entry,
        period,
        written,
        content,
        fate,
        reporter,
        admin,
        recent: p >= periods.length - RECENT_PERIODS,
      });
    }
  }
  return out;
}

type Fate = 'none' | 'draft' | 'submitted' | 'onTime' | 'late' | 'returned';

function pastFate(rng: Rng): Fate {
  const r = rng();
  return r < 0.06 ? 'none' : r < 0.18 ? 'late' : r < 0.3 ? 'returned' : 'onTime';
}

function openFate(rng: Rng): Fate {
  const r = rng();
  return r < 0.35 ? 'draft' : r < 0.6 ? 'submitted' : 'none';
}

interface Person {
  id: string;
  name: string;
}

function writeReport(
  out: OrgRows,
  o: OrgRowsInput,
  rng: Rng,
  r: {
    entry: OrgItem;
    period: string;
    written: string;
    content: string;
    fate: Fate;
    reporter: Person;
    admin: Person;
    recent: boolean;
  },
): void {
  const id = randomUUID();
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const createdAt = at(r.written, 1);
  const events: [at: string, by: Person, action: string, comment: string | null][] = [
    [createdAt, r.reporter, 'create', null],
  ];
  let status = 'draft';
  let submittedAt: string | null = null;
  let reviewedAt: string | null = null;
  let comment: string | null = null;
  if (r.fate !== 'draft') {
    submittedAt = at(r.written, 2);
    events.push([submittedAt, r.reporter, 'submit', null]);
    status = 'submitted';
  }
  if (r.fate === 'returned') {
    const back = addDays(r.written, 1);
    comment = '请补充量化指标完成情况';
    events.push([at(back, 3), r.admin, 'return', comment]);
    submittedAt = at(addDays(back, 1), 2);
    events.push([submittedAt, r.reporter, 'submit', null]);
  }
  if (r.fate === 'onTime' || r.fate === 'late' || r.fate === 'returned') {
    reviewedAt = at(addDays(r.written, r.fate === 'returned' ? 3 : between(rng, 1, 3)), 6);
    events.push([reviewedAt, r.admin, 'approve', null]);
    status = 'approved';
  }
  const [updatedAt, updatedBy] = events.at(-1)!;
  out.reports.push([
    o.orgId,
    id,
    r.entry.itemKey,
    r.period,
    status,
    events.length,
    o.versionId,
    r.entry.leadUnitId,
    r.content,
    createdAt,
    r.reporter.name,
    updatedAt,
    updatedBy.name,
    submittedAt,
    reviewedAt,
    reviewedAt ? r.admin.name : null,
    comment,
  ]);
  const link = `/reports/${encodeURIComponent(r.entry.itemKey)}/${r.period}`;
  const params = JSON.stringify({ itemKey: r.entry.itemKey, number: r.entry.item.number, period: r.period });
  events.forEach(([when, by, action, note], i) => {
    out.report_events.push([o.orgId, randomUUID(), id, i + 1, when, by.name, action, note, null]);
    // What the workflow tells whom (report-notifications.ts): the office of a submission, the
    // reporter of a return or an approval. Older ones were read the next day.
    const kind = NOTICE[action];
    if (!r.recent || kind === undefined) return;
    const to = action === 'submit' ? r.admin : r.reporter;
    const readAt = r.period < o.asOf.slice(0, 7) ? `${addDays(when.slice(0, 10), 1)}T01:00:00.000Z` : null;
    out.notifications.push([o.orgId, randomUUID(), to.id, when, kind, params, link, readAt]);
  });
  // One audit row per report (its creation), not one per step: the audit browse is measured
  // per org, and three times the rows would mostly lengthen the load (docs/scaling.md).
  const view = JSON.stringify({ itemKey: r.entry.itemKey, period: r.period, status: 'draft', revision: 1 });
  out.audit_log.push([o.orgId, randomUUID(), createdAt, r.reporter.name, 'create', 'report', id, null, view]);
  const coUnit = r.entry.coUnitIds[0];
  if (r.recent && coUnit !== undefined && coUnit !== r.entry.leadUnitId && submittedAt !== null) {
    out.report_contributions.push([
      o.orgId,
      id,
      coUnit,
      '配合单位：已按要求推进。',
      1,
      createdAt,
      r.reporter.name,
    ]);
  }
  if (status === 'approved' && rng() < EVIDENCE_RATE) {
    for (let f = between(rng, 1, 2); f > 0; f--) {
      const sha = createHash('sha256').update(`${id}/${f}`).digest('hex');
      out.evidence.push([
        o.orgId,
        randomUUID(),
        id,
        r.entry.leadUnitId,
        sha,
        `佐证材料-${r.period}-${f}.pdf`,
        'application/pdf',
        between(rng, 20_000, 2_000_000),
        submittedAt,
        r.reporter.name,
      ]);
    }
  }
}

const NOTICE: Record<string, string | undefined> = {
  submit: 'report_submitted',
  return: 'report_returned',
  approve: 'report_approved',
};
