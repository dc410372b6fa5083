import { randomUUID } from 'node:crypto';
import type { Plan } from '../domain/plan.js';
import type { Executor } from './database.js';
import type { PlanVersionsTable } from './schema.js';
import { appendAudit } from './audit.repository.js';
import { fromJson, toJson, type WriteContext } from './write-context.js';

export interface PlanRecord {
  id: string;
  orgId: string;
  title: string;
  createdAt: string;
}

export interface PlanVersionRecord {
  id: string;
  orgId: string;
  planId: string;
  version: number;
  title: string;
  sourceFile: string;
  format: string;
  sha256: string;
  year: number | null;
  columns: Plan['columns'];
  source: Plan['source'];
  importedAt: string;
  importedBy: string | null;
  isCurrent: boolean;
}

export interface NewVersion {
  planId: string;
  title: string;
  year: number | null;
  file: { name: string; format: string; sha256: string };
  columns?: Plan['columns'];
  source?: Plan['source'];
  importedBy: string | null;
}

/**
 * `lock` (PostgreSQL only; SQLite has one writer anyway) holds the plan row until the transaction
 * ends, so two imports of the same plan run one after the other and the second diffs against the
 * version the first wrote.
 */
export async function findPlanByTitle(
  exec: Executor,
  orgId: string,
  title: string,
  opts: { lock?: boolean } = {},
): Promise<PlanRecord | null> {
  let q = exec.selectFrom('plans').selectAll().where('org_id', '=', orgId).where('title', '=', title);
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { id: row.id, orgId: row.org_id, title: row.title, createdAt: row.created_at } : null;
}

export async function listPlans(exec: Executor, orgId: string): Promise<PlanRecord[]> {
  const rows = await exec
    .selectFrom('plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, title: r.title, createdAt: r.created_at }));
}

export async function createPlan(exec: Executor, ctx: WriteContext, title: string): Promise<PlanRecord> {
  const plan: PlanRecord = { id: randomUUID(), orgId: ctx.orgId, title, createdAt: ctx.at };
  await exec
    .insertInto('plans')
    .values({ org_id: ctx.orgId, id: plan.id, title, created_at: ctx.at })
    .execute();
  await appendAudit(exec, ctx, [{ action: 'create', entity: 'plan', entityId: plan.id, after: plan }]);
  return plan;
}

export async function currentVersion(
  exec: Executor,
  orgId: string,
  planId: string,
): Promise<PlanVersionRecord | null> {
  const row = await exec
    .selectFrom('plan_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function getVersion(
  exec: Executor,
  orgId: string,
  versionId: string,
): Promise<PlanVersionRecord | null> {
  const row = await exec
    .selectFrom('plan_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Newest first. */
export async function listVersions(
  exec: Executor,
  orgId: string,
  planId: string,
): Promise<PlanVersionRecord[]> {
  const rows = await exec
    .selectFrom('plan_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

/** Adds the next version of a plan, not yet current: `makeCurrent` flips it once its rows are in. */
export async function createVersion(
  exec: Executor,
  ctx: WriteContext,
  v: NewVersion,
): Promise<PlanVersionRecord> {
  const last = await exec
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('org_id', '=', ctx.orgId)
    .where('plan_id', '=', v.planId)
    .executeTakeFirst();
  const row: PlanVersionsTable = {
    org_id: ctx.orgId,
    id: randomUUID(),
    plan_id: v.planId,
    version: Number(last?.max ?? 0) + 1,
    title: v.title,
    source_file: v.file.name,
    format: v.file.format,
    sha256: v.file.sha256,
    year: v.year,
    columns: toJson(v.columns),
    plan_source: toJson(v.source),
    imported_at: ctx.at,
    imported_by: v.importedBy,
    is_current: 0,
  };
  await exec.insertInto('plan_versions').values(row).execute();
  const version = toVersion(row);
  await appendAudit(exec, ctx, [
    { action: 'create', entity: 'plan_version', entityId: version.id, after: summary(version) },
  ]);
  return version;
}

/** Makes `versionId` the plan's current version; the previous current one is kept, not current. */
export async function makeCurrent(
  exec: Executor,
  ctx: WriteContext,
  planId: string,
  versionId: string,
): Promise<void> {
  const previous = await currentVersion(exec, ctx.orgId, planId);
  if (previous?.id === versionId) return;
  // Old off before new on: the partial unique index allows one current version per plan.
  if (previous) {
    await exec
      .updateTable('plan_versions')
      .set({ is_current: 0 })
      .where('org_id', '=', ctx.orgId)
      .where('id', '=', previous.id)
      .execute();
  }
  await exec
    .updateTable('plan_versions')
    .set({ is_current: 1 })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', versionId)
    .execute();
  await appendAudit(exec, ctx, [
    {
      action: 'update',
      entity: 'plan',
      entityId: planId,
      before: { currentVersionId: previous?.id ?? null },
      after: { currentVersionId: versionId },
    },
  ]);
}

function summary(v: PlanVersionRecord) {
  const { columns: _columns, source: _source, ...rest } = v;
  return rest;
}

function toVersion(r: PlanVersionsTable): PlanVersionRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    planId: r.plan_id,
    version: Number(r.version),
    title: r.title,
    sourceFile: r.source_file,
    format: r.format,
    sha256: r.sha256,
    year: r.year === null ? null : Number(r.year),
    columns: fromJson(r.columns),
    source: fromJson(r.plan_source),
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    isCurrent: Number(r.is_current) === 1,
  };
}
