import type { ItemReport } from '../domain/reporting/progress.js';
import type { ReportSubjects } from '../domain/reporting/align-report.js';
import type { Executor } from './database.js';

/**
 * What the status engine and the scoreboard read of the reporting tables (written by the report
 * workflow): the accepted record — approved reports, with when they were approved — and every
 * submission with whether the office returned it. Timestamps stay instants here; the services
 * turn them into the org's calendar days.
 */

export interface ApprovedReport {
  reportId: string;
  itemKey: string;
  period: string;
  /** The plan version the entries were written against (they are by position). */
  versionId: string;
  content: ItemReport;
  /** ISO timestamp of the (last) approval. */
  approvedAt: string;
}

export async function loadApprovedReports(exec: Executor, orgId: string): Promise<ApprovedReport[]> {
  const approvals = exec
    .selectFrom('report_events')
    .select((eb) => ['report_id', eb.fn.max('at').as('approved_at')])
    .where('org_id', '=', orgId)
    .where('action', '=', 'approve')
    .groupBy('report_id')
    .as('a');
  const rows = await exec
    .selectFrom('reports as r')
    .leftJoin(approvals, (j) => j.onRef('a.report_id', '=', 'r.id'))
    .select([
      'r.id',
      'r.item_key',
      'r.period',
      'r.version_id',
      'r.content',
      'r.reviewed_at',
      'r.updated_at',
      'a.approved_at',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.status', '=', 'approved')
    .orderBy('r.item_key')
    .orderBy('r.period')
    .execute();
  return rows.map((r) => ({
    reportId: r.id,
    itemKey: r.item_key,
    period: r.period,
    versionId: r.version_id,
    content: parseContent(r.content),
    // The approve event is the record; the report's own columns back it up for rows written
    // without one.
    approvedAt: r.approved_at ?? r.reviewed_at ?? r.updated_at,
  }));
}

/** A report's submissions in order, each with when the office returned it (null: it did not). */
export interface ReportSubmissions {
  itemKey: string;
  period: string;
  unitId: string;
  submissions: { at: string; returnedAt: string | null }[];
}

export async function loadSubmissions(exec: Executor, orgId: string): Promise<ReportSubmissions[]> {
  const rows = await exec
    .selectFrom('report_events as e')
    .innerJoin('reports as r', (j) => j.onRef('r.org_id', '=', 'e.org_id').onRef('r.id', '=', 'e.report_id'))
    .select(['e.report_id', 'e.action', 'e.at', 'r.item_key', 'r.period', 'r.unit_id'])
    .where('e.org_id', '=', orgId)
    .where('e.action', 'in', ['submit', 'return'])
    .orderBy('e.report_id')
    .orderBy('e.seq')
    .execute();
  const byReport = new Map<string, ReportSubmissions>();
  for (const r of rows) {
    let entry = byReport.get(r.report_id);
    if (!entry) {
      entry = { itemKey: r.item_key, period: r.period, unitId: r.unit_id, submissions: [] };
      byReport.set(r.report_id, entry);
    }
    const last = entry.submissions.at(-1);
    if (r.action === 'submit') entry.submissions.push({ at: r.at, returnedAt: null });
    else if (last && last.returnedAt === null) last.returnedAt = r.at;
  }
  return [...byReport.values()].filter((e) => e.submissions.length > 0);
}

/**
 * What the items of older plan versions listed, by version and item key: the subjects reports
 * written against those versions refer to by position.
 */
export async function loadReportSubjects(
  exec: Executor,
  orgId: string,
  versionIds: readonly string[],
): Promise<Map<string, Map<string, ReportSubjects>>> {
  const out = new Map<string, Map<string, ReportSubjects>>();
  if (versionIds.length === 0) return out;
  const items = await exec
    .selectFrom('items')
    .select(['id', 'version_id', 'item_key', 'achievements'])
    .where('org_id', '=', orgId)
    .where('version_id', 'in', [...versionIds])
    .execute();
  const ids = exec
    .selectFrom('items')
    .select('id')
    .where('org_id', '=', orgId)
    .where('version_id', 'in', [...versionIds]);
  const [milestones, targets] = await Promise.all([
    exec
      .selectFrom('milestones')
      .select(['item_id', 'deadline', 'text'])
      .where('org_id', '=', orgId)
      .where('item_id', 'in', ids)
      .orderBy('item_id')
      .orderBy('position')
      .execute(),
    exec
      .selectFrom('targets')
      .select(['item_id', 'metric', 'text', 'deadline', 'unit'])
      .where('org_id', '=', orgId)
      .where('item_id', 'in', ids)
      .orderBy('item_id')
      .orderBy('position')
      .execute(),
  ]);
  type Mutable = { -readonly [K in keyof ReportSubjects]: ReportSubjects[K][number][] };
  const byId = new Map<string, Mutable>();
  for (const i of items) {
    const subjects: Mutable = { milestones: [], targets: [], achievements: parseStrings(i.achievements) };
    byId.set(i.id, subjects);
    const ofVersion = out.get(i.version_id) ?? new Map<string, ReportSubjects>();
    ofVersion.set(i.item_key, subjects);
    out.set(i.version_id, ofVersion);
  }
  for (const m of milestones) byId.get(m.item_id)?.milestones.push({ deadline: m.deadline, text: m.text });
  for (const t of targets) {
    byId.get(t.item_id)?.targets.push({ metric: t.metric, text: t.text, deadline: t.deadline, unit: t.unit });
  }
  return out;
}

/**
 * The stored content as the status engine reads it. The workflow validated it when it was
 * submitted; anything that is not a list here (a row written by hand) reads as not reported.
 */
function parseContent(text: string): ItemReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const o = (value ?? {}) as Record<string, unknown>;
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map((e: unknown) => (e && typeof e === 'object' ? e : null)) : [];
  return {
    milestones: list(o.milestones) as ItemReport['milestones'],
    targets: list(o.targets) as ItemReport['targets'],
    achievements: list(o.achievements) as ItemReport['achievements'],
  };
}

function parseStrings(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
