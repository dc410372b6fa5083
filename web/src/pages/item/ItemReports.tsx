/**
 * 进展报送 on the item page: the item's reports, a button to write this period's when the user
 * may, and each target's approved actuals as a chart against the target.
 */
import { Card } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { ItemDetail, ItemReports as ItemReportsDto, Todo } from '../../api/types';
import { reportPermissions } from '../../../../src/domain/reporting/report-access';
import { useUser } from '../../app/session';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { todayIso } from '../../i18n/format';
import { reportLink } from '../reports/format';
import { ReportHistory } from './ReportHistory';
import { ActualsChart } from './ActualsChart';
import '../../styles/reports.css';

/** This period as the server counts it (the org's cadence); this month if it cannot say. */
async function currentPeriod(signal: AbortSignal): Promise<string> {
  try {
    return (await api.get<Todo>('/reports/todo', undefined, { signal, quiet: true })).period;
  } catch {
    return todayIso().slice(0, 7);
  }
}

export function ItemReports({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const units = {
    leadUnitId: item.units.find((u) => u.role === 'lead')?.id ?? null,
    coUnitIds: item.units.filter((u) => u.role === 'co').map((u) => u.id),
  };
  const actor = { role: user.role, unitId: user.unitId };
  const mayWrite = reportPermissions(actor, units, null).edit;
  const { data } = useApi(
    (signal) =>
      api.get<ItemReportsDto>(`/items/by-key/${encodeURIComponent(item.itemKey)}/reports`, undefined, {
        signal,
      }),
    `item-reports|${item.itemKey}`,
  );
  const { data: period } = useApi(
    (signal) => (mayWrite ? currentPeriod(signal) : Promise.resolve(null)),
    `current-period|${mayWrite}`,
  );
  const current = period ? data?.reports.find((r) => r.period === period) : undefined;
  const showWrite = period && data && reportPermissions(actor, units, current?.status ?? null).edit;
  return (
    <Card
      size="small"
      title={<h2>{t('itemReports.title')}</h2>}
      extra={
        showWrite && (
          <Link
            to={reportLink(item.itemKey, period, item.number)}
            className="touch-link"
            data-testid="write-report"
          >
            <EditOutlined aria-hidden /> {t('itemReports.writeCurrent')}
          </Link>
        )
      }
      data-testid="item-reports"
    >
      {data && <ReportHistory reports={data.reports} />}
      {data && data.targets.length > 0 && (
        <section className="item-actuals">
          <h3 className="sub-heading">{t('itemReports.actuals')}</h3>
          {data.targets.map((tg) => (
            <ActualsChart key={tg.position} target={tg} />
          ))}
        </section>
      )}
    </Card>
  );
}
