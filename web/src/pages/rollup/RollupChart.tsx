/**
 * Each org's items stacked by status (the dashboard's chart definition, src/shared/charts, with
 * orgs for quarters); a segment opens that org's items with that status, read-only.
 */
import { Card } from 'antd';
import { useNavigate } from 'react-router';
import type { RollupRow } from '../../api/types';
import { Chart } from '../../charts/Chart';
import { STATUS_ORDER, statusNames } from '../../components/status';
import { statusColumnsOption } from '../../../../src/shared/charts/index.js';
import { useI18n } from '../../i18n';
import { drillLink } from './drill';

export function RollupChart({ rows, asOf }: { rows: RollupRow[]; asOf: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const base = statusColumnsOption({
    categories: rows.map((r) => r.org.name),
    rows: rows.map((r) => r.subtree.items),
    names: statusNames(t),
  });
  const option = {
    ...base,
    // Many counties: every name shown, turned so they do not overlap.
    xAxis: {
      ...(base.xAxis as Record<string, unknown>),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 },
    },
    grid: { left: 40, right: 16, top: 16, bottom: rows.length > 8 ? 96 : 56 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
  return (
    <Card size="small" title={<h2>{t('rollup.chart')}</h2>} className="dash-card">
      <Chart
        option={option}
        height={rows.length > 8 ? 320 : 260}
        label={t('rollup.chart')}
        onClick={(p) => {
          const row = rows[p.dataIndex];
          const status = STATUS_ORDER.find((s) => t(`status.${s}`) === p.seriesName);
          if (row) void navigate(drillLink(row.org.id, '/items', { status, asOf }));
        }}
      />
      <details className="chart-table">
        <summary>{t('common.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rollup.col.org')}</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col">
                  {t(`status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.org.id}>
                <th scope="row">{r.org.name}</th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>{r.subtree.items[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
