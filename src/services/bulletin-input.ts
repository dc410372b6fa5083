import type { BulletinInput, BulletinItem, ReportOwed } from '../domain/bulletin/types.js';
import { ValidationError } from '../domain/errors.js';
import { dueDate, periodBounds, previousPeriod, type Period } from '../domain/reporting/period.js';
import type { Snapshot } from '../domain/reporting/snapshot.js';
import type { Locale } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { getOrg } from '../store/orgs.repository.js';
import { loadApprovedNarratives } from '../store/report-narratives.repository.js';
import type { Ledger } from './ledger.service.js';
import { localDate } from './local-date.js';
import { periodRange, readingDate } from './period-range.js';
import { obligationsOf, reportRecord } from './report-obligations.js';
import { buildScoreboard } from './scoreboard.service.js';
import { snapshotsOf, type Clock } from './snapshots.service.js';

/**
 * Everything the bulletin of a period is written from, gathered from the stores the reporting
 * services keep: the period's kept snapshot (and the one before, and the trend's), the approved
 * reports every ledger item carries, the narratives, the scoreboard as of the due date and the
 * reports owed for the period with their submissions.
 */
export async function bulletinInput(
  db: Db,
  ledger: Ledger,
  period: Period,
  clock: Clock,
  locale: Locale,
): Promise<BulletinInput> {
  if (!ledger.plan) throw new ValidationError('error.bulletin_no_plan', {}, { field: 'period' });
  const { dueDay } = ledger.reporting;
  const asOf = dueDate(period, dueDay);
  // Until its due date has passed a period is still open: its statuses would be today's, not
  // the period's, and its snapshot is not kept yet — nothing to lock a bulletin to.
  if (readingDate(period, dueDay, clock.today).provisional) {
    throw new ValidationError('error.bulletin_period_open', { period, dueDate: asOf }, { field: 'period' });
  }
  const previous = previousPeriod(period);
  const planStart = ledger.plan.year ? `${ledger.plan.year}-01-01` : null;
  const hasPrevious = planStart === null || periodBounds(previous).to >= planStart;
  const trendPeriods = periodRange(ledger, { to: period }, clock.today);
  const wanted = [...new Set([...trendPeriods, period, ...(hasPrevious ? [previous] : [])])];
  const snapshots = await snapshotsOf(db, ledger, wanted, clock);
  const snapshot = snapshots.get(period)!;
  const history: Snapshot[] = [...snapshots.values()].filter((s) => !s.provisional);

  const [org, narratives, board, record] = await Promise.all([
    getOrg(db.kysely, ledger.orgId),
    loadApprovedNarratives(db.kysely, ledger.orgId),
    buildScoreboard(db, ledger, asOf),
    reportRecord(db, ledger),
  ]);

  const byItem = new Map<string, NonNullable<BulletinItem['narratives']>[number][]>();
  for (const n of narratives) {
    const list = byItem.get(n.itemKey) ?? [];
    list.push({ period: n.period as Period, on: localDate(n.approvedAt, ledger.timeZone), text: n.text });
    byItem.set(n.itemKey, list);
  }
  const leadName = (lead: Ledger['items'][number]['lead']) =>
    lead ? (ledger.unitById.get(lead.id)?.name ?? lead.canonical) : '';

  const items: BulletinItem[] = ledger.items.map((entry) => ({
    itemKey: entry.itemKey,
    item: entry.item,
    lead: entry.lead ? { id: entry.lead.id, name: leadName(entry.lead) } : null,
    reports: entry.reports,
    narratives: byItem.get(entry.itemKey) ?? [],
  }));

  const reportsOwed: ReportOwed[] = [];
  for (const entry of ledger.items) {
    if (!entry.lead) continue;
    for (const owed of obligationsOf(ledger, record, [entry], asOf)) {
      if (owed.period !== period) continue;
      reportsOwed.push({
        itemKey: entry.itemKey,
        unitId: entry.lead.id,
        unitName: leadName(entry.lead),
        submissions: owed.submissions,
      });
    }
  }

  return {
    locale,
    period,
    dueDay,
    warningDays: ledger.warningDays,
    org: org?.name ?? null,
    planTitle: ledger.plan.title,
    items,
    snapshot,
    previous: hasPrevious ? (snapshots.get(previous) ?? null) : null,
    history,
    scoreboard: board.rows.map((r) => ({
      rank: r.rank,
      unitId: r.unit.id,
      name: r.unit.name,
      score: r.score,
      rates: r.rates,
      dueMilestones: r.milestones.due,
      previousRank: r.previousRank,
    })),
    reportsOwed,
  };
}
