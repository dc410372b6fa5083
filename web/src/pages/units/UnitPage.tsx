/** One unit: the items it leads and co-works on, and its next deadlines. */
import { Card, Col, Empty, Row, Table, type TableColumnType } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { ItemSummary, UnitDetail } from '../../api/types';
import { itemsLink } from '../../app/links';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useAsOf } from '../../hooks/useAsOf';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';

export default function UnitPage() {
  const { t, date } = useI18n();
  const { id = '' } = useParams();
  const [asOf, setAsOf] = useAsOf();
  const { data, loading } = useApi(
    (signal) => api.get<UnitDetail>(`/units/${encodeURIComponent(id)}`, { asOf }, { signal }),
    `${id}|${asOf}`,
  );
  if (!data) return loading ? <PageLoading /> : <Empty />;
  const columns: TableColumnType<ItemSummary>[] = [
    { key: 'number', title: t('col.number'), dataIndex: 'number', width: 64 },
    {
      key: 'title',
      title: t('col.title'),
      render: (_, r) => <Link to={`/items/${r.number}?asOf=${asOf}`}>{r.title}</Link>,
    },
    { key: 'status', title: t('col.status'), width: 90, render: (_, r) => <StatusTag status={r.status} /> },
    {
      key: 'next',
      title: t('col.nextDeadline'),
      width: 140,
      render: (_, r) => (r.nextDeadline ? date(r.nextDeadline.deadline) : '—'),
    },
  ];
  const table = (rows: ItemSummary[]) => (
    <Table<ItemSummary>
      rowKey="itemKey"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
    />
  );
  const { unit } = data;
  return (
    <div data-testid="unit-page">
      <PageHeader
        title={unit.name}
        sub={
          unit.aliases.length > 0
            ? t('unit.aliases', { aliases: unit.aliases.join(t('common.listSep')) })
            : undefined
        }
        extra={<AsOfPicker value={asOf} onChange={setAsOf} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={<h2>{t('unit.asLead', { n: data.lead.length })}</h2>}
            extra={<Link to={itemsLink({ unit: unit.id, role: 'lead', asOf })}>{t('unit.openList')}</Link>}
          >
            {table(data.lead)}
          </Card>
          <Card
            size="small"
            title={<h2>{t('unit.asCo', { n: data.co.length })}</h2>}
            extra={<Link to={itemsLink({ unit: unit.id, role: 'co', asOf })}>{t('unit.openList')}</Link>}
          >
            {table(data.co)}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<h2>{t('unit.nextDeadlines')}</h2>}>
            {data.nextDeadlines.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ul className="deadline-list">
                {data.nextDeadlines.map((d, i) => (
                  <li key={i}>
                    <time dateTime={d.deadline}>{date(d.deadline)}</time> <StatusTag status={d.status} />{' '}
                    <Link to={`/items/${d.number}?asOf=${asOf}`}>
                      {d.number}. {d.title}
                    </Link>
                    <div className="muted">{d.text}</div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
