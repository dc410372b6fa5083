import { quarterOf, quarterRange } from './dates.js';
import type { Rag } from './status.js';

export interface StatusCounts {
  red: number;
  yellow: number;
  green: number;
  done: number;
  total: number;
}

export function emptyCounts(): StatusCounts {
  return { red: 0, yellow: 0, green: 0, done: 0, total: 0 };
}

export function countStatuses(statuses: Iterable<Rag>): StatusCounts {
  const c = emptyCounts();
  for (const s of statuses) {
    c[s]++;
    c.total++;
  }
  return c;
}

export interface QuarterCounts extends Omit<StatusCounts, 'total'> {
  quarter: string;
}

/**
 * Milestones per quarter of their deadline, every quarter between the first and the last
 * present (empty quarters included, so a chart's axis has no gaps).
 */
export function milestonesByQuarter(
  milestones: Iterable<{ deadline: string; status: Rag }>,
): QuarterCounts[] {
  const byQuarter = new Map<string, QuarterCounts>();
  for (const m of milestones) {
    const q = quarterOf(m.deadline);
    const row = byQuarter.get(q) ?? { quarter: q, red: 0, yellow: 0, green: 0, done: 0 };
    row[m.status]++;
    byQuarter.set(q, row);
  }
  if (byQuarter.size === 0) return [];
  const keys = [...byQuarter.keys()].sort();
  return quarterRange(keys[0]!, keys[keys.length - 1]!).map(
    (quarter) => byQuarter.get(quarter) ?? { quarter, red: 0, yellow: 0, green: 0, done: 0 },
  );
}
