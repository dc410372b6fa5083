import { randomUUID } from 'node:crypto';
import { diffPlans, type PlanDiff } from '../domain/plan-diff.js';
import type { Plan } from '../domain/plan.js';
import { ConflictError } from '../domain/errors.js';
import type { Db, DialectName, Executor } from '../store/database.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { upsertUnits, type UnitSpelling } from '../store/units.repository.js';
import { getOrCreateOrg, type OrgType } from '../store/orgs.repository.js';
import {
  createPlan,
  createVersion,
  currentVersion,
  findPlanByTitle,
  makeCurrent,
} from '../store/plans.repository.js';
import { insertItems, loadItems } from '../store/items.repository.js';
import { insertFindings } from '../store/findings.repository.js';
import type { WriteContext } from '../store/write-context.js';
import { testPausePoint } from './test-pause-point.js';

export { migrateDatabase } from './migrate-database.service.js';

export interface ImportPlanInput {
  plan: Plan;
  /** The org's name (e.g. 三门县); created on first import. */
  org: string;
  /** Where to create the org when it does not exist yet (issue 9: the tree); default a root county. */
  newOrg?: { type: OrgType; parentId: string | null };
  file: { name: string; format: string; sha256: string };
  /** Compute and validate everything, then roll back: nothing is kept. */
  dryRun?: boolean;
  actor?: string;
  /** The clock, for tests; defaults to now. */
  now?: Date;
}

export type ImportStatus =
  /** A new version was written and made current. */
  | 'imported'
  /** The file is byte-for-byte the plan's current version: nothing was written. */
  | 'unchanged'
  /** Dry run: what `imported` would have done; nothing was kept. */
  | 'dry_run';

export interface ImportResult {
  status: ImportStatus;
  /** Null when the org, plan or version exists only in a dry run that was rolled back. */
  orgId: string | null;
  planId: string | null;
  versionId: string | null;
  /** The version number written (or that would be written, or the current one when unchanged). */
  version: number;
  previousVersion: number | null;
  /** The new plan against the current version (against nothing on a first import). */
  diff: PlanDiff;
  findings: number;
}

const DEFAULT_ACTOR = 'system';

/**
 * Stores a parsed plan as a new version of the org's plan with the same title, in one
 * transaction: either the whole version (items, milestones, targets, units, findings, audit
 * rows, the current-version flip) is written or nothing is.
 */
export async function importPlan(db: Db, input: ImportPlanInput): Promise<ImportResult> {
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const result = await write(trx, input, db.dialect);
      // Dry runs do every write, so constraint violations show up, then undo them all.
      if (input.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result;
    // Nothing in a Plan can collide with a unique key (ids and positions are generated): a
    // collision means another import of the same org or plan committed first.
    if (isUniqueViolation(e)) {
      throw new ConflictError('error.import_conflict', { org: input.org, title: input.plan.title });
    }
    throw e;
  }
}

/** Thrown to roll a dry run back; carries the result out of the transaction. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

async function write(trx: Executor, input: ImportPlanInput, dialect: DialectName): Promise<ImportResult> {
  const { plan, file } = input;
  const actor = input.actor ?? DEFAULT_ACTOR;
  const at = (input.now ?? new Date()).toISOString();
  const dry = input.dryRun === true;

  const { org, created: orgCreated } = await getOrCreateOrg(trx, input.org, { actor, at, ...input.newOrg });
  const ctx: WriteContext = { orgId: org.id, actor, at };
  const existingPlan = await findPlanByTitle(trx, org.id, plan.title, { lock: dialect === 'postgres' });
  const current = existingPlan ? await currentVersion(trx, org.id, existingPlan.id) : null;
  const previous = current ? await loadItems(trx, org.id, current.id) : [];
  const diff = diffPlans(
    previous.map((s) => s.item),
    plan.items,
  );

  if (existingPlan && current && current.sha256 === file.sha256) {
    return {
      status: 'unchanged',
      orgId: org.id,
      planId: existingPlan.id,
      versionId: current.id,
      version: current.version,
      previousVersion: current.version,
      diff,
      findings: plan.findings.length,
    };
  }

  const planRecord = existingPlan ?? (await createPlan(trx, ctx, plan.title));
  const version = await createVersion(trx, ctx, {
    planId: planRecord.id,
    title: plan.title,
    year: plan.year,
    file,
    columns: plan.columns,
    source: plan.source,
    importedBy: input.actor ?? null,
  });

  // Matched items inherit their predecessor's key; that is what keeps reports attached.
  const keyOf = new Map(diff.matches.map(([p, n]) => [n, previous[p]!.itemKey]));
  const unitIds = await upsertUnits(trx, ctx, unitSpellings(plan));
  await insertItems(
    trx,
    ctx,
    { planId: planRecord.id, versionId: version.id },
    plan.items.map((item, n) => ({ item, itemKey: keyOf.get(n) ?? randomUUID() })),
    unitIds,
  );
  await testPausePoint('import.items-written');
  await insertFindings(trx, ctx, version.id, plan.findings);
  await makeCurrent(trx, ctx, planRecord.id, version.id);

  return {
    status: dry ? 'dry_run' : 'imported',
    orgId: dry && orgCreated ? null : org.id,
    planId: dry && !existingPlan ? null : planRecord.id,
    versionId: dry ? null : version.id,
    version: version.version,
    previousVersion: current?.version ?? null,
    diff,
    findings: plan.findings.length,
  };
}

/** Each canonical unit once, with every spelling the plan used for it. */
function unitSpellings(plan: Plan): UnitSpelling[] {
  const byCanonical = new Map<string, { names: Set<string>; collective: boolean }>();
  for (const item of plan.items) {
    for (const u of item.units) {
      const entry = byCanonical.get(u.canonical) ?? { names: new Set<string>(), collective: false };
      if (u.name !== u.canonical) entry.names.add(u.name);
      if (u.collective) entry.collective = true;
      byCanonical.set(u.canonical, entry);
    }
  }
  return [...byCanonical].map(([canonical, e]) => ({
    canonical,
    aliases: [...e.names],
    ...(e.collective ? { collective: true } : {}),
  }));
}
