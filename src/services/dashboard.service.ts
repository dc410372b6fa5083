import { countStatuses, milestonesByQuarter } from '../domain/status/index.js';
import type { Dashboard } from '../shared/api/dashboard.js';
import { memoViewSync, type Ledger } from './ledger.service.js';
import { rateItems, toItemSummary } from './item-summary.js';

/** GET /dashboard: the current plan at a glance as of a date. */
export function buildDashboard(ledger: Ledger, asOf: string): Dashboard {
  return memoViewSync(ledger, 'dashboard', asOf, () => computeDashboard(ledger, asOf));
}

function computeDashboard(ledger: Ledger, asOf: string): Dashboard {
  const rated = rateItems(ledger, asOf);
  const workload = new Map<string, { lead: number; co: number; red: number; yellow: number }>();
  for (const { entry, rating } of rated) {
    // A unit named twice in one item (lead and again as co) counts once, in its strongest role.
    const roles = new Map<string, 'lead' | 'co'>();
    for (const u of entry.units) if (roles.get(u.id) !== 'lead') roles.set(u.id, u.role);
    for (const [unitId, role] of roles) {
      const w = workload.get(unitId) ?? { lead: 0, co: 0, red: 0, yellow: 0 };
      w[role]++;
      // Red and yellow are the lead unit's to answer for.
      if (role === 'lead' && (rating.status === 'red' || rating.status === 'yellow')) w[rating.status]++;
      workload.set(unitId, w);
    }
  }
  return {
    asOf,
    warningDays: ledger.warningDays,
    plan: ledger.plan
      ? {
          title: ledger.plan.title,
          year: ledger.plan.year,
          version: ledger.plan.version,
          importedAt: ledger.plan.importedAt,
        }
      : null,
    counts: countStatuses(rated.map((r) => r.rating.status)),
    milestonesByQuarter: milestonesByQuarter(
      rated.flatMap(({ entry, rating }) =>
        entry.item.milestones.map((m, i) => ({ deadline: m.deadline, status: rating.milestones[i]!.status })),
      ),
    ),
    keyItems: rated.filter((r) => r.entry.item.key).map(toItemSummary),
    unitWorkload: [...workload]
      .map(([unitId, w]) => ({ unitId, name: ledger.unitById.get(unitId)?.name ?? '', ...w }))
      .sort(
        (a, b) => b.lead - a.lead || b.red - a.red || b.co - a.co || a.name.localeCompare(b.name, 'zh-CN'),
      ),
  };
}
