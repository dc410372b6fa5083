import type { BulletinContent, ChartId } from '../../domain/bulletin/types.js';
import { t } from '../../i18n/index.js';
import {
  statusColumnsOption,
  unitBarsHeight,
  unitBarsOption,
  unitStatusSeries,
  type ChartStatus,
} from '../../shared/charts/index.js';
import type { ChartSpec } from './chart-images.js';

/**
 * The bulletin's charts as ECharts options: the same definitions the web dashboard draws
 * (src/shared/charts/), with each segment's count printed on it, as paper has no tooltip.
 */

/** CSS pixels: at the type area's width (about 156 mm) the 12 px chart text prints at about 8 pt. */
const WIDTH = 640;
const TREND_HEIGHT = 320;

export function chartSpecs(content: BulletinContent, wanted: readonly ChartId[]): ChartSpec[] {
  const names = statusNames(content);
  const specs: ChartSpec[] = [];
  if (wanted.includes('trend')) {
    const points = content.charts.trend;
    specs.push({
      id: 'trend',
      width: WIDTH,
      height: TREND_HEIGHT,
      option: statusColumnsOption({
        categories: points.map((p) => p.label),
        rows: points.map((p) => p.counts),
        names,
        labels: true,
      }),
    });
  }
  if (wanted.includes('byUnit')) {
    const rows = content.charts.byUnit;
    specs.push({
      id: 'byUnit',
      width: WIDTH,
      height: unitBarsHeight(rows.length),
      option: unitBarsOption({
        units: rows.map((r) => r.name),
        series: unitStatusSeries(rows, names),
        labelWidth: 200,
        labels: true,
      }),
    });
  }
  return specs;
}

function statusNames(content: BulletinContent): Record<ChartStatus, string> {
  const name = (s: ChartStatus) => t(content.locale, `bulletin.status.${s}`);
  return { red: name('red'), yellow: name('yellow'), green: name('green'), done: name('done') };
}
