/**
 * The org tree's pure helpers (no requests, no React): nesting the flat list for the tree
 * controls, finding an org, whether the roll-up is offered. Shared-path imports carry `.js` so the
 * server's type check and tests can import this file too.
 */
import type { OrgNodeDto as OrgNode, OrgTreeDto as OrgTree } from '../../../src/shared/api/orgs.js';

/** The roll-up pages are for a city or the province whose user may read the orgs below. */
export function mayRollUp(tree: OrgTree | undefined): boolean {
  return !!tree && tree.readBelow && (tree.own.type === 'province' || tree.own.type === 'city');
}

/** An org of the tree by id (undefined: not one the user may read). */
export function findOrg(tree: OrgTree | undefined, id: string | null): OrgNode | undefined {
  return id ? tree?.orgs.find((o) => o.id === id) : undefined;
}

export interface OrgTreeNode {
  value: string;
  title: string;
  node: OrgNode;
  children: OrgTreeNode[];
}

/** The flat list (tree order) nested by parentId, for TreeSelect and Tree; roots: the user's own org. */
export function nestOrgs(orgs: readonly OrgNode[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>();
  const roots: OrgTreeNode[] = [];
  for (const o of orgs) byId.set(o.id, { value: o.id, title: o.name, node: o, children: [] });
  for (const o of orgs) {
    const entry = byId.get(o.id)!;
    const parent = o.parentId === null ? undefined : byId.get(o.parentId);
    if (parent && o.depth > 0) parent.children.push(entry);
    else roots.push(entry);
  }
  return roots;
}
