/**
 * 通报: the office generates a period's bulletin from its kept snapshot, edits the opening,
 * previews it in Word and publishes it; everybody downloads the published ones.
 */
import { useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Space, Table, Tag } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { api, apiHref } from '../../api/client';
import type { BulletinDetail, BulletinSummary, Bulletins, Org } from '../../api/types';
import { useUser } from '../../app/session';
import { STATUS_COLOR } from '../../components/status';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { todayIso } from '../../i18n/format';
import { BulletinEditor } from './BulletinEditor';
import { BulletinPreview } from './BulletinPreview';
import { latestDuePeriod, PERIOD } from './period';
import '../../styles/bulletins.css';

export default function BulletinsPage() {
  const { t, date } = useI18n();
  const user = useUser();
  const admin = user?.role === 'admin';
  const list = useApi((signal) => api.get<Bulletins>('/bulletins', undefined, { signal }), 'bulletins');
  const org = useApi(
    (signal) => (admin ? api.get<Org>('/org', undefined, { signal }) : Promise.resolve(null)),
    `org-${admin}`,
  );
  const [open, setOpen] = useState<BulletinDetail | null>(null);

  const show = (b: BulletinDetail) => {
    setOpen(b);
    list.reload();
  };
  const openOne = async (id: string) => setOpen(await api.get<BulletinDetail>(`/bulletins/${id}`));
  const generate = async ({ period }: { period: string }) =>
    show(await api.post<BulletinDetail>('/bulletins', { period: period.trim().toUpperCase() }));

  const columns = [
    { title: t('bulletins.col.period'), dataIndex: 'periodLabel', key: 'period', width: 110 },
    { title: t('bulletins.col.title'), dataIndex: 'title', key: 'title' },
    {
      title: t('bulletins.col.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, b: BulletinSummary) =>
        b.status === 'draft' ? (
          <Tag>{t('bulletins.status.draft')}</Tag>
        ) : (
          <Tag color="red">
            {t('bulletins.status.published')} {t('bulletins.seq', { n: b.seq ?? 1 })}
          </Tag>
        ),
    },
    {
      title: t('bulletins.col.asOf'),
      key: 'asOf',
      width: 130,
      render: (_: unknown, b: BulletinSummary) => date(b.asOf),
    },
    {
      title: t('bulletins.col.counts'),
      key: 'counts',
      width: 170,
      render: (_: unknown, b: BulletinSummary) => (
        <span className="bulletin-counts">
          {(['red', 'yellow', 'green', 'done'] as const).map((s, i) => (
            <span key={s} style={{ color: STATUS_COLOR[s] }}>
              {i > 0 && ' / '}
              {b.counts[s]}
            </span>
          ))}
        </span>
      ),
    },
    {
      title: t('bulletins.col.published'),
      key: 'published',
      width: 190,
      render: (_: unknown, b: BulletinSummary) =>
        b.publishedAt
          ? t('bulletins.publishedBy', { at: date(b.publishedAt.slice(0, 10)), by: b.publishedBy ?? '' })
          : '—',
    },
    {
      title: t('bulletins.col.actions'),
      key: 'actions',
      width: 210,
      render: (_: unknown, b: BulletinSummary) => (
        <Space>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            href={apiHref(`/bulletins/${b.id}.docx`)}
            download
            aria-label={t('bulletins.downloadLabel', { title: b.title })}
          >
            {t('bulletins.download')}
          </Button>
          <Button size="small" onClick={() => void openOne(b.id)}>
            {b.status === 'draft' && admin ? t('bulletins.edit') : t('bulletins.content')}
          </Button>
        </Space>
      ),
    },
  ];

  const cadence = org.data?.cadence ?? 'monthly';
  return (
    <div data-testid="bulletins-page">
      <PageHeader title={t('bulletins.title')} sub={t('bulletins.sub')} />
      <Row gutter={[16, 16]}>
        {admin && (
          <Col span={24}>
            <Card size="small" title={<h2>{t('bulletins.generate')}</h2>}>
              {org.data && (
                <Form
                  layout="inline"
                  initialValues={{ period: latestDuePeriod(todayIso(), cadence, org.data.dueDay) }}
                  onFinish={(v: { period: string }) => void generate(v)}
                >
                  <Form.Item
                    name="period"
                    label={t('bulletins.period')}
                    extra={t('bulletins.periodHint')}
                    rules={[{ required: true, pattern: PERIOD, message: t('bulletins.periodInvalid') }]}
                    normalize={(v: string) => v.trim().toUpperCase()}
                  >
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit">
                      {t('bulletins.create')}
                    </Button>
                  </Form.Item>
                </Form>
              )}
            </Card>
          </Col>
        )}
        {open && open.status === 'draft' && admin && (
          <Col span={24}>
            <BulletinEditor draft={open} onChange={show} onClose={() => setOpen(null)} />
          </Col>
        )}
        <Col span={24}>
          <Card size="small" title={<h2>{t('bulletins.list')}</h2>}>
            {!list.data && list.loading && <PageLoading />}
            {list.data && list.data.bulletins.length === 0 && <Empty description={t('bulletins.none')} />}
            {list.data && list.data.bulletins.length > 0 && (
              <Table<BulletinSummary>
                rowKey="id"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={list.data.bulletins}
                scroll={{ x: 1000 }}
              />
            )}
          </Card>
        </Col>
        {open && (
          <Col span={24}>
            <Card
              size="small"
              title={<h2>{t('bulletins.content')}</h2>}
              extra={<Button onClick={() => setOpen(null)}>{t('bulletins.close')}</Button>}
            >
              <BulletinPreview bulletin={open} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
