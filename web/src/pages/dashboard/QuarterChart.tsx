/** Milestones per quarter, stacked by status; a segment opens the list for that quarter and status. */
import { Card } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../api/types';
import { itemsLink } from '../../app/links';
import { Chart } from '../../charts/Chart';
import { STATUS_ORDER, statusNames } from '../../components/status';
import { statusColumnsOption } from '../../../../src/shared/charts/index.js';
import { useI18n } from '../../i18n';

export function QuarterChart({ rows, asOf }: { rows: Dashboard['milestonesByQuarter']; asOf: string }) {
  const { t, quarter } = useI18n();
  const navigate = useNavigate();
  const option = {
    ...statusColumnsOption({
      categories: rows.map((r) => quarter(r.quarter)),
      rows,
      names: statusNames(t),
    }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
  return (
    <Card title={<h2>{t('dashboard.byQuarter')}</h2>} size="small" className="dash-card">
      <Chart
        option={option}
        height={260}
        label={t('dashboard.byQuarter')}
        onClick={(p) => {
          const row = rows[p.dataIndex];
          const status = STATUS_ORDER.find((s) => t(`status.${s}`) === p.seriesName);
          if (row) navigate(itemsLink({ quarter: row.quarter, status, asOf }));
        }}
      />
      <details className="chart-table">
        <summary>{t('common.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.quarter')}</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col">
                  {t(`status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">
                  <Link to={itemsLink({ quarter: r.quarter, asOf })}>{quarter(r.quarter)}</Link>
                </th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>
                    <Link to={itemsLink({ quarter: r.quarter, status: s, asOf })}>{r[s]}</Link>
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
