import { randomUUID } from 'node:crypto';
import type { Executor } from './database.js';
import { appendAudit, type AuditEntry } from './audit.repository.js';
import { chunks, type WriteContext } from './write-context.js';

/**
 * Units (责任单位) are per org and outlive plans: the same 县农业农村局 leads items in this year's
 * and next year's plan, and reports and the scoreboard hang off it. A name is resolved first as a
 * canonical name, then as an alias, so the org's registry (which an admin may curate) wins over
 * how a particular document spelled it.
 */

export interface UnitRecord {
  id: string;
  name: string;
  type: string | null;
  aliases: string[];
}

export interface UnitSpelling {
  /** The canonical name the importer settled on. */
  canonical: string;
  /** Other spellings seen for it (the canonical itself may be among them). */
  aliases: string[];
  /** 各乡镇（街道）, 区直各部门 …: stored with type "collective", not as a department. */
  collective?: boolean;
}

/** Sorted by code point in JS: SQLite and PostgreSQL collate Chinese differently. */
export async function listUnits(exec: Executor, orgId: string): Promise<UnitRecord[]> {
  const units = await exec.selectFrom('units').selectAll().where('org_id', '=', orgId).execute();
  const aliases = await exec.selectFrom('unit_aliases').selectAll().where('org_id', '=', orgId).execute();
  return units
    .map((u) => ({
      id: u.id,
      name: u.name,
      type: u.type,
      aliases: aliases
        .filter((a) => a.unit_id === u.id)
        .map((a) => a.alias)
        .sort(byCodePoint),
    }))
    .sort((a, b) => byCodePoint(a.name, b.name));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The unit a name (canonical or alias) stands for in this org. */
export async function findUnit(exec: Executor, orgId: string, name: string): Promise<UnitRecord | null> {
  const all = await listUnits(exec, orgId);
  return all.find((u) => u.name === name) ?? all.find((u) => u.aliases.includes(name)) ?? null;
}

/**
 * Makes sure each spelling has a unit and its aliases are recorded; returns unit ids keyed by the
 * given canonical name. An alias already taken (by this or another unit) or equal to another
 * unit's canonical name is left as it is: the first mapping wins and later documents don't
 * silently move it.
 */
export async function upsertUnits(
  exec: Executor,
  ctx: WriteContext,
  spellings: UnitSpelling[],
): Promise<Map<string, string>> {
  const known = await listUnits(exec, ctx.orgId);
  const byName = new Map(known.map((u) => [u.name, u.id]));
  const byAlias = new Map(known.flatMap((u) => u.aliases.map((a) => [a, u.id] as const)));

  const newUnits: { org_id: string; id: string; name: string; type: string | null; created_at: string }[] =
    [];
  const newAliases: { org_id: string; alias: string; unit_id: string }[] = [];
  const audit: AuditEntry[] = [];
  const result = new Map<string, string>();

  for (const s of spellings) {
    let id = byName.get(s.canonical) ?? byAlias.get(s.canonical);
    if (id === undefined) {
      id = randomUUID();
      byName.set(s.canonical, id);
      newUnits.push({
        org_id: ctx.orgId,
        id,
        name: s.canonical,
        type: s.collective ? 'collective' : null,
        created_at: ctx.at,
      });
      audit.push({ action: 'create', entity: 'unit', entityId: id, after: { name: s.canonical } });
    }
    result.set(s.canonical, id);
    for (const alias of s.aliases) {
      if (byName.has(alias) || byAlias.has(alias)) continue;
      byAlias.set(alias, id);
      newAliases.push({ org_id: ctx.orgId, alias, unit_id: id });
      audit.push({ action: 'create', entity: 'unit_alias', entityId: id, after: { alias } });
    }
  }

  for (const part of chunks(newUnits)) await exec.insertInto('units').values(part).execute();
  for (const part of chunks(newAliases)) await exec.insertInto('unit_aliases').values(part).execute();
  if (audit.length > 0) await appendAudit(exec, ctx, audit);
  return result;
}
