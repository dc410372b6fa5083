import { ConflictError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { appendAudit } from '../store/audit.repository.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { getOrgSettings, setReportingSchedule, setWarningDays } from '../store/org-settings.repository.js';
import { findOrgByName, getOrg } from '../store/orgs.repository.js';
import type { WriteContext } from '../store/write-context.js';
import type { OrgDto, OrgPatchBody } from '../shared/api/org.js';

/** GET and PATCH /org: the organisation's name, its warning window and reporting schedule. */

export async function getOrgView(db: Db, orgId: string): Promise<OrgDto> {
  const org = await getOrg(db.kysely, orgId);
  const settings = await getOrgSettings(db.kysely, orgId);
  return {
    id: orgId,
    name: org?.name ?? '',
    warningDays: settings.warningDays,
    cadence: settings.cadence,
    dueDay: settings.dueDay,
  };
}

export async function patchOrg(db: Db, ctx: WriteContext, body: OrgPatchBody): Promise<OrgDto> {
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const org = (await getOrg(trx, ctx.orgId))!;
      if (body.name !== undefined && body.name !== org.name) {
        const other = await findOrgByName(trx, body.name);
        if (other) throw nameTaken(body.name);
        await trx.updateTable('orgs').set({ name: body.name }).where('id', '=', ctx.orgId).execute();
        await appendAudit(trx, ctx, [
          {
            action: 'update',
            entity: 'org',
            entityId: ctx.orgId,
            before: { name: org.name },
            after: { name: body.name },
          },
        ]);
      }
      if (body.warningDays !== undefined) await setWarningDays(trx, ctx, body.warningDays);
      if (body.cadence !== undefined || body.dueDay !== undefined) {
        await setReportingSchedule(trx, ctx, { cadence: body.cadence, dueDay: body.dueDay });
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(body.name ?? '');
    throw e;
  }
  return getOrgView(db, ctx.orgId);
}

function nameTaken(name: string): ConflictError {
  return new ConflictError('error.org_name_taken', { name }, { field: 'name' });
}
