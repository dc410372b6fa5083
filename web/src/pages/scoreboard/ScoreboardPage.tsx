/** 晾晒: lead units ranked as of a date, the formula in words, a unit's rank over the periods. */
import { useState } from 'react';
import { Button, Card, Col, Empty, Row } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Scoreboard, ScoreboardHistory } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useAsOf } from '../../hooks/useAsOf';
import { useI18n } from '../../i18n';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { FormulaCard } from './FormulaCard';
import { ScoreTable } from './ScoreTable';
import { UnitHistoryChart } from './UnitHistoryChart';
import '../../styles/scoreboard.css';

export default function ScoreboardPage() {
  const { t, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [chosen, setChosen] = useState<string>();
  const { data, loading } = useApi(
    (signal) => api.get<Scoreboard>('/scoreboard', { asOf }, { signal }),
    asOf,
  );
  const history = useApi(
    (signal) => api.get<ScoreboardHistory>('/scoreboard/history', { asOf }, { signal }),
    asOf,
  );
  const units = (data?.rows ?? []).map((r) => r.unit);
  // The unit whose history is drawn: the one chosen, else the leader.
  const unitId = chosen && units.some((u) => u.id === chosen) ? chosen : units[0]?.id;

  return (
    <div data-testid="scoreboard-page">
      <PageHeader
        title={t('scoreboard.title')}
        sub={
          data
            ? t('scoreboard.sub', {
                asOf: date(data.asOf),
                n: data.rows.length,
                previous: date(data.previous?.asOf),
              })
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
      {data && data.rows.length === 0 && <Empty description={t('scoreboard.noPlan')} />}
      {data && data.rows.length > 0 && (
        <Row gutter={[16, 16]} aria-busy={loading}>
          <Col span={24}>
            <Card size="small" title={<h2>{t('scoreboard.ranking')}</h2>}>
              <ScoreTable rows={data.rows} asOf={asOf} selected={unitId} onSelect={setChosen} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <UnitHistoryChart history={history.data} units={units} unitId={unitId} onUnit={setChosen} />
          </Col>
          <Col xs={24} xl={12}>
            <FormulaCard board={data} />
          </Col>
        </Row>
      )}
    </div>
  );
}
