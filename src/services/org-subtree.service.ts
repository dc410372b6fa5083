import { subtree, type TreeEntry } from '../domain/org-tree.js';
import type { OrgRefDto } from '../shared/api/orgs.js';
import type { Db } from '../store/database.js';
import { listAllOrgs, subtreeRevisions, type OrgRecord } from '../store/org-tree.repository.js';
import { loadLedger, type Ledger, type LedgerCache } from './ledger.service.js';

/**
 * An org and everything below it, with each org's ledger, for the roll-up views. The ledgers
 * come from the same cache the org's own pages use (one per org, keyed by its plan version and
 * settings revision), so a county's numbers in a roll-up are the very ones of its dashboard.
 *
 * `key` changes whenever anything a roll-up shows may change: an org added, renamed or moved in
 * the subtree, a new plan version, any settings or report change (each bumps the org's revision).
 * One query answers it for the whole subtree, so a cached roll-up costs two small queries.
 */

export interface RollupContext {
  db: Db;
  ledgerCache: LedgerCache;
  timeZone: string;
}

/** The org a roll-up starts from, and whether the caller may see below it. */
export interface RollupRoot {
  orgId: string;
  below: boolean;
}

export interface Subtree {
  root: OrgRecord;
  /** The root first, then depth first, siblings by name (domain/org-tree.ts subtree). */
  entries: TreeEntry<OrgRecord>[];
  key: string;
}

/**
 * `below` false: the root alone — a caller without the read-below grant rolls up only their own
 * org (the orgs below are not theirs to see).
 */
export async function subtreeOf(ctx: RollupContext, root: RollupRoot): Promise<Subtree | null> {
  const entries = subtree(await listAllOrgs(ctx.db.kysely), root.orgId).filter(
    (e) => root.below || e.depth === 0,
  );
  if (entries.length === 0) return null;
  const revisions = await subtreeRevisions(
    ctx.db.kysely,
    entries.map((e) => e.org.id),
  );
  const shape = entries
    .map((e) => `${e.org.id}/${e.org.parentId ?? ''}/${e.org.type}/${e.org.name}`)
    .join('|');
  return { root: entries[0]!.org, entries, key: `${shape}#${revisions}#${ctx.timeZone}#${root.below}` };
}

/** Ledgers loaded a few at a time: PostgreSQL serves them in parallel, SQLite one by one anyway. */
const PARALLEL = 4;

export async function ledgersOf(ctx: RollupContext, orgIds: readonly string[]): Promise<Map<string, Ledger>> {
  const out = new Map<string, Ledger>();
  for (let i = 0; i < orgIds.length; i += PARALLEL) {
    const part = orgIds.slice(i, i + PARALLEL);
    const loaded = await Promise.all(part.map((id) => loadLedger(ctx.db, ctx.ledgerCache, id, ctx.timeZone)));
    part.forEach((id, k) => out.set(id, loaded[k]!));
  }
  return out;
}

export function orgRef(org: OrgRecord): OrgRefDto {
  return { id: org.id, name: org.name, type: org.type };
}

/**
 * Results kept per key, least recently used dropped: a few roots × a few dates × a few views.
 * What is kept is the promise: requests arriving while a roll-up is being computed wait for that
 * one computation instead of each starting their own (a cold province is seconds of work).
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max = 64) {}

  /** The kept result for `key`, or `compute()`'s, kept unless it fails. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = compute();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }
}

/**
 * Lets other requests run between two orgs' worth of work: a roll-up computes for every org
 * below, and must not hold the event loop for all of them at once.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One cache per app (per ledger cache), without a field in the server context. */
export function cacheFor<T>(
  store: WeakMap<LedgerCache, ResultCache<T>>,
  ledgerCache: LedgerCache,
): ResultCache<T> {
  let cache = store.get(ledgerCache);
  if (!cache) {
    cache = new ResultCache<T>();
    store.set(ledgerCache, cache);
  }
  return cache;
}
