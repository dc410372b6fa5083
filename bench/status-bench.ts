import { performance } from 'node:perf_hooks';
import type { Item } from '../src/domain/plan.js';
import { progressAsOf, type DatedReport } from '../src/domain/reporting/latest-progress.js';
import type {
  AchievementReport,
  ItemReport,
  MilestoneReport,
  TargetReport,
} from '../src/domain/reporting/progress.js';
import { dueDate, periodsBetween } from '../src/domain/reporting/period.js';
import { itemStatus } from '../src/domain/status/item-status.js';
import { addDays } from '../src/domain/status/dates.js';
import { parseDocumentBytes } from '../src/services/parse-document.service.js';
import { collectGarbage, round, summarize, type BenchResult } from './bench-support.js';
import { generateProvince } from './province-generator.js';
import { Rng } from './prng.js';

/**
 * Status of a whole plan as of a date, the way every read view computes it (rateItems):
 * progressAsOf + itemStatus over every item of a 70-item plan with three years of monthly
 * approved reports per item (2,520 reports). Pure computation: the reports are in memory as the
 * ledger holds them; loading them is the ledger cache's business, not this path's.
 */

export interface StatusBenchOptions {
  items: number;
  years: number;
  iterations: number;
  warmup: number;
  seed: number;
  targetMs: number;
}

interface Entry {
  item: Item;
  reports: DatedReport[];
}

/** A month's report: milestones done by their deadline (a few late), figures growing to target. */
function monthlyReports(item: Item, firstYear: number, years: number, rng: Rng): DatedReport[] {
  const periods = periodsBetween(`${firstYear}-01`, `${firstYear + years - 1}-12`);
  const lateBy = item.milestones.map(() => (rng.next() < 0.2 ? Math.floor(rng.next() * 40) : -3));
  return periods.map((period, n) => {
    const day = addDays(dueDate(period, 25), -2);
    const progress = (n + 1) / periods.length;
    const milestones: MilestoneReport[] = item.milestones.map((m, i) => {
      const doneOn = addDays(m.deadline, lateBy[i]!);
      if (doneOn <= day) return { state: 'done', doneOn };
      return rng.next() < 0.1
        ? { state: 'at_risk', reason: '资金未到位' }
        : { state: 'in_progress', percent: Math.round(progress * 100) };
    });
    const targets: (TargetReport | null)[] = item.targets.map((t) => {
      if (t.value === null) return null;
      const actual = t.value * Math.min(1.1, progress * 1.2);
      // Money reported in 万元 against a 元 target, as reporters do: the conversion is on the path.
      return t.unit === '元'
        ? { actual: String(Math.round(actual / 1e4)), unit: '万元', reportedOn: day }
        : { actual: String(round(actual, 2)), unit: t.unit, reportedOn: day };
    });
    const achievements: (AchievementReport | null)[] = item.achievements.map(() =>
      progress > 0.8 ? { reached: true, reachedOn: day, evidence: '成果材料.pdf' } : { reached: false },
    );
    const report: ItemReport = { milestones, targets, achievements };
    // Approved two days after it is submitted.
    return { submittedOn: addDays(day, 2), report };
  });
}

export async function runStatusBench(o: StatusBenchOptions): Promise<BenchResult> {
  const [plan] = generateProvince({ counties: 1, itemsPerPlan: o.items, seed: o.seed });
  const parsed = await parseDocumentBytes(new TextEncoder().encode(plan!.text), plan!.name);
  const items = parsed.plan.items;
  const firstYear = parsed.plan.year ?? 2022;
  const rng = new Rng(o.seed);
  const entries: Entry[] = items.map((item) => ({
    item,
    reports: monthlyReports(item, firstYear, o.years, rng),
  }));
  const reports = entries.reduce((n, e) => n + e.reports.length, 0);

  // Mid-plan and the last day: the later, the more reports progressAsOf merges.
  const dates = [`${firstYear + Math.floor(o.years / 2)}-06-30`, `${firstYear + o.years - 1}-12-31`];
  const statusOfPlan = (asOf: string) => {
    const opts = { asOf, warningDays: 30 };
    return entries.map((e) => itemStatus(e.item, opts, progressAsOf(e.reports, e.item, asOf)).status);
  };
  let statuses: string[] = [];
  const time = (asOf: string, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      statuses = statusOfPlan(asOf);
      out.push(performance.now() - t0);
    }
    return out;
  };
  for (const d of dates) time(d, o.warmup);
  const perDate = dates.map((d) => {
    collectGarbage();
    return { asOf: d, ...summarize(time(d, o.iterations)), statuses: count(statuses) };
  });
  const worst = perDate.reduce((a, b) => (b.median > a.median ? b : a));
  return {
    name: 'status of a plan as of a date',
    target: `median < ${o.targetMs} ms (${o.items} items, ${o.years}y monthly reports)`,
    value: round(worst.median, 2),
    unit: 'ms',
    met: worst.median < o.targetMs,
    details: {
      items: items.length,
      reports,
      iterations: o.iterations,
      dates: perDate.map((d) => ({
        asOf: d.asOf,
        medianMs: round(d.median, 3),
        p95Ms: round(d.p95, 3),
        minMs: round(d.min, 3),
        statuses: d.statuses,
      })),
    },
  };
}

function count(statuses: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
