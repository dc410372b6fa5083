import { NotFoundError } from '../domain/errors.js';
import { readAccess } from '../domain/org-tree.js';
import type { Db } from '../store/database.js';
import { listAllOrgs, readBelowOf } from '../store/org-tree.repository.js';
import type { Role, UserRecord } from '../store/users.repository.js';

/**
 * Whose data a read shows (issue 9, docs/organisations.md): the caller's own org with their own
 * role, or — with the read-below grant, or as an admin — an org below theirs, read-only, seen as a
 * county viewer sees it (no drafts or returned reports, no unpublished bulletins, no writes).
 * Anything else is "not found": the answer must not tell whether the org exists.
 */

export interface ReadScope {
  orgId: string;
  /** `own`: the caller's org; `below`: an org below it, read-only. */
  access: 'own' | 'below';
  /** The role the reads are decided with: the caller's in their own org, `viewer` below it. */
  role: Role;
  /** The reporter's unit in their own org; null below it (no unit of that org is theirs). */
  unitId: string | null;
}

export function ownScope(user: Pick<UserRecord, 'orgId' | 'role' | 'unitId'>): ReadScope {
  return { orgId: user.orgId, access: 'own', role: user.role, unitId: user.unitId };
}

/** The scope for `?org=<requested>`; NotFoundError when the caller may not read it. */
export async function resolveReadScope(
  db: Db,
  user: Pick<UserRecord, 'id' | 'orgId' | 'role' | 'unitId'>,
  requested: string | undefined,
): Promise<ReadScope> {
  if (requested === undefined || requested === user.orgId) return ownScope(user);
  const [orgs, readBelow] = await Promise.all([
    listAllOrgs(db.kysely),
    readBelowOf(db.kysely, user.orgId, user.id),
  ]);
  const access = readAccess(orgs, { orgId: user.orgId, role: user.role, readBelow }, requested);
  if (access === null) throw new NotFoundError('error.org_unreadable');
  return { orgId: requested, access: 'below', role: 'viewer', unitId: null };
}
