/** The counts by status; each number is a link to the list filtered by that status. */
import { Link, useNavigate } from 'react-router';
import type { Dashboard, Status } from '../../api/types';
import { itemsLink } from '../../app/links';
import { Chart } from '../../charts/Chart';
import { STATUS_COLOR, STATUS_ORDER } from '../../components/status';
import { useI18n } from '../../i18n';

export function StatusCards({ counts, asOf }: { counts: Dashboard['counts']; asOf: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['48%', '80%'],
        label: { show: false },
        data: STATUS_ORDER.map((s) => ({
          name: t(`status.${s}`),
          value: counts[s],
          status: s,
          itemStyle: { color: STATUS_COLOR[s] },
        })),
      },
    ],
  };
  return (
    <section className="status-cards" aria-label={t('dashboard.byStatus')}>
      <Link className="stat-card stat-total" to={itemsLink({ asOf })} data-testid="count-total">
        <span className="stat-label">{t('dashboard.total')}</span>
        <span className="stat-value">{counts.total}</span>
      </Link>
      {STATUS_ORDER.map((s: Status) => (
        <Link
          key={s}
          className={`stat-card stat-${s}`}
          to={itemsLink({ status: s, asOf })}
          data-testid={`count-${s}`}
        >
          <span className="stat-label">{t(`status.${s}`)}</span>
          <span className="stat-value">{counts[s]}</span>
        </Link>
      ))}
      <div className="stat-pie">
        <Chart
          option={option}
          height={112}
          label={t('dashboard.byStatus')}
          onClick={(p) => {
            const s = STATUS_ORDER[p.dataIndex];
            if (s) navigate(itemsLink({ status: s, asOf }));
          }}
        />
      </div>
    </section>
  );
}
