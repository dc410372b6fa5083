/**
 * 政务公开: the office publishes a period's public view with one action (after a confirmation),
 * chooses whether the scoreboard goes with it, withdraws or republishes it, writes each item's
 * public note, and sees the history. The public site itself is server-rendered (/public/…).
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type {
  PublicationHistoryDto,
  PublicationsDto,
  PublicationSummaryDto,
} from '../../../../src/shared/api/publications.js';
import { localDateTime } from '../../../../src/shared/time/local-time';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { SummaryEditor } from './SummaryEditor';

const localParts = localDateTime(undefined);

export default function PublicationsPage() {
  const { t, date } = useI18n();
  const { message } = App.useApp();
  const list = useApi(
    (signal) => api.get<PublicationsDto>('/publications', undefined, { signal }),
    'publications',
  );
  const history = useApi(
    (signal) => api.get<PublicationHistoryDto>('/publications/history', undefined, { signal }),
    'publications-history',
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm<{ period: string; includeScoreboard: boolean }>();

  const refresh = () => {
    list.reload();
    history.reload();
  };
  const publish = async (period: string, includeScoreboard: boolean) => {
    const p = await api.post<PublicationSummaryDto>(`/publications/${period}/publish`, { includeScoreboard });
    void message.success(t('publications.done', { period: p.periodLabel }));
    refresh();
  };
  const withdraw = async (period: string) => {
    const p = await api.post<PublicationSummaryDto>(`/publications/${period}/withdraw`);
    void message.success(t('publications.withdrawnDone', { period: p.periodLabel }));
    refresh();
  };
  // The browser's clock: the office reads the times where it is.
  const when = (iso: string) => {
    const p = localParts(iso);
    return p ? `${date(p.date)} ${p.time.slice(0, 5)}` : iso;
  };
  const at = (iso: string | null, by: string | null) =>
    iso ? t('publications.by', { at: when(iso), by: by ?? '' }) : '—';

  const columns = [
    { title: t('publications.col.period'), dataIndex: 'periodLabel', key: 'period', width: 110 },
    {
      title: t('publications.col.state'),
      key: 'state',
      width: 100,
      render: (_: unknown, p: PublicationSummaryDto) =>
        p.state === 'published' ? (
          <Tag color="green">{t('publications.published')}</Tag>
        ) : (
          <Tag>{t('publications.withdrawn')}</Tag>
        ),
    },
    { title: t('publications.col.revision'), dataIndex: 'revision', key: 'revision', width: 70 },
    {
      title: t('publications.col.scoreboard'),
      key: 'scoreboard',
      width: 90,
      render: (_: unknown, p: PublicationSummaryDto) =>
        p.includeScoreboard ? t('publications.yes') : t('publications.no'),
    },
    {
      title: t('publications.col.asOf'),
      key: 'asOf',
      width: 130,
      render: (_: unknown, p: PublicationSummaryDto) => date(p.asOf),
    },
    {
      title: t('publications.col.published'),
      key: 'published',
      width: 200,
      render: (_: unknown, p: PublicationSummaryDto) => at(p.publishedAt, p.publishedBy),
    },
    {
      title: t('publications.col.actions'),
      key: 'actions',
      render: (_: unknown, p: PublicationSummaryDto) => (
        <Space wrap>
          {p.state === 'published' && (
            <Button
              size="small"
              icon={<ExportOutlined />}
              href={p.publicPath}
              target="_blank"
              rel="noopener"
              aria-label={t('publications.openLabel', { period: p.periodLabel })}
            >
              {t('publications.open')}
            </Button>
          )}
          <Popconfirm
            title={t('publications.republishConfirm')}
            onConfirm={() => publish(p.period, p.includeScoreboard)}
          >
            <Button size="small">{t('publications.republish')}</Button>
          </Popconfirm>
          {p.state === 'published' && (
            <Popconfirm title={t('publications.withdrawConfirm')} onConfirm={() => withdraw(p.period)}>
              <Button size="small" danger>
                {t('publications.withdraw')}
              </Button>
            </Popconfirm>
          )}
          <Button size="small" onClick={() => setEditing(p.period)}>
            {t('publications.editSummaries')}
          </Button>
        </Space>
      ),
    },
  ];

  const historyColumns = [
    {
      title: t('publications.col.at'),
      key: 'at',
      width: 200,
      render: (_: unknown, e: PublicationHistoryDto['events'][number]) => when(e.at),
    },
    { title: t('publications.col.period'), dataIndex: 'periodLabel', key: 'period', width: 110 },
    {
      title: t('publications.col.action'),
      key: 'action',
      width: 100,
      render: (_: unknown, e: PublicationHistoryDto['events'][number]) => t(`publications.event.${e.action}`),
    },
    { title: t('publications.col.revision'), dataIndex: 'revision', key: 'revision', width: 70 },
    { title: t('publications.col.actor'), dataIndex: 'actor', key: 'actor' },
  ];

  const periods = list.data?.periods ?? [];
  return (
    <div data-testid="publications-page">
      <PageHeader
        title={t('publications.title')}
        sub={t('publications.sub')}
        extra={
          list.data && (
            <Button icon={<ExportOutlined />} href={list.data.publicPath} target="_blank" rel="noopener">
              {t('publications.openSite')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={<h2>{t('publications.publishOne')}</h2>}>
            {periods.length > 0 && (
              <Form
                form={form}
                layout="inline"
                initialValues={{ period: periods[0]!.period, includeScoreboard: false }}
              >
                <Form.Item name="period" label={t('publications.period')}>
                  <Select
                    style={{ width: 160 }}
                    options={periods.map((p) => ({ value: p.period, label: p.label }))}
                  />
                </Form.Item>
                <Form.Item name="includeScoreboard" valuePropName="checked">
                  <Checkbox>{t('publications.includeScoreboard')}</Checkbox>
                </Form.Item>
                <Form.Item>
                  <Popconfirm
                    title={t('publications.publishConfirm')}
                    onConfirm={() => {
                      const v = form.getFieldsValue();
                      return publish(v.period, v.includeScoreboard === true);
                    }}
                  >
                    <Button type="primary">{t('publications.publish')}</Button>
                  </Popconfirm>
                </Form.Item>
                <Form.Item>
                  <Button onClick={() => setEditing(form.getFieldValue('period') as string)}>
                    {t('publications.editSummaries')}
                  </Button>
                </Form.Item>
              </Form>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={<h2>{t('publications.list')}</h2>}>
            {!list.data && list.loading && <PageLoading />}
            {list.data && list.data.publications.length === 0 && (
              <Empty description={t('publications.none')} />
            )}
            {list.data && list.data.publications.length > 0 && (
              <Table<PublicationSummaryDto>
                rowKey="period"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={list.data.publications}
                scroll={{ x: 900 }}
              />
            )}
          </Card>
        </Col>
        {editing && (
          <Col span={24}>
            <SummaryEditor period={editing} onClose={() => setEditing(null)} />
          </Col>
        )}
        <Col span={24}>
          <Card size="small" title={<h2>{t('publications.history')}</h2>}>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={historyColumns}
              dataSource={history.data?.events ?? []}
              loading={history.loading && !history.data}
              scroll={{ x: 600 }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
