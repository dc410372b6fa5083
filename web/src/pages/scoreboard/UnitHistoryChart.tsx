/** One unit's rank and score over the periods (the per-period scoreboard history). */
import { Card, Select } from 'antd';
import type { ScoreboardHistory } from '../../api/types';
import { Chart } from '../../charts/Chart';
import { useI18n } from '../../i18n';
import { periodLabel } from './period';
// The line chart's own registration leaves the legend out: the basic charts' brings it.
import '../../charts/register-basic';
import '../../charts/register-line';

const RANK_COLOR = '#b7202e';
const SCORE_COLOR = '#1f6fb2';

export function UnitHistoryChart({
  history,
  units,
  unitId,
  onUnit,
}: {
  history: ScoreboardHistory | undefined;
  units: { id: string; name: string }[];
  unitId: string | undefined;
  onUnit: (id: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const periods = history?.periods ?? [];
  const points = periods.map((p) => {
    const row = p.rows.find((r) => r.unit.id === unitId);
    const name = periodLabel(p.period, i18n);
    return {
      label: p.provisional ? t('scoreboard.history.provisional', { period: name }) : name,
      rank: row?.rank ?? null,
      score: row?.score ?? null,
    };
  });
  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
  const title = `${unitName} ${t('scoreboard.history.title')}`;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 48, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: [
      { type: 'value', name: t('scoreboard.history.rank'), inverse: true, minInterval: 1, min: 1 },
      { type: 'value', name: t('scoreboard.history.score'), min: 0, max: 100 },
    ],
    series: [
      {
        name: t('scoreboard.history.rank'),
        type: 'line',
        yAxisIndex: 0,
        itemStyle: { color: RANK_COLOR },
        data: points.map((p) => p.rank),
      },
      {
        name: t('scoreboard.history.score'),
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: SCORE_COLOR },
        lineStyle: { type: 'dashed' },
        data: points.map((p) => p.score),
      },
    ],
  };
  return (
    <Card
      size="small"
      title={<h2>{title}</h2>}
      extra={
        <Select
          showSearch
          optionFilterProp="label"
          aria-label={t('scoreboard.history.unit')}
          style={{ width: 220 }}
          value={unitId}
          onChange={onUnit}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="history-unit"
        />
      }
      data-testid="score-history"
    >
      <Chart option={option} height={240} label={title} />
      <p className="muted">{t('scoreboard.history.hint')}</p>
      <details className="chart-table">
        <summary>{t('common.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('scoreboard.history.period')}</th>
              <th scope="col">{t('scoreboard.history.rank')}</th>
              <th scope="col">{t('scoreboard.history.score')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{p.rank ?? '—'}</td>
                <td>{p.score === null ? '—' : p.score.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
