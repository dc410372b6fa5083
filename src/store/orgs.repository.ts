import type { OrgType } from '../domain/org-tree.js';
import { randomUUID } from 'node:crypto';
import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';

/** province | city | county | town (domain/org-tree.ts). */
export type { OrgType };

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
  type: OrgType;
  createdAt: string;
}

export async function findOrgByName(exec: Executor, name: string): Promise<Org | null> {
  const row = await exec.selectFrom('orgs').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toOrg(row) : null;
}

export async function getOrg(exec: Executor, id: string): Promise<Org | null> {
  const row = await exec.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrg(row) : null;
}

/**
 * The org named `name`, created (as a county unless told otherwise) when it does not exist yet.
 * `created` tells the caller whether this call made it.
 */
export async function getOrCreateOrg(
  exec: Executor,
  name: string,
  opts: { actor: string; at: string; type?: OrgType; parentId?: string | null },
): Promise<{ org: Org; created: boolean }> {
  const existing = await findOrgByName(exec, name);
  if (existing) return { org: existing, created: false };
  const org: Org = {
    id: randomUUID(),
    name,
    parentId: opts.parentId ?? null,
    type: opts.type ?? 'county',
    createdAt: opts.at,
  };
  await exec
    .insertInto('orgs')
    .values({ id: org.id, name, parent_id: org.parentId, type: org.type, created_at: org.createdAt })
    .execute();
  await appendAudit(exec, { orgId: org.id, actor: opts.actor, at: opts.at }, [
    { action: 'create', entity: 'org', entityId: org.id, after: org },
  ]);
  return { org, created: true };
}

function toOrg(r: {
  id: string;
  name: string;
  parent_id: string | null;
  type: string;
  created_at: string;
}): Org {
  return { id: r.id, name: r.name, parentId: r.parent_id, type: r.type as OrgType, createdAt: r.created_at };
}
