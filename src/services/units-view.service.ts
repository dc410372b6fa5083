import { NotFoundError } from '../domain/errors.js';
import type { NextDeadlineDto } from '../shared/api/common.js';
import type { UnitDetail, UnitDto, UnitGraph } from '../shared/api/units.js';
import { UNIT_TYPES } from '../shared/api/units.js';
import type { UnitRecord } from '../store/units.repository.js';
import type { Ledger } from './ledger.service.js';
import { rateItems, toItemSummary, type RatedItem } from './item-summary.js';

/** GET /units, /units/graph, /units/:id: the unit registry seen through the current plan. */

export function listUnitsView(ledger: Ledger, asOf: string): UnitDto[] {
  const rated = rateItems(ledger, asOf);
  return ledger.units.map((u) => toUnitDto(u, rated));
}

export function unitDetail(ledger: Ledger, id: string, asOf: string): UnitDetail {
  const unit = ledger.unitById.get(id);
  if (!unit) throw new NotFoundError('error.unit_not_found', { id }, { field: 'id' });
  const rated = rateItems(ledger, asOf);
  const lead = rated.filter((r) => roleOf(r, id) === 'lead');
  const co = rated.filter((r) => roleOf(r, id) === 'co');
  const nextDeadlines = lead
    .flatMap(({ entry, rating }) =>
      entry.item.milestones.flatMap((m, i) => {
        const status = rating.milestones[i]!.status;
        if (status === 'done' || m.deadline < asOf) return [];
        return [
          { number: entry.item.number, title: entry.item.title, deadline: m.deadline, text: m.text, status },
        ];
      }),
    )
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  return {
    unit: toUnitDto(unit, rated),
    lead: lead.map(toItemSummary),
    co: co.map(toItemSummary),
    nextDeadlines,
    asOf,
  };
}

export function unitGraph(ledger: Ledger): UnitGraph {
  const counts = new Map<string, { lead: number; co: number }>();
  const shared = new Map<string, number>();
  for (const { units } of ledger.items) {
    const ids = [...new Set(units.map((u) => u.id))].sort();
    for (const u of ids) {
      const c = counts.get(u) ?? { lead: 0, co: 0 };
      c[units.some((x) => x.id === u && x.role === 'lead') ? 'lead' : 'co']++;
      counts.set(u, c);
    }
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const k = `${ids[i]} ${ids[j]}`;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  return {
    nodes: [...counts].map(([id, c]) => {
      const u = ledger.unitById.get(id)!;
      return { id, name: u.name, type: unitType(u.type), ...c };
    }),
    links: [...shared].map(([k, n]) => {
      const [source, target] = k.split(' ') as [string, string];
      return { source, target, shared: n };
    }),
  };
}

function roleOf(r: RatedItem, unitId: string): 'lead' | 'co' | null {
  const refs = r.entry.units.filter((u) => u.id === unitId);
  if (refs.length === 0) return null;
  return refs.some((u) => u.role === 'lead') ? 'lead' : 'co';
}

export function toUnitDto(u: UnitRecord, rated: readonly RatedItem[]): UnitDto {
  let lead = 0;
  let co = 0;
  let next: NextDeadlineDto | null = null;
  for (const r of rated) {
    const role = roleOf(r, u.id);
    if (role === 'co') co++;
    if (role !== 'lead') continue;
    lead++;
    const n = r.rating.next;
    if (n && (next === null || n.deadline < next.deadline)) next = n;
  }
  return { id: u.id, name: u.name, type: unitType(u.type), aliases: u.aliases, lead, co, nextDeadline: next };
}

/** A type the contract does not know (written by an older tool) reads as unset. */
function unitType(t: string | null): UnitDto['type'] {
  return (UNIT_TYPES as readonly string[]).includes(t ?? '') ? (t as UnitDto['type']) : null;
}
