import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Db, Executor } from '../store/database.js';
import { bumpRevision } from '../store/org-settings.repository.js';
import { getUnit, mergeUnit, renameUnit, setUnitType, unitNamed } from '../store/unit-admin.repository.js';
import type { UnitRecord } from '../store/units.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { UnitMergeBody, UnitPatchBody } from '../shared/api/units.js';

/** PATCH /units/:id and POST /units/:id/merge: an admin curating the unit registry. */

export async function patchUnit(db: Db, ctx: WriteContext, id: string, body: UnitPatchBody): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const unit = await mustGet(trx, ctx.orgId, id);
    if (body.name !== undefined && body.name !== unit.name) {
      const holder = await unitNamed(trx, ctx.orgId, body.name);
      if (holder && holder.id !== unit.id) {
        throw new ConflictError('error.unit_name_taken', { name: body.name }, { field: 'name' });
      }
      await renameUnit(trx, ctx, unit, body.name);
    }
    if (body.type !== undefined && body.type !== unit.type) await setUnitType(trx, ctx, unit, body.type);
    await bumpRevision(trx, ctx);
  });
}

export async function mergeUnits(
  db: Db,
  ctx: WriteContext,
  id: string,
  body: UnitMergeBody,
): Promise<string> {
  if (body.into === id) throw new ValidationError('error.merge_into_self', {}, { field: 'into' });
  await db.kysely.transaction().execute(async (trx) => {
    const from = await mustGet(trx, ctx.orgId, id);
    const into = await mustGet(trx, ctx.orgId, body.into, 'into');
    await mergeUnit(trx, ctx, from, into);
    await bumpRevision(trx, ctx);
  });
  return body.into;
}

async function mustGet(exec: Executor, orgId: string, id: string, field = 'id'): Promise<UnitRecord> {
  const unit = await getUnit(exec, orgId, id);
  if (!unit) throw new NotFoundError('error.unit_not_found', { id }, { field });
  return unit;
}
