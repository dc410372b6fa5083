import { randomUUID } from 'node:crypto';
import type { PublicContent } from '../domain/publication/types.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import type { WriteContext } from './write-context.js';

/**
 * Publications of the public portal (migration 005): one row per (org, period) with the frozen
 * public content, and the append-only events that say what was public when. Every write is one
 * transaction with its event and its audit row (the caller passes the transaction).
 */

export type PublicationState = 'published' | 'withdrawn';

export interface PublicationRecord {
  period: string;
  state: PublicationState;
  includeScoreboard: boolean;
  revision: number;
  asOf: string;
  publishedAt: string;
  publishedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

export interface PublicationWithContent extends PublicationRecord {
  content: PublicContent;
}

export interface PublicationEventRecord {
  id: string;
  period: string;
  action: 'publish' | 'withdraw';
  revision: number;
  at: string;
  actor: string;
  includeScoreboard: boolean;
}

const COLUMNS = [
  'period',
  'state',
  'include_scoreboard',
  'revision',
  'as_of',
  'published_at',
  'published_by',
  'withdrawn_at',
  'withdrawn_by',
] as const;

type Row = {
  period: string;
  state: string;
  include_scoreboard: number;
  revision: number;
  as_of: string;
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
};

function toRecord(r: Row): PublicationRecord {
  return {
    period: r.period,
    state: r.state as PublicationState,
    includeScoreboard: Number(r.include_scoreboard) === 1,
    revision: Number(r.revision),
    asOf: r.as_of,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
  };
}

/** Every publication of the org, newest period first (without content: the public index). */
export async function listPublications(exec: Executor, orgId: string): Promise<PublicationRecord[]> {
  const rows = await exec
    .selectFrom('publications')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('period', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function listPublicationsWithContent(
  exec: Executor,
  orgId: string,
): Promise<PublicationWithContent[]> {
  const rows = await exec
    .selectFrom('publications')
    .select([...COLUMNS, 'content'])
    .where('org_id', '=', orgId)
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => ({ ...toRecord(r), content: JSON.parse(r.content) as PublicContent }));
}

export async function findPublication(
  exec: Executor,
  orgId: string,
  period: string,
): Promise<PublicationWithContent | null> {
  const row = await exec
    .selectFrom('publications')
    .select([...COLUMNS, 'content'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row ? { ...toRecord(row), content: JSON.parse(row.content) as PublicContent } : null;
}

export interface NewPublication {
  period: string;
  includeScoreboard: boolean;
  asOf: string;
  content: PublicContent;
}

/**
 * Publishes (or republishes) a period: the row takes the new content and the next revision,
 * an event keeps the content, the audit log the headline. `expected` is the revision the caller
 * read (null: none yet); a concurrent write in between makes this return null (the caller says 409).
 */
export async function savePublication(
  exec: Executor,
  ctx: WriteContext,
  p: NewPublication,
  expected: PublicationRecord | null,
): Promise<number | null> {
  const content = JSON.stringify(p.content);
  const include = p.includeScoreboard ? 1 : 0;
  let revision: number;
  if (expected === null) {
    revision = 1;
    await exec
      .insertInto('publications')
      .values({
        org_id: ctx.orgId,
        period: p.period,
        state: 'published',
        include_scoreboard: include,
        revision,
        as_of: p.asOf,
        content,
        published_at: ctx.at,
        published_by: ctx.actor,
        withdrawn_at: null,
        withdrawn_by: null,
      })
      .execute();
  } else {
    revision = expected.revision + 1;
    const r = await exec
      .updateTable('publications')
      .set({
        state: 'published',
        include_scoreboard: include,
        revision,
        as_of: p.asOf,
        content,
        published_at: ctx.at,
        published_by: ctx.actor,
        withdrawn_at: null,
        withdrawn_by: null,
      })
      .where('org_id', '=', ctx.orgId)
      .where('period', '=', p.period)
      .where('revision', '=', expected.revision)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return null;
  }
  await insertEvent(exec, ctx, {
    period: p.period,
    action: 'publish',
    revision,
    includeScoreboard: p.includeScoreboard,
    content,
  });
  await appendAudit(exec, ctx, [
    {
      action: expected === null ? 'create' : 'update',
      entity: 'publication',
      entityId: p.period,
      ...(expected ? { before: auditView(expected, null) } : {}),
      after: auditView(
        {
          period: p.period,
          state: 'published',
          revision,
          includeScoreboard: p.includeScoreboard,
          asOf: p.asOf,
        },
        p.content,
      ),
    },
  ]);
  return revision;
}

/** Withdraws a published period; null when it is no longer the revision the caller read. */
export async function withdrawPublication(
  exec: Executor,
  ctx: WriteContext,
  before: PublicationRecord,
): Promise<number | null> {
  const revision = before.revision + 1;
  const r = await exec
    .updateTable('publications')
    .set({ state: 'withdrawn', revision, withdrawn_at: ctx.at, withdrawn_by: ctx.actor })
    .where('org_id', '=', ctx.orgId)
    .where('period', '=', before.period)
    .where('revision', '=', before.revision)
    .where('state', '=', 'published')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  await insertEvent(exec, ctx, {
    period: before.period,
    action: 'withdraw',
    revision,
    includeScoreboard: before.includeScoreboard,
    content: null,
  });
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'publication',
      entityId: before.period,
      before: auditView(before, null),
      after: auditView({ ...before, state: 'withdrawn', revision }, null),
    },
  ]);
  return revision;
}

async function insertEvent(
  exec: Executor,
  ctx: WriteContext,
  e: {
    period: string;
    action: 'publish' | 'withdraw';
    revision: number;
    includeScoreboard: boolean;
    content: string | null;
  },
): Promise<void> {
  await exec
    .insertInto('publication_events')
    .values({
      org_id: ctx.orgId,
      id: randomUUID(),
      period: e.period,
      action: e.action,
      revision: e.revision,
      at: ctx.at,
      actor: ctx.actor,
      include_scoreboard: e.includeScoreboard ? 1 : 0,
      content: e.content,
    })
    .execute();
}

/** The history, newest first; one period's when `period` is given. */
export async function listPublicationEvents(
  exec: Executor,
  orgId: string,
  period?: string,
): Promise<PublicationEventRecord[]> {
  let q = exec
    .selectFrom('publication_events')
    .select(['id', 'period', 'action', 'revision', 'at', 'actor', 'include_scoreboard'])
    .where('org_id', '=', orgId);
  if (period !== undefined) q = q.where('period', '=', period);
  const rows = await q.orderBy('at', 'desc').orderBy('revision', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    action: r.action as 'publish' | 'withdraw',
    revision: Number(r.revision),
    at: r.at,
    actor: r.actor,
    includeScoreboard: Number(r.include_scoreboard) === 1,
  }));
}

