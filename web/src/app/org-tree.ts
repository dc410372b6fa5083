/**
 * The org tree as the signed-in user sees it (GET /api/orgs): their own org and, with the
 * read-below grant, every org below. Asked once per user and shared by the header's switcher, the
 * menu (roll-up entry), OrgScope and the admin tab; `refreshOrgTree` after a change.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import type { OrgTree } from '../api/types';

let cache: { userId: string; promise: Promise<OrgTree> } | null = null;
let version = 0;
const listeners = new Set<() => void>();

function load(userId: string): Promise<OrgTree> {
  if (cache?.userId !== userId) {
    const promise = api.get<OrgTree>('/orgs', undefined, { quiet: true });
    cache = { userId, promise };
    promise.catch(() => {
      if (cache?.promise === promise) cache = null;
    });
  }
  return cache.promise;
}

/** Forget the tree (an org was created, a user moved): every user of the hook asks again. */
export function refreshOrgTree(): void {
  cache = null;
  version += 1;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export interface OrgTreeState {
  tree: OrgTree | undefined;
  error: Error | undefined;
}

/** The tree of `userId` (undefined while it loads, or without a user). */
export function useOrgTree(userId: string | undefined): OrgTreeState {
  const v = useSyncExternalStore(subscribe, () => version);
  const [state, setState] = useState<OrgTreeState & { key: string }>({
    tree: undefined,
    error: undefined,
    key: '',
  });
  const key = `${userId}|${v}`;
  useEffect(() => {
    if (userId === undefined) return;
    let live = true;
    load(userId).then(
      (tree) => live && setState({ tree, error: undefined, key }),
      (error: Error) => live && setState({ tree: undefined, error, key }),
    );
    return () => {
      live = false;
    };
  }, [userId, key]);
  // A refresh keeps showing the previous tree until the new one is in (no flash of "loading").
  return { tree: state.tree, error: state.key === key ? state.error : undefined };
}

export { findOrg, mayRollUp, nestOrgs, type OrgTreeNode } from './org-tree-data';
