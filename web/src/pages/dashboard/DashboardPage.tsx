/** 总览: counts by status as of a date, milestones per quarter, key items, unit workload. */
import { Button, Col, Empty, Row } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Dashboard } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useAsOf } from '../../hooks/useAsOf';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusCards } from './StatusCards';
import { QuarterChart } from './QuarterChart';
import { KeyItems } from './KeyItems';
import { WorkloadChart } from './WorkloadChart';
import { TrendChart } from './TrendChart';
import '../../charts/register-basic';

export default function DashboardPage() {
  const { t, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const { data, loading } = useApi((signal) => api.get<Dashboard>('/dashboard', { asOf }, { signal }), asOf);

  return (
    <div className="dashboard" data-testid="dashboard">
      <PageHeader
        title={data?.plan?.title ?? t('dashboard.title')}
        sub={
          data?.plan
            ? t('dashboard.planInfo', { version: data.plan.version, asOf: date(data.asOf) })
            : undefined
        }
        extra={
          <>
            <AsOfPicker value={asOf} onChange={setAsOf} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
              {t('common.print')}
            </Button>
          </>
        }
      />
      {!data && loading && <PageLoading />}
      {data && !data.plan && <Empty description={t('dashboard.noPlan')} />}
      {data?.plan && (
        <div aria-busy={loading}>
          <StatusCards counts={data.counts} asOf={asOf} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <QuarterChart rows={data.milestonesByQuarter} asOf={asOf} />
            </Col>
            <Col xs={24} xl={10}>
              <KeyItems items={data.keyItems} asOf={asOf} />
            </Col>
            <Col span={24}>
              <TrendChart asOf={asOf} />
            </Col>
            <Col span={24}>
              <WorkloadChart rows={data.unitWorkload} asOf={asOf} />
            </Col>
          </Row>
        </div>
      )}
    </div>
  );
}
