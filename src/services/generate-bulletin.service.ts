import { randomUUID } from 'node:crypto';
import { buildBulletin } from '../domain/bulletin/build-bulletin.js';
import type { BulletinContent } from '../domain/bulletin/types.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { parsePeriod, type Period } from '../domain/reporting/period.js';
import type { Locale } from '../i18n/index.js';
import type { CreateBulletinBody, PatchBulletinBody } from '../shared/api/bulletins.js';
import {
  findBulletin,
  insertDraft,
  lastLayout,
  latestOfPeriod,
  updateDraft,
  type BulletinRecord,
  type DraftPatch,
} from '../store/bulletins.repository.js';
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/db-errors.js';
import type { WriteContext } from '../store/write-context.js';
import { bulletinInput } from './bulletin-input.js';
import type { Ledger } from './ledger.service.js';
import type { Clock } from './snapshots.service.js';
import { testPausePoint } from './test-pause-point.js';

/**
 * The period's bulletin draft (POST /api/bulletins, `reform-ledger bulletin`). A period has at
 * most one draft. Its content is fixed when it is first made: asking again returns the same
 * draft, and a new draft after a publication starts from the published content, so the same
 * period always gives the same bulletin. Only `refresh` computes the content again — from the
 * period's kept snapshot and whatever reports have been approved since.
 */
export async function generateBulletin(
  db: Db,
  ledger: Ledger,
  ctx: WriteContext,
  body: CreateBulletinBody,
  clock: Clock,
  locale: Locale,
): Promise<BulletinRecord> {
  const period = parsePeriod(body.period);
  const draft = await latestOfPeriod(db.kysely, ctx.orgId, period, 'draft');
  const layout = layoutPatch(body);
  if (draft && !body.refresh) return patchDraft(db, ctx, draft, layout);

  const published = body.refresh ? null : await latestOfPeriod(db.kysely, ctx.orgId, period, 'published');
  const content = published?.content ?? (await computeBulletin(db, ledger, period, clock, locale));
  if (draft) return patchDraft(db, ctx, draft, { ...layout, content });

  const last = await lastLayout(db.kysely, ctx.orgId);
  const id = randomUUID();
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await insertDraft(trx, ctx, {
        id,
        period,
        opening: layout.opening ?? published?.opening ?? null,
        redHead: layout.redHead ?? last?.redHead ?? false,
        issuer: layout.issuer ?? last?.issuer ?? null,
        content,
      });
      await testPausePoint('bulletin.draft-written');
    });
  } catch (e) {
    // Another request made the period's draft first: that one is the draft.
    if (!isUniqueViolation(e)) throw e;
    const theirs = await latestOfPeriod(db.kysely, ctx.orgId, period, 'draft');
    if (!theirs) throw e;
    return patchDraft(db, ctx, theirs, layout);
  }
  return (await findBulletin(db.kysely, ctx.orgId, id))!;
}

/** The content of a period's bulletin as the data stands now (no storage: the CLI's --dry-run, tests). */
export async function computeBulletin(
  db: Db,
  ledger: Ledger,
  period: Period,
  clock: Clock,
  locale: Locale,
): Promise<BulletinContent> {
  return buildBulletin(await bulletinInput(db, ledger, period, clock, locale));
}

/** PATCH /api/bulletins/:id: a draft's opening and layout. */
export async function editBulletin(
  db: Db,
  ctx: WriteContext,
  id: string,
  body: PatchBulletinBody,
): Promise<BulletinRecord> {
  const b = await findBulletin(db.kysely, ctx.orgId, id);
  if (!b) throw new NotFoundError('error.bulletin_not_found', { id });
  return patchDraft(db, ctx, b, layoutPatch(body));
}

async function patchDraft(
  db: Db,
  ctx: WriteContext,
  b: BulletinRecord,
  patch: DraftPatch,
): Promise<BulletinRecord> {
  if (b.status !== 'draft') throw new ConflictError('error.bulletin_published', { id: b.id });
  if (Object.keys(patch).length === 0) return b;
  const ok = await db.kysely.transaction().execute((trx) => updateDraft(trx, ctx, b, patch));
  if (!ok) throw new ConflictError('error.bulletin_published', { id: b.id });
  return (await findBulletin(db.kysely, ctx.orgId, b.id))!;
}

/** Only what the body names: an absent field leaves the draft as it is; a blank opening resets it. */
function layoutPatch(body: PatchBulletinBody): DraftPatch {
  const patch: DraftPatch = {};
  if (body.opening !== undefined) patch.opening = body.opening?.trim() ? body.opening.trim() : null;
  if (body.redHead !== undefined) patch.redHead = body.redHead;
  if (body.issuer !== undefined) patch.issuer = body.issuer?.trim() ? body.issuer.trim() : null;
  return patch;
}
