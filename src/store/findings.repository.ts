import { randomUUID } from 'node:crypto';
import type { Finding, FindingCode, PlanField, Severity } from '../domain/plan.js';
import type { Executor } from './database.js';
import type { FindingsTable } from './schema.js';
import { appendAudit } from './audit.repository.js';
import { chunks, fromJson, toJson, type WriteContext } from './write-context.js';

/**
 * Lint findings belong to the version they were found in: they describe that document, so a
 * re-import stores its own and leaves the old ones with the old version.
 */

export async function insertFindings(
  exec: Executor,
  ctx: WriteContext,
  versionId: string,
  findings: Finding[],
): Promise<void> {
  const rows: FindingsTable[] = findings.map((f, position) => ({
    org_id: ctx.orgId,
    id: randomUUID(),
    version_id: versionId,
    position,
    item_number: f.item,
    code: f.code,
    severity: f.severity,
    field: f.field,
    excerpt: f.excerpt ?? null,
    variant: f.variant ?? null,
    message: f.message,
    params: toJson(f.params),
  }));
  for (const part of chunks(rows)) await exec.insertInto('findings').values(part).execute();
  // One audit row for the batch: findings are derived data, the version's audit row names the file.
  await appendAudit(exec, ctx, [
    {
      action: 'create',
      entity: 'findings',
      entityId: versionId,
      after: { count: rows.length, codes: countBy(findings.map((f) => f.code)) },
    },
  ]);
}

export async function loadFindings(exec: Executor, orgId: string, versionId: string): Promise<Finding[]> {
  const rows = await exec
    .selectFrom('findings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const f: Finding = {
      code: r.code as FindingCode,
      severity: r.severity as Severity,
      item: r.item_number === null ? null : Number(r.item_number),
      field: r.field as PlanField | null,
      message: r.message,
    };
    if (r.variant !== null) f.variant = r.variant;
    if (r.excerpt !== null) f.excerpt = r.excerpt;
    const params = fromJson<Finding['params']>(r.params);
    if (params !== undefined) f.params = params;
    return f;
  });
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
