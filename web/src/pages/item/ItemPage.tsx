/** 事项详情: measures, milestones on a timeline, targets, achievements, units, lint findings, history. */
import { Button, Card, Col, Empty, Result, Row } from 'antd';
import { PrinterOutlined, StarFilled } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { ItemDetail } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useAsOf } from '../../hooks/useAsOf';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { HighlightedText } from '../../components/HighlightedText';
import { marksOf } from '../../components/marks';
import { MilestoneTimeline } from './MilestoneTimeline';
import { TargetsTable } from './TargetsTable';
import { ItemUnits } from './ItemUnits';
import { ItemFindings } from './ItemFindings';
import { ItemHistory } from './ItemHistory';
import { ItemReports } from './ItemReports';

export default function ItemPage() {
  const { t } = useI18n();
  const { number = '' } = useParams();
  const [asOf, setAsOf] = useAsOf();
  const {
    data: item,
    loading,
    error,
  } = useApi(
    (signal) => api.get<ItemDetail>(`/items/${encodeURIComponent(number)}`, { asOf }, { signal }),
    `${number}|${asOf}`,
  );
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('item.notFound', { number })}
        extra={<Link to="/items">{t('nav.items')}</Link>}
      />
    );
  }
  if (!item) return loading ? <PageLoading /> : <Empty />;
  const marks = marksOf(item);
  const list = (lines: string[], source: 'measures' | 'achievements') =>
    lines.length === 0 ? (
      <p className="muted">{t('common.none')}</p>
    ) : (
      <ol className="plain-list">
        {lines.map((line, i) => (
          <li key={i}>
            <HighlightedText text={line} marks={marks.filter((m) => m.source === source)} />
          </li>
        ))}
      </ol>
    );

  return (
    <article className="item-page" data-testid="item-page">
      <PageHeader
        title={
          <>
            <span className="item-page-number">{item.number ?? item.numberText}</span>
            {item.key && (
              <StarFilled className="key-star" aria-label={t('item.key')} title={t('item.key')} />
            )}{' '}
            {item.title} <StatusTag status={item.status} />
          </>
        }
        sub={item.section}
        extra={
          <>
            <AsOfPicker value={asOf} onChange={setAsOf} />
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              className="no-print phone-hidden"
            >
              {t('common.print')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={<h2>{t('item.measures')}</h2>}>
            {list(item.measures, 'measures')}
          </Card>
          <Card size="small" title={<h2>{t('item.goals')}</h2>}>
            <p className="goals-text">
              <HighlightedText text={item.goalsText} marks={marks.filter((m) => m.source === 'goals')} />
            </p>
          </Card>
          <Card size="small" title={<h2>{t('item.targets')}</h2>}>
            <TargetsTable targets={item.targets} />
          </Card>
          <Card size="small" title={<h2>{t('item.achievements')}</h2>}>
            {list(item.achievements, 'achievements')}
          </Card>
          <ItemReports item={item} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<h2>{t('item.units')}</h2>}>
            <ItemUnits units={item.units} />
          </Card>
          <Card size="small" title={<h2>{t('item.milestones')}</h2>}>
            <MilestoneTimeline milestones={item.milestones} />
          </Card>
          <Card size="small" title={<h2>{t('item.findings')}</h2>}>
            <ItemFindings findings={item.findings} />
          </Card>
          <Card size="small" title={<h2>{t('item.history')}</h2>} className="no-print">
            <ItemHistory history={item.history} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
