import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';
import { bumpRevision } from '../../src/store/org-settings.repository.js';
import type { ReportContent } from '../../src/shared/api/reports.js';

/**
 * Reports written straight into the tables, as the report workflow leaves them: for tests of what
 * reads the accepted record (statuses, snapshots, the scoreboard) without going through the
 * workflow's routes. Like every workflow step, it bumps the org's revision.
 */

export interface CurrentItem {
  itemKey: string;
  versionId: string;
  milestones: number;
  targets: number;
  achievements: number;
}

/** Item `number` of the org's current plan version. */
export async function currentItem(db: Db, orgId: string, number: number): Promise<CurrentItem> {
  const row = await db.kysely
    .selectFrom('items as i')
    .innerJoin('plan_versions as v', (j) =>
      j.onRef('v.org_id', '=', 'i.org_id').onRef('v.id', '=', 'i.version_id'),
    )
    .select([
      'i.item_key',
      'i.version_id',
      'i.achievements',
      sql<number>`(select count(*) from milestones m where m.org_id = i.org_id and m.item_id = i.id)`.as('m'),
      sql<number>`(select count(*) from targets t where t.org_id = i.org_id and t.item_id = i.id)`.as('t'),
    ])
    .where('i.org_id', '=', orgId)
    .where('v.is_current', '=', 1)
    .where('i.number', '=', number)
    .executeTakeFirstOrThrow();
  return {
    itemKey: row.item_key,
    versionId: row.version_id,
    milestones: Number(row.m),
    targets: Number(row.t),
    achievements: (JSON.parse(row.achievements) as unknown[]).length,
  };
}

/** Entries by position; positions not given are not reported (null). */
export function content(
  item: CurrentItem,
  entries: {
    milestones?: Record<number, ReportContent['milestones'][number]>;
    targets?: Record<number, ReportContent['targets'][number]>;
    achievements?: Record<number, ReportContent['achievements'][number]>;
    narrative?: string;
  } = {},
): ReportContent {
  const fill = <T>(n: number, given: Record<number, T> = {}) =>
    Array.from({ length: n }, (_, i) => given[i] ?? null);
  return {
    milestones: fill(item.milestones, entries.milestones),
    targets: fill(item.targets, entries.targets),
    achievements: fill(item.achievements, entries.achievements),
    narrative: entries.narrative ?? '',
  };
}

export type Step = readonly ['submit' | 'return' | 'approve', string];

/**
 * One report with its workflow events (instants, ISO): the status follows the last step
 * (submit → submitted, return → returned, approve → approved).
 */
export async function insertReport(
  db: Db,
  orgId: string,
  r: {
    item: CurrentItem;
    period: string;
    unitId: string;
    content: ReportContent;
    steps: readonly Step[];
    versionId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const last = r.steps.at(-1);
  const status = !last
    ? 'draft'
    : last[0] === 'submit'
      ? 'submitted'
      : last[0] === 'return'
        ? 'returned'
        : 'approved';
  const first = r.steps[0]?.[1] ?? '2022-01-01T00:00:00.000Z';
  const at = last?.[1] ?? first;
  const submits = r.steps.filter((s) => s[0] === 'submit');
  const reviews = r.steps.filter((s) => s[0] !== 'submit');
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('reports')
      .values({
        org_id: orgId,
        id,
        item_key: r.item.itemKey,
        period: r.period,
        status,
        revision: r.steps.length + 1,
        version_id: r.versionId ?? r.item.versionId,
        unit_id: r.unitId,
        content: JSON.stringify(r.content),
        created_at: first,
        created_by: 'test',
        updated_at: at,
        updated_by: 'test',
        submitted_at: submits.at(-1)?.[1] ?? null,
        reviewed_at: reviews.at(-1)?.[1] ?? null,
        reviewed_by: reviews.length ? 'admin' : null,
        review_comment: reviews.at(-1)?.[0] === 'return' ? '请补充佐证材料' : null,
      })
      .execute();
    const events = [['create', first] as const, ...r.steps];
    for (const [seq, [action, when]] of events.entries()) {
      await trx
        .insertInto('report_events')
        .values({
          org_id: orgId,
          id: randomUUID(),
          report_id: id,
          seq: seq + 1,
          at: when,
          actor: action === 'create' || action === 'submit' ? 'reporter' : 'admin',
          action,
          comment: action === 'return' ? '请补充佐证材料' : null,
          content: action === 'submit' ? JSON.stringify(r.content) : null,
        })
        .execute();
    }
    await bumpRevision(trx, { orgId, actor: 'test', at });
  });
  return id;
}
