import { randomUUID } from 'node:crypto';
import type { Executor } from './database.js';
import type { ReminderOutboxTable } from './schema.js';
import { chunks, toCount } from './write-context.js';

/**
 * The reminder outbox (催办发送队列). Exactly-once rests on two database rules, not on timing:
 *
 * 1. A reminder is one row, unique by (org_id, dedupe_key): schedulers insert with ON CONFLICT DO
 *    NOTHING, so however many compute the same reminder, one row exists.
 * 2. A row is sent only by the worker that claimed it: a conditional UPDATE (still pending, due,
 *    not claimed or its claim expired) sets claimed_by/claimed_until, and the worker re-reads the
 *    row to confirm the claim is its own before sending. Two workers racing for a row: the
 *    database serialises the two UPDATEs and the second matches nothing.
 *
 * Marking a row sent or scheduling its retry is again conditional on the claim.
 */

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface NewOutboxRow {
  dedupeKey: string;
  kind: string;
  channel: string;
  recipient: string;
  payload: unknown;
}

export interface OutboxRecord {
  id: string;
  orgId: string;
  dedupeKey: string;
  kind: string;
  channel: string;
  recipient: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AttemptRecord {
  outboxId: string;
  at: string;
  worker: string;
  ok: boolean;
  detail: string | null;
}

/** Inserts the rows not there yet; returns how many were new. */
export async function insertOutbox(
  exec: Executor,
  orgId: string,
  rows: readonly NewOutboxRow[],
  at: string,
): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows)) {
    const r = await exec
      .insertInto('reminder_outbox')
      .values(
        part.map((row) => ({
          org_id: orgId,
          id: randomUUID(),
          dedupe_key: row.dedupeKey,
          kind: row.kind,
          channel: row.channel,
          recipient: row.recipient,
          payload: JSON.stringify(row.payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          claimed_by: null,
          claimed_until: null,
          last_error: null,
          created_at: at,
          sent_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Rows a worker may try to claim now: pending, due, and unclaimed or with an expired claim. */
export async function dueOutboxIds(
  exec: Executor,
  orgId: string,
  now: string,
  limit: number,
): Promise<string[]> {
  const rows = await exec
    .selectFrom('reminder_outbox')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims a row for `worker` until `until`; the row when the claim is this worker's, null when
 * another worker has it, it was sent meanwhile, or it is not due.
 */
export async function claimOutbox(
  exec: Executor,
  orgId: string,
  id: string,
  worker: string,
  now: string,
  until: string,
): Promise<OutboxRecord | null> {
  await exec
    .updateTable('reminder_outbox')
    .set({ claimed_by: worker, claimed_until: until })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .execute();
  const row = await getOutbox(exec, orgId, id);
  return row && row.status === 'pending' && row.claimedBy === worker && row.claimedUntil === until
    ? row
    : null;
}

export async function getOutbox(exec: Executor, orgId: string, id: string): Promise<OutboxRecord | null> {
  const row = await exec
    .selectFrom('reminder_outbox')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function recordAttempt(exec: Executor, orgId: string, attempt: AttemptRecord): Promise<void> {
  await exec
    .insertInto('reminder_attempts')
    .values({
      org_id: orgId,
      id: randomUUID(),
      outbox_id: attempt.outboxId,
      at: attempt.at,
      worker: attempt.worker,
      ok: attempt.ok ? 1 : 0,
      detail: attempt.detail,
    })
    .execute();
}

/** Sent: only while the claim is the worker's. False when it is not (nothing changed). */
export async function markSent(
  exec: Executor,
  orgId: string,
  id: string,
  worker: string,
  at: string,
): Promise<boolean> {
  const r = await exec
    .updateTable('reminder_outbox')
    .set((eb) => ({
      status: 'sent',
      sent_at: at,
      attempts: eb('attempts', '+', 1),
      claimed_by: null,
      claimed_until: null,
      last_error: null,
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A failed attempt: try again at `nextAttemptAt`, or give up (`failed`) when it is null. */
export async function markAttemptFailed(
  exec: Executor,
  orgId: string,
  id: string,
  worker: string,
  error: string,
  nextAttemptAt: string | null,
): Promise<boolean> {
  const r = await exec
    .updateTable('reminder_outbox')
    .set((eb) => ({
      status: nextAttemptAt === null ? 'failed' : 'pending',
      attempts: eb('attempts', '+', 1),
      ...(nextAttemptAt === null ? {} : { next_attempt_at: nextAttemptAt }),
      claimed_by: null,
      claimed_until: null,
      last_error: error,
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface OutboxPage {
  rows: (OutboxRecord & { log: AttemptRecord[] })[];
  total: number;
}

/** The send log, newest first, each row with its attempts (oldest first). */
export async function listOutbox(
  exec: Executor,
  orgId: string,
  opts: { status?: OutboxStatus; page: number; pageSize: number },
): Promise<OutboxPage> {
  let q = exec.selectFrom('reminder_outbox').where('org_id', '=', orgId);
  if (opts.status) q = q.where('status', '=', opts.status);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('dedupe_key')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  const ids = rows.map((r) => r.id);
  const attempts =
    ids.length === 0
      ? []
      : await exec
          .selectFrom('reminder_attempts')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('outbox_id', 'in', ids)
          .orderBy('at')
          .orderBy('id')
          .execute();
  const byRow = new Map<string, AttemptRecord[]>();
  for (const a of attempts) {
    const list = byRow.get(a.outbox_id) ?? [];
    list.push({
      outboxId: a.outbox_id,
      at: a.at,
      worker: a.worker,
      ok: Number(a.ok) === 1,
      detail: a.detail,
    });
    byRow.set(a.outbox_id, list);
  }
  return {
    rows: rows.map((r) => ({ ...toRecord(r), log: byRow.get(r.id) ?? [] })),
    total: toCount(count?.n as string | number | undefined),
  };
}

function toRecord(r: ReminderOutboxTable): OutboxRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    dedupeKey: r.dedupe_key,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    payload: JSON.parse(r.payload) as unknown,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    claimedBy: r.claimed_by,
    claimedUntil: r.claimed_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}
