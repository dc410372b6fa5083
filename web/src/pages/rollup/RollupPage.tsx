/**
 * 汇总 (issue 9): the orgs below a city or the province side by side as of a date — sums, items by
 * status per org, the ranking (赛马) — each a way into that org's own pages (drill-down).
 */
import { Button, Card, Col, Empty, Row, Segmented } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Rollup } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useAsOf } from '../../hooks/useAsOf';
import { useI18n } from '../../i18n';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { RollupTabs } from './RollupTabs';
import { RollupTotals } from './RollupTotals';
import { RollupChart } from './RollupChart';
import { RollupTable } from './RollupTable';
import { scopeOf, scopeQuery, type RollupScope } from './rollup-query';
import '../../charts/register-basic';
import '../../styles/scoreboard.css';
import '../../styles/rollup.css';

export default function RollupPage() {
  const { t, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const scope = scopeOf(params);
  const { data, loading, error } = useApi(
    (signal) => api.get<Rollup>('/rollup', { asOf, ...scopeQuery(scope) }, { signal }),
    `${asOf}|${scope}`,
  );
  const setScope = (s: RollupScope) => {
    const next = new URLSearchParams(params);
    if (s === 'children') next.delete('scope');
    else next.set('scope', s);
    setParams(next, { replace: true });
  };
  const w = data?.weights;

  return (
    <div data-testid="rollup-page">
      <PageHeader
        title={t('rollup.title', { org: data?.org.name ?? '' })}
        sub={data ? t('rollup.sub', { asOf: date(data.asOf), n: data.totals.orgs }) : undefined}
        extra={
          <>
            <label className="rollup-scope">
              <span className="visually-hidden">{t('rollup.scope')}</span>
              <Segmented<RollupScope>
                value={scope}
                onChange={setScope}
                data-testid="rollup-scope"
                options={[
                  { value: 'children', label: t('rollup.scope.children') },
                  { value: 'counties', label: t('rollup.scope.counties') },
                ]}
              />
            </label>
            <AsOfPicker value={asOf} onChange={setAsOf} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
              {t('common.print')}
            </Button>
          </>
        }
      />
      <RollupTabs />
      {!data && loading && <PageLoading />}
      {!data && error && <Empty description={error.message} />}
      {data && data.rows.length === 0 && (
        <Empty description={t('rollup.noChildren', { org: data.org.name })} />
      )}
      {data && data.rows.length > 0 && (
        <div aria-busy={loading}>
          <RollupTotals totals={data.totals} />
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <RollupChart rows={data.rows} asOf={data.asOf} />
            </Col>
            <Col span={24}>
              <Card
                size="small"
                title={<h2>{t('rollup.ranking')}</h2>}
                extra={<span className="muted no-print">{t('rollup.rowHint')}</span>}
              >
                <RollupTable rows={data.rows} asOf={data.asOf} />
                {w && (
                  <p className="muted rollup-formula">
                    {t('rollup.formula', {
                      done: w.done,
                      onTime: w.onTime,
                      reports: w.reports,
                      penalty: w.returnedPenalty,
                    })}
                  </p>
                )}
              </Card>
            </Col>
          </Row>
        </div>
      )}
    </div>
  );
}
