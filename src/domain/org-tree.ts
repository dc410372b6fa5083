/**
 * The organisation tree (省 → 市 → 县 → 乡镇), pure: which types may sit below which, walking a
 * subtree in a stable order, and who may read what. The storage gives the flat rows; everything
 * that decides access is here, so the HTTP layer, the CLI and the tests agree.
 */

export type OrgType = 'province' | 'city' | 'county' | 'town';

export interface OrgRow {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
}

/** The types allowed directly below each type (a county may sit directly under the province). */
export const CHILD_TYPES: Readonly<Record<OrgType, readonly OrgType[]>> = {
  province: ['city', 'county'],
  city: ['county'],
  county: ['town'],
  town: [],
};

export function mayHaveChild(parent: OrgType, child: OrgType): boolean {
  return CHILD_TYPES[parent].includes(child);
}

const collator = new Intl.Collator('zh-CN');

/** A node of a subtree in tree order, with its depth below the subtree's root and its path of names. */
export interface TreeEntry<T extends OrgRow = OrgRow> {
  org: T;
  depth: number;
  /** Names from the root of the walk down to this org (the root's own name first). */
  path: string[];
}

/**
 * The org `rootId` and everything below it, depth first, siblings in Chinese name order (then id):
 * the order every list of orgs in the API uses. Empty when the root is unknown. A parent cycle
 * (never written by the app) cannot loop: each org is visited once.
 */
export function subtree<T extends OrgRow>(orgs: readonly T[], rootId: string): TreeEntry<T>[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root = byId.get(rootId);
  if (!root) return [];
  const children = childrenIndex(orgs);
  const out: TreeEntry<T>[] = [];
  const seen = new Set<string>();
  const walk = (org: T, depth: number, path: string[]): void => {
    if (seen.has(org.id)) return;
    seen.add(org.id);
    const here = [...path, org.name];
    out.push({ org, depth, path: here });
    for (const child of children.get(org.id) ?? []) walk(child, depth + 1, here);
  };
  walk(root, 0, []);
  return out;
}

function childrenIndex<T extends OrgRow>(orgs: readonly T[]): Map<string, T[]> {
  const children = new Map<string, T[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId);
    if (list) list.push(o);
    else children.set(o.parentId, [o]);
  }
  for (const list of children.values()) {
    list.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return children;
}

/** Ids from `id` up to the root, `id` first. Stops at an unknown parent or a cycle. */
export function ancestry(orgs: readonly OrgRow[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out: string[] = [];
  let at = byId.get(id);
  while (at && !out.includes(at.id)) {
    out.push(at.id);
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  return out;
}

/** Is `below` strictly below `above`? */
export function isBelow(orgs: readonly OrgRow[], below: string, above: string): boolean {
  return below !== above && ancestry(orgs, below).includes(above);
}

export interface Reader {
  orgId: string;
  role: 'admin' | 'reporter' | 'viewer';
  /** The stored read-below grant. */
  readBelow: boolean;
}

/** Admins read below their org whatever the stored grant says: they create and staff the orgs below. */
export function readsBelow(reader: Reader): boolean {
  return reader.role === 'admin' || reader.readBelow;
}

/**
 * How `reader` may see `orgId`: `own` (their org, with their role), `below` (read-only, as a
 * county viewer sees it), or null — not at all (the API answers 404, as if it did not exist).
 */
export function readAccess(orgs: readonly OrgRow[], reader: Reader, orgId: string): 'own' | 'below' | null {
  if (orgId === reader.orgId) return 'own';
  if (readsBelow(reader) && isBelow(orgs, orgId, reader.orgId)) return 'below';
  return null;
}

/** May an admin of `adminOrgId` manage `orgId` (create below it, move its users)? Its own org or one below. */
export function manages(orgs: readonly OrgRow[], adminOrgId: string, orgId: string): boolean {
  return orgId === adminOrgId || isBelow(orgs, orgId, adminOrgId);
}
