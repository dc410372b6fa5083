import { planEvidenceSweep, type SweepPlan } from '../domain/reporting/evidence-sweep.js';
import { ValidationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { recordedMigrations } from '../store/database-check.repository.js';
import { referencedEvidenceHashes } from '../store/evidence.repository.js';
import { migrations } from '../store/migrations/index.js';
import { listAllOrgs } from '../store/org-tree.repository.js';
import {
  listStoreFiles,
  removeLeftover,
  removeUnlessReused,
  restoreSwept,
  type LocalEvidenceStore,
  type StoreFile,
} from './evidence-store.js';

export interface EvidenceGcInput {
  db: Db;
  store: LocalEvidenceStore;
  now: Date;
  /** Files written or reused more recently than this are left alone (uploads in flight). */
  minAgeMinutes: number;
  /** False: only say what would go. */
  apply: boolean;
}

export interface EvidenceGcOutcome {
  plan: SweepPlan<StoreFile>;
  /** With apply: what was removed (the plan's `remove`, less what turned out reused or gone). */
  removed: StoreFile[];
  /** With apply: blobs a put reused while the sweep ran, so kept. */
  reused: StoreFile[];
  /** With apply: swept files put back because a row names them. */
  restored: StoreFile[];
}

/**
 * `reform-ledger evidence gc`: removes the blobs no evidence row names (after a removal, or a
 * failed attach), and the leftovers of crashed writes. Safe while the server runs: see
 * planEvidenceSweep for the grace period and removeUnlessReused for a put that reuses a blob
 * while it is being removed.
 */
export async function collectEvidenceGarbage(input: EvidenceGcInput): Promise<EvidenceGcOutcome> {
  await refuseForeignDatabase(input.db);
  const cutoff = new Date(input.now.getTime() - input.minAgeMinutes * 60_000);
  // The files first, then the rows: a row committed after this query was for a blob put (written
  // or marked reused) after the listing started, which the listing or removeUnlessReused sees as
  // recent. Reading the rows first would let a row committed in between lose its blob.
  const files = await listStoreFiles(input.store);
  const referenced = await referencedEvidenceHashes(input.db.kysely);
  const plan = planEvidenceSweep(files, referenced, cutoff);
  const outcome: EvidenceGcOutcome = { plan, removed: [], reused: [], restored: [] };
  if (!input.apply) return outcome;

  for (const file of plan.restore) {
    await restoreSwept(input.store, file);
    outcome.restored.push(file);
  }
  for (const file of plan.remove) {
    if (file.kind !== 'blob') {
      await removeLeftover(file);
      outcome.removed.push(file);
      continue;
    }
    const result = await removeUnlessReused(input.store, file.sha256, cutoff);
    if (result === 'removed') outcome.removed.push(file);
    else if (result === 'reused') outcome.reused.push(file);
  }
  return outcome;
}

/**
 * Against an empty or half-migrated database every blob would look unreferenced: a DATA_DIR or
 * DATABASE_URL pointing at the wrong database must not empty the evidence store.
 */
async function refuseForeignDatabase(db: Db): Promise<void> {
  const recorded = await recordedMigrations(db);
  const missing = Object.keys(migrations).filter((m) => !recorded.includes(m));
  if (missing.length > 0) {
    throw new ValidationError('error.evidence_gc_not_migrated', { missing: missing.join(', ') });
  }
  if ((await listAllOrgs(db.kysely)).length === 0) throw new ValidationError('error.evidence_gc_no_orgs');
}
