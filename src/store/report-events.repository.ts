import { randomUUID } from 'node:crypto';
import type { ReportContent } from '../shared/api/reports.js';
import type { Executor } from './database.js';
import type { WriteContext } from './write-context.js';

/**
 * The workflow history of a report: one row per step, numbered 1, 2, … per report. Appended in
 * the transaction of the step itself, after the report row was updated (or locked), so the row
 * lock orders concurrent steps and the next number is never taken twice.
 */

export type ReportAction = 'create' | 'save' | 'submit' | 'return' | 'approve' | 'contribute';

export interface ReportEventRecord {
  id: string;
  reportId: string;
  seq: number;
  at: string;
  actor: string;
  action: ReportAction;
  comment: string | null;
  /** The content as submitted (submit events only). */
  content: ReportContent | null;
}

export async function appendReportEvent(
  exec: Executor,
  ctx: WriteContext,
  e: { reportId: string; action: ReportAction; comment?: string | null; content?: ReportContent | null },
): Promise<void> {
  const last = await exec
    .selectFrom('report_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('org_id', '=', ctx.orgId)
    .where('report_id', '=', e.reportId)
    .executeTakeFirst();
  await exec
    .insertInto('report_events')
    .values({
      org_id: ctx.orgId,
      id: randomUUID(),
      report_id: e.reportId,
      seq: Number(last?.seq ?? 0) + 1,
      at: ctx.at,
      actor: ctx.actor,
      action: e.action,
      comment: e.comment ?? null,
      content: e.content ? JSON.stringify(e.content) : null,
    })
    .execute();
}

export async function listReportEvents(
  exec: Executor,
  orgId: string,
  reportId: string,
): Promise<ReportEventRecord[]> {
  const rows = await exec
    .selectFrom('report_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action as ReportAction,
    comment: r.comment,
    content: r.content === null ? null : (JSON.parse(r.content) as ReportContent),
  }));
}
