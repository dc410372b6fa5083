import type { Executor } from './database.js';
import { appendAudit } from './audit.repository.js';
import { listUnits, type UnitRecord } from './units.repository.js';
import { moveUsersToUnit } from './users.repository.js';
import { searchTextOf } from './search-text.js';
import type { WriteContext } from './write-context.js';

/**
 * An admin curating the org's unit registry: rename, set the type, merge a duplicate into the
 * unit it duplicates. Names and aliases are one namespace per org (an import resolves a name as
 * either), so a rename or merge keeps the old name as an alias: next year's document that still
 * says 县自然资源规划局 lands on the same unit.
 */

export async function getUnit(exec: Executor, orgId: string, id: string): Promise<UnitRecord | null> {
  return (await listUnits(exec, orgId)).find((u) => u.id === id) ?? null;
}

/** The unit a name or alias belongs to, if any. */
export async function unitNamed(exec: Executor, orgId: string, name: string): Promise<UnitRecord | null> {
  const all = await listUnits(exec, orgId);
  return all.find((u) => u.name === name || u.aliases.includes(name)) ?? null;
}

export async function renameUnit(
  exec: Executor,
  ctx: WriteContext,
  unit: UnitRecord,
  name: string,
): Promise<void> {
  await exec
    .updateTable('units')
    .set({ name })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', unit.id)
    .execute();
  // The new name may have been this unit's alias; the old name becomes one.
  await exec
    .deleteFrom('unit_aliases')
    .where('org_id', '=', ctx.orgId)
    .where('alias', '=', name)
    .where('unit_id', '=', unit.id)
    .execute();
  if (!unit.aliases.includes(unit.name)) {
    await exec
      .insertInto('unit_aliases')
      .values({ org_id: ctx.orgId, alias: unit.name, unit_id: unit.id })
      .execute();
  }
  await refreshSearchText(exec, ctx.orgId, unit.id);
  await appendAudit(exec, ctx, [
    { action: 'update', entity: 'unit', entityId: unit.id, before: { name: unit.name }, after: { name } },
  ]);
}

export async function setUnitType(
  exec: Executor,
  ctx: WriteContext,
  unit: UnitRecord,
  type: string | null,
): Promise<void> {
  await exec
    .updateTable('units')
    .set({ type })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', unit.id)
    .execute();
  await appendAudit(exec, ctx, [
    { action: 'update', entity: 'unit', entityId: unit.id, before: { type: unit.type }, after: { type } },
  ]);
}

/** Moves `from`'s item links, aliases and users to `into`, keeps `from`'s name as an alias, deletes `from`. */
export async function mergeUnit(
  exec: Executor,
  ctx: WriteContext,
  from: UnitRecord,
  into: UnitRecord,
): Promise<void> {
  const org = ctx.orgId;
  await exec
    .updateTable('item_units')
    .set({ unit_id: into.id })
    .where('org_id', '=', org)
    .where('unit_id', '=', from.id)
    .execute();
  await exec
    .updateTable('unit_aliases')
    .set({ unit_id: into.id })
    .where('org_id', '=', org)
    .where('unit_id', '=', from.id)
    .execute();
  await moveUsersToUnit(exec, ctx, from.id, into.id);
  await exec.deleteFrom('units').where('org_id', '=', org).where('id', '=', from.id).execute();
  // After the delete: the alias table's key is the name, and it must not shadow a live unit name.
  if (!from.aliases.includes(from.name)) {
    await exec
      .insertInto('unit_aliases')
      .values({ org_id: org, alias: from.name, unit_id: into.id })
      .execute();
  }
  await refreshSearchText(exec, org, into.id);
  await appendAudit(exec, ctx, [
    {
      action: 'delete',
      entity: 'unit',
      entityId: from.id,
      before: { name: from.name, aliases: from.aliases },
      after: { mergedInto: into.id },
    },
    {
      action: 'update',
      entity: 'unit',
      entityId: into.id,
      before: { aliases: into.aliases },
      after: { aliases: [...new Set([...into.aliases, from.name, ...from.aliases])].sort() },
    },
  ]);
}

/** Unit names are part of an item's search text: rebuild it for every item linked to the unit. */
async function refreshSearchText(exec: Executor, orgId: string, unitId: string): Promise<void> {
  const linked = exec
    .selectFrom('item_units')
    .select('item_id')
    .where('org_id', '=', orgId)
    .where('unit_id', '=', unitId);
  const items = await exec
    .selectFrom('items')
    .select(['id', 'title', 'goals_text', 'measures', 'achievements'])
    .where('org_id', '=', orgId)
    .where('id', 'in', linked)
    .execute();
  if (items.length === 0) return;
  const names = await exec
    .selectFrom('item_units')
    .innerJoin('units', (j) =>
      j.onRef('units.org_id', '=', 'item_units.org_id').onRef('units.id', '=', 'item_units.unit_id'),
    )
    .select(['item_units.item_id', 'item_units.name', 'units.name as canonical'])
    .where('item_units.org_id', '=', orgId)
    .where('item_units.item_id', 'in', linked)
    .execute();
  for (const item of items) {
    const unitNames = names.filter((n) => n.item_id === item.id).flatMap((n) => [n.name, n.canonical]);
    const text = searchTextOf({
      title: item.title,
      goalsText: item.goals_text,
      measures: JSON.parse(item.measures) as string[],
      achievements: JSON.parse(item.achievements) as string[],
      unitNames,
    });
    await exec
      .updateTable('items')
      .set({ search_text: text })
      .where('org_id', '=', orgId)
      .where('id', '=', item.id)
      .execute();
  }
}
