/** Items by status per reporting period (kept snapshots); a segment opens the list as of that period. */
import { Card } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Trend } from '../../api/types';
import { itemsLink } from '../../app/links';
import { Chart } from '../../charts/Chart';
import { STATUS_ORDER, statusNames } from '../../components/status';
import { statusColumnsOption } from '../../../../src/shared/charts/index.js';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { periodLabel } from '../scoreboard/period';

export function TrendChart({ asOf }: { asOf: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { data } = useApi((signal) => api.get<Trend>('/dashboard/trend', { asOf }, { signal }), asOf);
  const rows = data?.periods ?? [];
  const label = (p: Trend['periods'][number]) => {
    const name = periodLabel(p.period, i18n);
    return p.provisional ? t('scoreboard.history.provisional', { period: name }) : name;
  };
  const option = {
    ...statusColumnsOption({
      categories: rows.map(label),
      rows: rows.map((r) => r.counts),
      names: statusNames(t),
    }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
  return (
    <Card
      title={<h2>{t('trend.title')}</h2>}
      size="small"
      className="dash-card"
      data-testid="trend-chart"
      aria-busy={!data}
    >
      <Chart
        option={option}
        height={260}
        label={t('trend.title')}
        onClick={(p) => {
          const row = rows[p.dataIndex];
          const status = STATUS_ORDER.find((s) => t(`status.${s}`) === p.seriesName);
          if (row) navigate(itemsLink({ status, asOf: row.asOf }));
        }}
      />
      <p className="muted">{t('trend.hint')}</p>
      <details className="chart-table">
        <summary>{t('common.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('trend.period')}</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col">
                  {t(`status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period}>
                <th scope="row">
                  <Link to={itemsLink({ asOf: r.asOf })}>{label(r)}</Link>
                </th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>
                    <Link to={itemsLink({ status: s, asOf: r.asOf })}>{r.counts[s]}</Link>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
