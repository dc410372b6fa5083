import { createHash, randomUUID } from 'node:crypto';
import { NotFoundError } from '../domain/errors.js';
import { diffPlans, type PlanDiff } from '../domain/plan-diff.js';
import type { Item, Plan } from '../domain/plan.js';
import type { Locale } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import {
  deleteExpiredPreviews,
  deletePreview,
  getPreview,
  insertPreview,
} from '../store/import-previews.repository.js';
import { loadItems } from '../store/items.repository.js';
import { reextractCorrected } from '../domain/reextract.js';
import { getOrg } from '../store/orgs.repository.js';
import { currentVersion, findPlanByTitle } from '../store/plans.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { DiffSummary, ImportConfirm, ImportPreview } from '../shared/api/imports.js';
import { importPlan } from './import-plan.service.js';
import { parseDocumentBytes } from './parse-document.service.js';
import { findingsAfterCorrection } from './correct-findings.js';

/**
 * Import through the web app in two steps: upload → preview (the parsed plan and its diff against
 * the current version, kept in the database under an id), then confirm (optionally with
 * corrected items) → a new version via importPlan, or discard. Every step is audited.
 */

/** How long an unconfirmed preview is kept. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;

export interface ImportActor extends WriteContext {
  userId: string;
  locale: Locale;
}

export async function previewImport(
  db: Db,
  actor: ImportActor,
  upload: { bytes: Uint8Array; fileName: string; maxBytes: number },
): Promise<ImportPreview> {
  // Parsing throws InputError for anything that is not a readable plan (type decided by content).
  const parsed = await parseDocumentBytes(upload.bytes, upload.fileName, {
    locale: actor.locale,
    maxBytes: upload.maxBytes,
  });
  const { plan, file } = parsed;
  const current = await currentItems(db, actor.orgId, plan.title);
  const id = randomUUID();
  const expiresAt = new Date(Date.parse(actor.at) + PREVIEW_TTL_MS).toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await deleteExpiredPreviews(trx, actor.orgId, actor.at);
    await insertPreview(trx, actor, {
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: actor.at,
      expiresAt,
      file,
      plan,
    });
  });
  return {
    id,
    file,
    plan,
    currentVersion: current?.version ?? null,
    diff: summarize(diffPlans(current?.items ?? [], plan.items)),
    findings: plan.findings,
    expiresAt,
  };
}

export async function confirmImport(
  db: Db,
  actor: ImportActor,
  id: string,
  corrected?: Item[],
): Promise<ImportConfirm> {
  const preview = await getPreview(db.kysely, actor.orgId, id, actor.at);
  if (!preview) throw new NotFoundError('error.import_not_found', { id }, { field: 'id' });
  const org = (await getOrg(db.kysely, actor.orgId))!;
  const parsedByNumber = new Map(preview.plan.items.map((i) => [i.number, i]));
  const items = corrected?.map((c) => {
    const parsed = parsedByNumber.get(c.number);
    return parsed ? reextractCorrected(parsed, c, preview.plan.year) : c;
  });
  const plan: Plan = items
    ? { ...preview.plan, items, findings: findingsAfterCorrection(preview.plan, items, actor.locale) }
    : preview.plan;
  // A corrected plan is not the uploaded file: hash what is stored, so it is not taken for the
  // unchanged current version, and the version records that it was edited.
  const sha256 = corrected
    ? createHash('sha256').update(preview.file.sha256).update(JSON.stringify(items)).digest('hex')
    : preview.file.sha256;
  const result = await importPlan(db, {
    plan,
    org: org.name,
    file: { name: preview.file.name, format: preview.file.format, sha256 },
    actor: actor.actor,
    now: new Date(actor.at),
  });
  await db.kysely.transaction().execute((trx) => deletePreview(trx, actor, id, 'confirmed'));
  return {
    status: result.status === 'unchanged' ? 'unchanged' : 'imported',
    version: result.version,
    diff: summarize(result.diff),
  };
}

export async function discardImport(db: Db, actor: ImportActor, id: string): Promise<void> {
  const deleted = await db.kysely.transaction().execute((trx) => deletePreview(trx, actor, id, 'discarded'));
  if (!deleted) throw new NotFoundError('error.import_not_found', { id }, { field: 'id' });
}

async function currentItems(
  db: Db,
  orgId: string,
  title: string,
): Promise<{ version: number; items: Item[] } | null> {
  const plan = await findPlanByTitle(db.kysely, orgId, title);
  const version = plan ? await currentVersion(db.kysely, orgId, plan.id) : null;
  if (!version) return null;
  return {
    version: version.version,
    items: (await loadItems(db.kysely, orgId, version.id)).map((s) => s.item),
  };
}

export function summarize(diff: PlanDiff): DiffSummary {
  const ref = (i: Item) => ({ number: i.number, title: i.title });
  return {
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    changed: diff.changed.map((c) => ({ ...ref(c.after), fields: c.fields })),
    unchanged: diff.unchanged,
  };
}
