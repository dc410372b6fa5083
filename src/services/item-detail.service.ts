import { NotFoundError } from '../domain/errors.js';
import { changedFields } from '../domain/plan-diff.js';
import { daysLeft, quarterOf } from '../domain/status/index.js';
import type { Db } from '../store/database.js';
import { loadFindings } from '../store/findings.repository.js';
import { loadItems } from '../store/items.repository.js';
import { listVersions } from '../store/plans.repository.js';
import type { ItemDetail } from '../shared/api/items.js';
import type { Ledger } from './ledger.service.js';
import { rateItems } from './item-summary.js';

/** GET /items/:number: one item of the current plan, complete, with its findings and history. */
export async function itemDetail(db: Db, ledger: Ledger, number: number, asOf: string): Promise<ItemDetail> {
  const rated = rateItems(ledger, asOf).find((r) => r.entry.item.number === number);
  if (!rated || !ledger.plan)
    throw new NotFoundError('error.item_not_found', { number }, { field: 'number' });
  const { entry, rating } = rated;
  const { item } = entry;
  const findings = (await loadFindings(db.kysely, ledger.orgId, ledger.plan.versionId)).filter(
    (f) => f.item === number,
  );
  return {
    itemKey: entry.itemKey,
    number: item.number,
    numberText: item.numberText,
    numberInferred: item.numberInferred,
    key: item.key,
    title: item.title,
    measures: item.measures,
    goalsText: item.goalsText,
    milestones: item.milestones.map((m, i) => ({
      ...m,
      status: rating.milestones[i]!.status,
      quarter: quarterOf(m.deadline),
      daysLeft: daysLeft(m.deadline, asOf),
    })),
    targets: item.targets.map((t, i) => ({ ...t, status: rating.targets[i]!.status })),
    achievements: item.achievements,
    units: entry.units.map((u) => ({
      id: u.id,
      name: u.name,
      canonical: u.canonical,
      role: u.role,
      ...(u.label !== undefined ? { label: u.label } : {}),
      ...(u.collective ? { collective: true } : {}),
    })),
    ...(item.extra !== undefined ? { extra: item.extra } : {}),
    section: item.section ?? null,
    status: rating.status,
    nextDeadline: rating.next,
    findings,
    history: await history(db, ledger, entry.itemKey),
    asOf,
  };
}

/** The versions of the plan in which the item (by item_key) appeared or changed, newest first. */
async function history(db: Db, ledger: Ledger, itemKey: string): Promise<ItemDetail['history']> {
  const versions = (await listVersions(db.kysely, ledger.orgId, ledger.plan!.planId)).reverse();
  const out: ItemDetail['history'] = [];
  let previous: Awaited<ReturnType<typeof loadItems>>[number] | undefined;
  for (const v of versions) {
    const found = (await loadItems(db.kysely, ledger.orgId, v.id)).find((s) => s.itemKey === itemKey);
    if (found) {
      const entry = { version: v.version, importedAt: v.importedAt, sourceFile: v.sourceFile };
      if (!previous) out.push({ ...entry, change: 'added', fields: [] });
      else {
        const fields = changedFields(previous.item, found.item);
        if (fields.length > 0) out.push({ ...entry, change: 'changed', fields });
      }
    }
    previous = found;
  }
  return out.reverse();
}
