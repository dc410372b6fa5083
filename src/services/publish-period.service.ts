import { ConflictError, NotFoundError } from '../domain/errors.js';
import { buildPublicContent } from '../domain/publication/build-public-content.js';
import { parsePeriod } from '../domain/reporting/period.js';
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/db-errors.js';
import {
  findPublication,
  savePublication,
  withdrawPublication,
  type PublicationRecord,
} from '../store/publications.repository.js';
import { ensureShortLinks } from '../store/short-links.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { Ledger } from './ledger.service.js';
import { gatherPublication } from './publication-input.js';

/**
 * Publishing a period to the public portal (政务公开) is one action: the whitelisted public view
 * is built from the ledger as of the period's reading date, its short links made, and the row,
 * its history event and its audit entry written in one transaction. Publishing again
 * (republishing) replaces the content and bumps the revision; withdrawing takes the period off
 * the public site at once, keeping its history.
 */

export async function publishPeriod(
  db: Db,
  ledger: Ledger,
  ctx: WriteContext,
  periodText: string,
  opts: { today: string; includeScoreboard: boolean },
): Promise<PublicationRecord> {
  const period = parsePeriod(periodText);
  const draft = await gatherPublication(db, ledger, period, opts);
  const before = await findPublication(db.kysely, ctx.orgId, period);
  try {
    const revision = await db.kysely.transaction().execute(async (trx) => {
      const shortCodes = await ensureShortLinks(
        trx,
        ctx.orgId,
        period,
        draft.items.map((i) => i.itemKey),
        ctx.at,
      );
      const content = buildPublicContent({ ...draft, shortCodes });
      return savePublication(
        trx,
        ctx,
        { period, includeScoreboard: opts.includeScoreboard, asOf: draft.asOf, content },
        before,
      );
    });
    if (revision === null) throw new ConflictError('error.publication_conflict', { period });
  } catch (e) {
    // Two offices' clicks racing to publish the same period for the first time: one wins.
    if (isUniqueViolation(e)) throw new ConflictError('error.publication_conflict', { period });
    throw e;
  }
  return (await findPublication(db.kysely, ctx.orgId, period))!;
}

export async function withdrawPeriod(
  db: Db,
  ctx: WriteContext,
  periodText: string,
): Promise<PublicationRecord> {
  const period = parsePeriod(periodText);
  const before = await findPublication(db.kysely, ctx.orgId, period);
  if (!before) throw new NotFoundError('error.publication_not_found', { period }, { field: 'period' });
  if (before.state !== 'published') {
    throw new ConflictError('error.publication_not_published', { period });
  }
  const revision = await db.kysely.transaction().execute((trx) => withdrawPublication(trx, ctx, before));
  if (revision === null) throw new ConflictError('error.publication_conflict', { period });
  return (await findPublication(db.kysely, ctx.orgId, period))!;
}
