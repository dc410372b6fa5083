import { randomUUID } from 'node:crypto';
import type { Item, MilestoneSource, Plan, TargetOp, UnitRole } from '../domain/plan.js';
import type { Executor } from './database.js';
import type { ItemUnitsTable, ItemsTable, MilestonesTable, TargetsTable } from './schema.js';
import { appendAudit } from './audit.repository.js';
import { loadFindings } from './findings.repository.js';
import { getVersion } from './plans.repository.js';
import { chunks, fromJson, toJson, type WriteContext } from './write-context.js';
import { searchTextOf } from './search-text.js';

/**
 * Items of a plan version with their milestones, targets and unit links. A version's items are
 * written once and never updated: a re-import writes a new version, and `item_key` ties an item
 * to its predecessors.
 */

export interface StoredItem {
  id: string;
  itemKey: string;
  item: Item;
}

export interface NewItem {
  item: Item;
  /** The predecessor's key when the item was matched to one; a new key otherwise. */
  itemKey: string;
}

export async function insertItems(
  exec: Executor,
  ctx: WriteContext,
  where: { planId: string; versionId: string },
  items: NewItem[],
  /** Unit id by canonical name (from upsertUnits). */
  unitIds: ReadonlyMap<string, string>,
): Promise<StoredItem[]> {
  const org_id = ctx.orgId;
  const itemRows: ItemsTable[] = [];
  const milestoneRows: MilestonesTable[] = [];
  const targetRows: TargetsTable[] = [];
  const unitRows: ItemUnitsTable[] = [];
  const stored: StoredItem[] = [];

  items.forEach(({ item, itemKey }, position) => {
    const id = randomUUID();
    stored.push({ id, itemKey, item });
    itemRows.push({
      org_id,
      id,
      plan_id: where.planId,
      version_id: where.versionId,
      item_key: itemKey,
      position,
      number: item.number,
      number_text: item.numberText,
      number_inferred: item.numberInferred ? 1 : 0,
      key: item.key ? 1 : 0,
      title: item.title,
      goals_text: item.goalsText,
      measures: JSON.stringify(item.measures),
      achievements: JSON.stringify(item.achievements),
      extra: toJson(item.extra),
      section: item.section ?? null,
      source_row: toJson(item.sourceRow),
      search_text: searchTextOf({
        ...item,
        unitNames: item.units.flatMap((u) => [u.name, u.canonical]),
      }),
    });
    // Field by field, not spread: a Plan parsed from JSON may carry keys that are not columns.
    item.milestones.forEach((m, i) =>
      milestoneRows.push({
        org_id,
        id: randomUUID(),
        item_id: id,
        position: i,
        deadline: m.deadline,
        text: m.text,
        source: m.source,
        phrase: m.phrase,
      }),
    );
    item.targets.forEach((t, i) =>
      targetRows.push({
        org_id,
        id: randomUUID(),
        item_id: id,
        position: i,
        metric: t.metric,
        op: t.op,
        value: t.value,
        unit: t.unit,
        deadline: t.deadline,
        text: t.text,
        source: t.source,
      }),
    );
    item.units.forEach((u, i) => {
      const unitId = unitIds.get(u.canonical);
      if (unitId === undefined) throw new Error(`unit "${u.canonical}" was not upserted before its item`);
      unitRows.push({
        org_id,
        item_id: id,
        position: i,
        unit_id: unitId,
        role: u.role,
        name: u.name,
        label: u.label ?? null,
      });
    });
  });

  // Parents before children: the foreign keys are checked per statement.
  for (const part of chunks(itemRows)) await exec.insertInto('items').values(part).execute();
  for (const part of chunks(milestoneRows)) await exec.insertInto('milestones').values(part).execute();
  for (const part of chunks(targetRows)) await exec.insertInto('targets').values(part).execute();
  for (const part of chunks(unitRows)) await exec.insertInto('item_units').values(part).execute();
  await appendAudit(
    exec,
    ctx,
    stored.map((s) => ({
      action: 'create' as const,
      entity: 'item',
      entityId: s.id,
      after: { versionId: where.versionId, itemKey: s.itemKey, number: s.item.number, title: s.item.title },
    })),
  );
  return stored;
}

