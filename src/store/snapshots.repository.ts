import type { Period } from '../domain/reporting/period.js';
import type { Snapshot, SnapshotEntry } from '../domain/reporting/snapshot.js';
import type { StatusCounts } from '../domain/status/counts.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import type { WriteContext } from './write-context.js';

/**
 * Kept snapshots (status_snapshots): every item's status as of a period's due date, written once
 * the date has passed and never rewritten — a later re-import or a late approval does not change
 * what the office saw then. Entries also keep the item's number and title of that day, so a
 * removed item can still be named.
 */

export interface KeptEntry extends SnapshotEntry {
  number: number | null;
  title: string;
}

export interface KeptSnapshot extends Snapshot {
  items: KeptEntry[];
  takenAt: string;
  versionId: string | null;
}

export async function listSnapshots(
  exec: Executor,
  orgId: string,
  periods: readonly string[],
): Promise<KeptSnapshot[]> {
  if (periods.length === 0) return [];
  const rows = await exec
    .selectFrom('status_snapshots')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', 'in', [...periods])
    .execute();
  return rows.map((r) => ({
    period: r.period as Period,
    asOf: r.as_of,
    takenAt: r.taken_at,
    versionId: r.version_id,
    items: JSON.parse(r.items) as KeptEntry[],
    counts: JSON.parse(r.counts) as StatusCounts,
  }));
}

/**
 * Keeps a snapshot unless one is kept for the period already (another request or server took it
 * first: the first one stands). Returns whether this call wrote it.
 */
export async function insertSnapshot(
  exec: Executor,
  ctx: WriteContext,
  snapshot: Snapshot & { items: KeptEntry[] },
  versionId: string | null,
): Promise<boolean> {
  const result = await exec
    .insertInto('status_snapshots')
    .values({
      org_id: ctx.orgId,
      period: snapshot.period,
      as_of: snapshot.asOf,
      taken_at: ctx.at,
      version_id: versionId,
      items: JSON.stringify(snapshot.items),
      counts: JSON.stringify(snapshot.counts),
    })
    .onConflict((oc) => oc.columns(['org_id', 'period']).doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  if (inserted) {
    await appendAudit(exec, ctx, [
      {
        action: 'create',
        entity: 'status_snapshot',
        entityId: snapshot.period,
        after: { asOf: snapshot.asOf, versionId, counts: snapshot.counts },
      },
    ]);
  }
  return inserted;
}
