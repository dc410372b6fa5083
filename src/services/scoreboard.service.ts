import { dueDate, periodOf, previousPeriod, type Period } from '../domain/reporting/period.js';
import {
  WEIGHTS,
  reportStats,
  scoreboard,
  scoreboardHistory,
  type ReportStats,
  type ScoreInput,
  type ScoreRow,
} from '../domain/reporting/scoreboard.js';
import { unitStats, type UnitStats } from '../domain/status/unit-status.js';
import type { Db } from '../store/database.js';
import type { ScoreRowDto, ScoreboardDto, ScoreboardHistoryDto } from '../shared/api/scoreboard.js';
import { rateItems, rateItemsNow, type RatedItem } from './item-summary.js';
import { memoView, type Ledger, type LedgerItem } from './ledger.service.js';
import { periodRange, readingDate } from './period-range.js';
import { obligationsOf, reportRecord, type ReportRecord } from './report-obligations.js';

/**
 * The scoreboard (晾晒) as of a date and per period: the domain ranks (domain/reporting/
 * scoreboard.ts, formula in docs/scoring.md); this gathers its input — each lead unit's milestone
 * figures from the items' statuses, its report figures from what it owed and submitted.
 */

interface Standing {
  input: ScoreInput;
  items: ScoreRowDto['items'];
  milestones: UnitStats;
  reports: ReportStats;
}

function standings(
  ledger: Ledger,
  record: ReportRecord,
  rated: readonly RatedItem[],
  asOf: string,
): Standing[] {
  const led = new Map<string, RatedItem[]>();
  for (const r of rated) {
    const lead = r.entry.lead?.id;
    if (lead === undefined) continue;
    const list = led.get(lead);
    if (list) list.push(r);
    else led.set(lead, [r]);
  }
  return [...led].map(([unitId, list]) => {
    const milestones = unitStats(
      list.map((r) => ({ milestones: r.entry.item.milestones, rating: r.rating })),
      asOf,
    );
    const entries: LedgerItem[] = list.map((r) => r.entry);
    const reports = reportStats(obligationsOf(ledger, record, entries, asOf), asOf, ledger.reporting.dueDay);
    return {
      input: { unitId, name: ledger.unitById.get(unitId)?.name ?? '', milestones, reports },
      items: milestones.itemCounts,
      milestones,
      reports,
    };
  });
}

function toRow(row: ScoreRow, previousRank: number | null, s: Standing): ScoreRowDto {
  return {
    rank: row.rank,
    previousRank,
    unit: { id: row.unitId, name: row.name },
    score: row.score,
    rates: row.rates,
    items: s.items,
    milestones: {
      due: s.milestones.dueMilestones,
      dueDone: s.milestones.dueDone,
      dueOrDone: s.milestones.dueOrDone,
      onTime: s.milestones.doneOnTime,
      late: s.milestones.doneLate,
    },
    reports: s.reports,
  };
}

/** The period whose due date is the last one before asOf: the standing previousRank refers to. */
export function previousReading(
  asOf: string,
  cadence: Ledger['reporting']['cadence'],
  dueDay: number,
): Period {
  const p = periodOf(asOf, cadence, 'asOf');
  return dueDate(p, dueDay) < asOf ? p : previousPeriod(p);
}

/** GET /scoreboard?asOf=: units ranked as of a date, each with its rank the period before. */
export function buildScoreboard(db: Db, ledger: Ledger, asOf: string): Promise<ScoreboardDto> {
  return memoView(ledger, 'scoreboard', asOf, async () => {
    const record = await reportRecord(db, ledger);
    const { cadence, dueDay } = ledger.reporting;
    const now = standings(ledger, record, rateItems(ledger, asOf), asOf);
    const before = previousReading(asOf, cadence, dueDay);
    const beforeAsOf = dueDate(before, dueDay);
    const then = scoreboard(
      standings(ledger, record, rateItemsNow(ledger, beforeAsOf), beforeAsOf).map((s) => s.input),
    );
    const previousRank = new Map(then.map((r) => [r.unitId, r.rank]));
    const byUnit = new Map(now.map((s) => [s.input.unitId, s]));
    return {
      asOf,
      period: periodOf(asOf, cadence, 'asOf'),
      previous: { period: before, asOf: beforeAsOf },
      cadence,
      dueDay,
      reportingFrom: record.from,
      weights: { ...WEIGHTS },
      rows: scoreboard(now.map((s) => s.input)).map((r) =>
        toRow(r, previousRank.get(r.unitId) ?? null, byUnit.get(r.unitId)!),
      ),
    };
  });
}

/** GET /scoreboard/history: the scoreboard as of each period's due date (provisional until it passes). */
export function buildScoreboardHistory(
  db: Db,
  ledger: Ledger,
  query: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined },
  today: string,
): Promise<ScoreboardHistoryDto> {
  const periods = periodRange(ledger, query, today);
  const key = `${periods[0]}..${periods.at(-1)}|${today}`;
  return memoView(ledger, 'scoreboard-history', key, async () => {
    const record = await reportRecord(db, ledger);
    const { cadence, dueDay } = ledger.reporting;
    // One period more in front, for the first period's previous ranks.
    const readings = [previousPeriod(periods[0]!), ...periods].map((period) => {
      const reading = readingDate(period, dueDay, today);
      const rated = reading.asOf === today ? rateItems(ledger, today) : rateItemsNow(ledger, reading.asOf);
      return { period, ...reading, standings: standings(ledger, record, rated, reading.asOf) };
    });
    const history = scoreboardHistory(
      readings.map((r) => ({ period: r.period, units: r.standings.map((s) => s.input) })),
    );
    return {
      cadence,
      dueDay,
      weights: { ...WEIGHTS },
      periods: readings.slice(1).map((reading, i) => {
        const byUnit = new Map(reading.standings.map((s) => [s.input.unitId, s]));
        return {
          period: reading.period,
          asOf: reading.asOf,
          provisional: reading.provisional,
          rows: history[i + 1]!.rows.map((r) => toRow(r, r.previousRank, byUnit.get(r.unitId)!)),
        };
      }),
    };
  });
}
