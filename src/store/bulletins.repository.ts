import type { BulletinContent } from '../domain/bulletin/types.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './database.js';
import type { WriteContext } from './write-context.js';

/**
 * Period bulletins (bulletins table, migration 004): drafts the office can still edit the opening
 * of, and published ones, kept with their .docx. The content is stored once and never rewritten
 * except by an explicit refresh of a draft. Every write is audited in the same transaction.
 */

export type BulletinStatus = 'draft' | 'published';

export interface BulletinRecord {
  id: string;
  orgId: string;
  period: string;
  status: BulletinStatus;
  seq: number | null;
  opening: string | null;
  redHead: boolean;
  issuer: string | null;
  content: BulletinContent;
  hasDocx: boolean;
  docxSha256: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

const COLUMNS = [
  'id',
  'org_id',
  'period',
  'status',
  'seq',
  'opening',
  'red_head',
  'issuer',
  'content',
  'docx_sha256',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'published_at',
  'published_by',
] as const;

type Row = {
  id: string;
  org_id: string;
  period: string;
  status: string;
  seq: number | null;
  opening: string | null;
  red_head: number;
  issuer: string | null;
  content: string;
  docx_sha256: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  published_at: string | null;
  published_by: string | null;
};

function toRecord(r: Row): BulletinRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    period: r.period,
    status: r.status as BulletinStatus,
    seq: r.seq === null ? null : Number(r.seq),
    opening: r.opening,
    redHead: Number(r.red_head) === 1,
    issuer: r.issuer,
    content: JSON.parse(r.content) as BulletinContent,
    hasDocx: r.docx_sha256 !== null,
    docxSha256: r.docx_sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export async function findBulletin(
  exec: Executor,
  orgId: string,
  id: string,
): Promise<BulletinRecord | null> {
  const row = await exec
    .selectFrom('bulletins')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Newest period first; within a period the draft, then the latest publication. */
export async function listBulletins(
  exec: Executor,
  orgId: string,
  opts: { publishedOnly: boolean },
): Promise<BulletinRecord[]> {
  let q = exec.selectFrom('bulletins').select(COLUMNS).where('org_id', '=', orgId);
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  const rows = await q.orderBy('period', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toRecord);
}

/** The period's draft, or its latest publication when `status` is published. */
export async function latestOfPeriod(
  exec: Executor,
  orgId: string,
  period: string,
  status: BulletinStatus,
): Promise<BulletinRecord | null> {
  const row = await exec
    .selectFrom('bulletins')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('status', '=', status)
    .orderBy('seq', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The layout the org's last bulletin used: a new one starts from it (the org's own style). */
export async function lastLayout(
  exec: Executor,
  orgId: string,
): Promise<{ redHead: boolean; issuer: string | null } | null> {
  const row = await exec
    .selectFrom('bulletins')
    .select(['red_head', 'issuer'])
    .where('org_id', '=', orgId)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row ? { redHead: Number(row.red_head) === 1, issuer: row.issuer } : null;
}

export interface NewBulletin {
  id: string;
  period: string;
  opening: string | null;
  redHead: boolean;
  issuer: string | null;
  content: BulletinContent;
}

export async function insertDraft(exec: Executor, ctx: WriteContext, b: NewBulletin): Promise<void> {
  await exec
    .insertInto('bulletins')
    .values({
      org_id: ctx.orgId,
      id: b.id,
      period: b.period,
      status: 'draft',
      seq: null,
      opening: b.opening,
      red_head: b.redHead ? 1 : 0,
      issuer: b.issuer,
      content: JSON.stringify(b.content),
      docx: null,
      docx_sha256: null,
      created_at: ctx.at,
      created_by: ctx.actor,
      updated_at: ctx.at,
      updated_by: ctx.actor,
      published_at: null,
      published_by: null,
    })
    .execute();
  await appendAudit(exec, ctx, [
    { action: 'create', entity: 'bulletin', entityId: b.id, after: { ...auditView(b), status: 'draft' } },
  ]);
}

export interface DraftPatch {
  opening?: string | null;
  redHead?: boolean;
  issuer?: string | null;
  /** A refresh: the content computed again from the period's snapshot and reports. */
  content?: BulletinContent;
}

/** Changes a draft; false when it is no longer a draft (published meanwhile). */
export async function updateDraft(
  exec: Executor,
  ctx: WriteContext,
  before: BulletinRecord,
  patch: DraftPatch,
): Promise<boolean> {
  const result = await exec
    .updateTable('bulletins')
    .set({
      ...(patch.opening !== undefined ? { opening: patch.opening } : {}),
      ...(patch.redHead !== undefined ? { red_head: patch.redHead ? 1 : 0 } : {}),
      ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
      ...(patch.content !== undefined ? { content: JSON.stringify(patch.content) } : {}),
      updated_at: ctx.at,
      updated_by: ctx.actor,
    })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', before.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  const after = { ...before, ...patch, content: patch.content ?? before.content };
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'bulletin',
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
    },
  ]);
  return true;
}

/**
 * Publishes a draft with its document under the period's next number; false when it is no longer
 * a draft. The number is taken in the same statement's transaction, and the unique (org, period,
 * seq) key refuses a second publication racing for it.
 */
export async function publishDraft(
  exec: Executor,
  ctx: WriteContext,
  before: BulletinRecord,
  docx: { base64: string; sha256: string },
): Promise<number | null> {
  const last = await exec
    .selectFrom('bulletins')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('org_id', '=', ctx.orgId)
    .where('period', '=', before.period)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const result = await exec
    .updateTable('bulletins')
    .set({
      status: 'published',
      seq,
      docx: docx.base64,
      docx_sha256: docx.sha256,
      updated_at: ctx.at,
      updated_by: ctx.actor,
      published_at: ctx.at,
      published_by: ctx.actor,
    })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', before.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'bulletin',
      entityId: before.id,
      before: { ...auditView(before), status: 'draft' },
      after: { ...auditView(before), status: 'published', seq, docxSha256: docx.sha256 },
    },
  ]);
  return seq;
}

/** The published document's bytes (base64 decoded); null when there are none. */
export async function readDocx(exec: Executor, orgId: string, id: string): Promise<Uint8Array | null> {
  const row = await exec
    .selectFrom('bulletins')
    .select('docx')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.docx ? new Uint8Array(Buffer.from(row.docx, 'base64')) : null;
}

/** What the audit log keeps of a bulletin: its settings and headline figures, not the whole text. */
function auditView(b: Pick<BulletinRecord, 'period' | 'opening' | 'redHead' | 'issuer' | 'content'>) {
  return {
    period: b.period,
    opening: b.opening,
    redHead: b.redHead,
    issuer: b.issuer,
    asOf: b.content.asOf,
    items: b.content.figures.items,
  };
}
