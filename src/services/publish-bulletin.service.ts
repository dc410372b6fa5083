import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { findBulletin, publishDraft, type BulletinRecord } from '../store/bulletins.repository.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/write-context.js';
import { writeBulletinDocx } from '../writers/bulletin-docx.js';
import { testPausePoint } from './test-pause-point.js';

/**
 * POST /api/bulletins/:id/publish: the draft's document is drawn once more, stored with the
 * bulletin and the bulletin numbered within its period; from then on it never changes and every
 * signed-in user can download it. Audited.
 */
export async function publishBulletin(
  db: Db,
  ctx: WriteContext,
  id: string,
  today: string,
): Promise<{ bulletin: BulletinRecord; warnings: string[] }> {
  const b = await findBulletin(db.kysely, ctx.orgId, id);
  if (!b) throw new NotFoundError('error.bulletin_not_found', { id });
  if (b.status !== 'draft') throw new ConflictError('error.bulletin_published', { id });
  // Drawn outside the transaction: the charts take a few hundred milliseconds, no lock needs to wait.
  const { bytes, warnings } = await renderBulletin(b, today);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const seq = await db.kysely.transaction().execute(async (trx) => {
    const published = await publishDraft(trx, ctx, b, {
      base64: Buffer.from(bytes).toString('base64'),
      sha256,
    });
    await testPausePoint('bulletin.publish-written');
    return published;
  });
  if (seq === null) throw new ConflictError('error.bulletin_published', { id });
  return { bulletin: (await findBulletin(db.kysely, ctx.orgId, id))!, warnings };
}

/** The document of a bulletin as its settings are now, issued on `issuedOn`. */
export function renderBulletin(b: BulletinRecord, issuedOn: string) {
  return writeBulletinDocx(b.content, {
    opening: b.opening,
    redHead: b.redHead,
    issuer: b.issuer,
    issuedOn,
  });
}
