import { ROLE_COLOR, STATUS_COLOR, STATUS_ORDER, type ChartOption, type ChartStatus } from './palette.js';

/**
 * Units as horizontal stacked bars, largest at the top: the dashboard's workload (items each unit
 * leads and co-works on) and the bulletin's items by lead unit and status share this definition.
 */

export interface UnitBarSeries {
  name: string;
  color: string;
  /** One value per unit, in the order of `units`. */
  data: readonly number[];
}

export interface UnitBarsInput {
  /** Unit names, largest first (the chart draws the first at the top). */
  units: readonly string[];
  series: readonly UnitBarSeries[];
  /** Width of the name labels in pixels; longer names are cut with an ellipsis. */
  labelWidth?: number;
  labels?: boolean;
}

export function unitBarsOption({
  units,
  series,
  labelWidth = 180,
  labels = false,
}: UnitBarsInput): ChartOption {
  // ECharts draws a category axis from the bottom up: reverse so the first unit is on top.
  const reversed = <T>(list: readonly T[]) => [...list].reverse();
  return {
    legend: { bottom: 0 },
    // The unit names inside the grid's box, clear of the legend (ECharts 6's form of containLabel).
    grid: {
      left: 8,
      right: 24,
      top: 8,
      bottom: 40,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: reversed(units),
      axisLabel: { width: labelWidth, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'unit',
      itemStyle: { color: s.color },
      label: { show: labels, color: '#fff' },
      labelLayout: { hideOverlap: true },
      data: reversed(s.data).map((v) => (labels && v === 0 ? null : v)),
    })),
  };
}

/** Pixel height that fits `n` bars of a unit chart. */
export function unitBarsHeight(n: number): number {
  return Math.max(200, n * 24 + 60);
}

/** The workload series: items led and items co-worked on. */
export function unitRoleSeries(
  rows: readonly { lead: number; co: number }[],
  names: { lead: string; co: string },
): UnitBarSeries[] {
  return (['lead', 'co'] as const).map((role) => ({
    name: names[role],
    color: ROLE_COLOR[role],
    data: rows.map((r) => r[role]),
  }));
}

/** The status series: items led, by status. */
export function unitStatusSeries(
  rows: readonly Record<ChartStatus, number>[],
  names: Record<ChartStatus, string>,
): UnitBarSeries[] {
  return STATUS_ORDER.map((s) => ({ name: names[s], color: STATUS_COLOR[s], data: rows.map((r) => r[s]) }));
}