/**
 * What was public at the instant `at`: for each period, its last event at or before it — a
 * publish (with the content it made public) or a withdraw (nothing public).
 */
export async function publicAt(
  exec: Executor,
  orgId: string,
  at: string,
): Promise<{ period: string; revision: number; publishedAt: string; content: PublicContent }[]> {
  const rows = await exec
    .selectFrom('publication_events')
    .select(['period', 'action', 'revision', 'at', 'content'])
    .where('org_id', '=', orgId)
    .where('at', '<=', at)
    .orderBy('period')
    .orderBy('at')
    .orderBy('revision')
    .execute();
  const last = new Map<string, (typeof rows)[number]>();
  for (const r of rows) last.set(r.period, r);
  return [...last.values()]
    .filter((r) => r.action === 'publish' && r.content !== null)
    .sort((a, b) => (a.period < b.period ? 1 : -1))
    .map((r) => ({
      period: r.period,
      revision: Number(r.revision),
      publishedAt: r.at,
      content: JSON.parse(r.content!) as PublicContent,
    }));
}

function auditView(
  p: Pick<PublicationRecord, 'period' | 'state' | 'revision' | 'includeScoreboard' | 'asOf'>,
  content: PublicContent | null,
) {
  return {
    period: p.period,
    state: p.state,
    revision: p.revision,
    includeScoreboard: p.includeScoreboard,
    asOf: p.asOf,
    ...(content ? { items: content.items.length, counts: content.counts } : {}),
  };
}

export interface PublishingOrg {
  id: string;
  name: string;
  /** Its newest period public now. */
  latestPeriod: string;
}

/**
 * The orgs with a period public now: the public portal's directory. Reads across orgs, like the
 * orgs registry itself; a handful of rows per org (one per published period).
 */
export async function listPublishingOrgs(exec: Executor): Promise<PublishingOrg[]> {
  const rows = await exec
    .selectFrom('publications')
    .innerJoin('orgs', 'orgs.id', 'publications.org_id')
    .select((eb) => ['orgs.id as id', 'orgs.name as name', eb.fn.max('publications.period').as('latest')])
    .where('publications.state', '=', 'published')
    .groupBy(['orgs.id', 'orgs.name'])
    .execute();
  // Sorted here, not in SQL: SQLite and PostgreSQL collate Chinese names differently.
  return rows
    .map((r) => ({ id: r.id, name: r.name, latestPeriod: String(r.latest) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}
