/** Unit workload: items each unit leads and co-works on; a bar opens that unit's list in that role. */
import { Card } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../api/types';
import { itemsLink } from '../../app/links';
import { Chart } from '../../charts/Chart';
import { STATUS_COLOR } from '../../components/status';
import { unitBarsHeight, unitBarsOption, unitRoleSeries } from '../../../../src/shared/charts/index.js';
import { useI18n } from '../../i18n';

const SHOWN = 15;

export function WorkloadChart({ rows, asOf }: { rows: Dashboard['unitWorkload']; asOf: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const top = [...rows].sort((a, b) => b.lead + b.co - (a.lead + a.co)).slice(0, SHOWN);
  // The chart draws the largest at the top, so its data (and a click's dataIndex) run bottom-up.
  const shown = [...top].reverse();
  const option = {
    ...unitBarsOption({
      units: top.map((r) => r.name),
      series: unitRoleSeries(top, { lead: t('role.lead'), co: t('role.co') }),
    }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
  return (
    <Card size="small" className="dash-card" title={<h2>{t('dashboard.workload', { n: SHOWN })}</h2>}>
      <Chart
        option={option}
        height={unitBarsHeight(shown.length)}
        label={t('dashboard.workload', { n: SHOWN })}
        onClick={(p) => {
          const row = shown[p.dataIndex];
          const role = p.seriesName === t('role.co') ? 'co' : 'lead';
          if (row) navigate(itemsLink({ unit: row.unitId, role, asOf }));
        }}
      />
      <details className="chart-table">
        <summary>{t('common.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('unit.name')}</th>
              <th scope="col">{t('role.lead')}</th>
              <th scope="col">{t('role.co')}</th>
              <th scope="col">{t('status.red')}</th>
              <th scope="col">{t('status.yellow')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row">
                  <Link to={`/units/${encodeURIComponent(r.unitId)}`}>{r.name}</Link>
                </th>
                <td>
                  <Link to={itemsLink({ unit: r.unitId, role: 'lead', asOf })}>{r.lead}</Link>
                </td>
                <td>
                  <Link to={itemsLink({ unit: r.unitId, role: 'co', asOf })}>{r.co}</Link>
                </td>
                <td style={{ color: STATUS_COLOR.red }}>
                  <Link to={itemsLink({ unit: r.unitId, role: 'lead', status: 'red', asOf })}>{r.red}</Link>
                </td>
                <td>
                  <Link to={itemsLink({ unit: r.unitId, role: 'lead', status: 'yellow', asOf })}>
                    {r.yellow}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
