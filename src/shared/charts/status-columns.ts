import { STATUS_COLOR, STATUS_ORDER, type ChartOption, type ChartStatus } from './palette.js';

/**
 * Counts by status over categories (quarters, reporting periods) as stacked columns, worst at the
 * bottom: the dashboard's milestones per quarter, the trend of items by status per period, and
 * the bulletin's "status over time" image are this one definition.
 */
export interface StatusColumnsInput {
  /** Axis labels, already in the reader's language ("2022年6月", "2022 Q2"). */
  categories: readonly string[];
  /** One row of counts per category, in the same order. */
  rows: readonly Record<ChartStatus, number>[];
  /** Series names by status ("逾期", "预警", …). */
  names: Record<ChartStatus, string>;
  /** Show each segment's count on it (print, where there is no tooltip). */
  labels?: boolean;
}

export function statusColumnsOption({
  categories,
  rows,
  names,
  labels = false,
}: StatusColumnsInput): ChartOption {
  return {
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUS_ORDER.map((s) => ({
      name: names[s],
      type: 'bar',
      stack: 'status',
      barMaxWidth: 48,
      itemStyle: { color: STATUS_COLOR[s] },
      // A zero segment has no room for its label.
      label: { show: labels, color: '#fff' },
      // A thin segment's count would sit on its neighbour's.
      labelLayout: { hideOverlap: true },
      data: rows.map((r) => (labels && r[s] === 0 ? null : r[s])),
    })),
  };
}