/** A version's items in document order, each complete with its children. */
export async function loadItems(exec: Executor, orgId: string, versionId: string): Promise<StoredItem[]> {
  const rows = await exec
    .selectFrom('items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return [];
  // One query per child table for the whole version, not one per item.
  const ofVersion = exec
    .selectFrom('items')
    .select('id')
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId);
  const milestones = await exec
    .selectFrom('milestones')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('item_id', 'in', ofVersion)
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  const targets = await exec
    .selectFrom('targets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('item_id', 'in', ofVersion)
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  const units = await exec
    .selectFrom('item_units')
    .innerJoin('units', (j) =>
      j.onRef('units.org_id', '=', 'item_units.org_id').onRef('units.id', '=', 'item_units.unit_id'),
    )
    .select([
      'item_units.item_id',
      'item_units.name',
      'item_units.role',
      'item_units.label',
      'units.name as canonical',
      'units.type',
    ])
    .where('item_units.org_id', '=', orgId)
    .where('item_units.item_id', 'in', ofVersion)
    .orderBy('item_units.item_id')
    .orderBy('item_units.position')
    .execute();

  const ms = groupBy(milestones, (m) => m.item_id);
  const ts = groupBy(targets, (t) => t.item_id);
  const us = groupBy(units, (u) => u.item_id);
  return rows.map((r) => ({ id: r.id, itemKey: r.item_key, item: toItem(r, ms, ts, us) }));
}

/** units.type of a collective (各乡镇（街道）…): kept apart from the departments. */
const COLLECTIVE = 'collective';

function toItem(
  r: ItemsTable,
  ms: Map<string, MilestonesTable[]>,
  ts: Map<string, TargetsTable[]>,
  us: Map<
    string,
    { name: string; role: string; canonical: string; label: string | null; type: string | null }[]
  >,
): Item {
  const item: Item = {
    number: r.number === null ? null : Number(r.number),
    numberText: r.number_text,
    numberInferred: Number(r.number_inferred) === 1,
    key: Number(r.key) === 1,
    title: r.title,
    measures: JSON.parse(r.measures) as string[],
    goalsText: r.goals_text,
    milestones: (ms.get(r.id) ?? []).map((m) => ({
      deadline: m.deadline,
      text: m.text,
      source: m.source as MilestoneSource,
      phrase: m.phrase,
    })),
    targets: (ts.get(r.id) ?? []).map((t) => ({
      metric: t.metric,
      op: t.op as TargetOp,
      value: t.value === null ? null : Number(t.value),
      unit: t.unit,
      deadline: t.deadline,
      text: t.text,
      source: t.source as MilestoneSource,
    })),
    achievements: JSON.parse(r.achievements) as string[],
    units: (us.get(r.id) ?? []).map((u) => ({
      name: u.name,
      canonical: u.canonical,
      role: u.role as UnitRole,
      ...(u.label !== null ? { label: u.label } : {}),
      ...(u.type === COLLECTIVE ? { collective: true } : {}),
    })),
  };
  // Optional fields only when present, so a loaded item equals the imported one field for field.
  const extra = fromJson<Item['extra']>(r.extra);
  if (extra !== undefined) item.extra = extra;
  if (r.section !== null) item.section = r.section;
  const sourceRow = fromJson<Item['sourceRow']>(r.source_row);
  if (sourceRow !== undefined) item.sourceRow = sourceRow;
  return item;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** A stored version as the Plan it was imported from (null when the version does not exist). */
export async function loadPlan(exec: Executor, orgId: string, versionId: string): Promise<Plan | null> {
  const version = await getVersion(exec, orgId, versionId);
  if (!version) return null;
  const plan: Plan = {
    title: version.title,
    year: version.year,
    items: (await loadItems(exec, orgId, versionId)).map((s) => s.item),
    findings: await loadFindings(exec, orgId, versionId),
  };
  if (version.columns !== undefined) plan.columns = version.columns;
  if (version.source !== undefined) plan.source = version.source;
  return plan;
}
