/**
 * A target's approved actuals over time as a line, against the target value (a horizontal line)
 * and its deadline (a vertical one); the same numbers as a table for screen readers.
 */
import type { ItemReports } from '../../api/types';
import { Chart } from '../../charts/Chart';
import '../../charts/register-line';
import { useI18n } from '../../i18n';

type TargetActuals = ItemReports['targets'][number];

const OP: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };
const DAY = 86_400_000;

/** The axis top above both the actuals and the target line, on a round number (2.5亿, not 1.748亿). */
function roundUp(v: number): number {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v)) / 2;
  return Math.ceil(v / step) * step;
}

function time(iso: string): number {
  return Date.parse(`${iso}T00:00:00`);
}

export function ActualsChart({ target }: { target: TargetActuals }) {
  const { t, date, value } = useI18n();
  const label = t('itemReports.chartLabel', { metric: target.metric });
  const goal =
    target.value === null ? null : `${OP[target.op] ?? target.op} ${value(target.value, target.unit)}`;
  const points = target.actuals.map((a) => [time(a.reportedOn), a.value]);
  const markLines: Record<string, unknown>[] = [];
  if (target.value !== null) {
    markLines.push({
      yAxis: target.value,
      name: t('itemReports.goal'),
      label: { formatter: t('itemReports.goalLine', { goal: goal ?? '' }), position: 'insideEndTop' },
      lineStyle: { color: '#b7202e', type: 'dashed' },
    });
  }
  if (target.deadline) {
    markLines.push({
      xAxis: time(target.deadline),
      name: t('target.deadline'),
      label: { formatter: t('itemReports.deadlineLine', { date: date(target.deadline) }), position: 'end' },
      lineStyle: { color: '#6b6b6b', type: 'dotted' },
    });
  }
  const xs = [...points.map((p) => p[0]!), ...(target.deadline ? [time(target.deadline)] : [])];
  const option = {
    grid: { left: 72, right: 24, top: 28, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => value(v, target.unit),
    },
    xAxis: {
      type: 'time',
      min: Math.min(...xs) - 15 * DAY,
      max: Math.max(...xs) + 15 * DAY,
      minInterval: 28 * DAY,
      axisLabel: {
        formatter: (v: number) => {
          const d = new Date(v);
          return t('report.periodMonth', { year: d.getFullYear(), month: d.getMonth() + 1 });
        },
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max:
        target.value === null
          ? undefined
          : (extent: { max: number }) => roundUp(Math.max(extent.max, target.value!) * 1.1),
      axisLabel: { formatter: (v: number) => value(v, target.unit) },
    },
    series: [
      {
        name: target.metric,
        type: 'line',
        data: points,
        symbolSize: 8,
        itemStyle: { color: '#4a6fa5' },
        markLine: { symbol: 'none', silent: true, data: markLines },
      },
    ],
  };
  return (
    <figure className="actuals-chart" data-testid="actuals-chart">
      <figcaption>
        <strong>{target.metric}</strong>{' '}
        {goal && <span className="muted">{t('report.targetGoal', { goal })}</span>}
      </figcaption>
      {target.actuals.length === 0 ? (
        <p className="muted">{t('itemReports.noActuals')}</p>
      ) : (
        <>
          <Chart option={option} height={200} label={label} />
          <details className="chart-table">
            <summary>{t('common.asTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('itemReports.reportedOn')}</th>
                  <th scope="col">{t('report.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {target.actuals.map((a) => (
                  <tr key={`${a.period}-${a.reportedOn}`}>
                    <td>{date(a.reportedOn)}</td>
                    <td>{value(a.value, target.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
