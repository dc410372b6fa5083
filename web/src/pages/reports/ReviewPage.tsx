/**
 * 审核 (the office): reports waiting for review, oldest submission first, each tagged on time or
 * late; filters by period, unit and status live in the URL. A row opens the report to review.
 */
import { Card, Input, Select, Table, Tag, type TableColumnType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { ReportStatus, ReportSummary, ReportsPage } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useShared';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ReportStatusTag } from './ReportStatusTag';
import { momentText, periodText, reportLink } from './format';
import '../../styles/reports.css';

const STATUSES: readonly ReportStatus[] = ['submitted', 'returned', 'approved', 'draft'];
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])$/;
const PAGE_SIZE = 100;

export default function ReviewPage() {
  const i18n = useI18n();
  const { t, date } = i18n;
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'submitted';
  const period = params.get('period') ?? '';
  const unit = params.get('unit') ?? '';
  const page = Number(params.get('page')) || 1;
  const [periodInput, setPeriodInput] = useState(period);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  // Oldest submission first, sorted by the server over the whole list before paging (sorting
  // each page here put page 2's older submissions after page 1's newer ones).
  const query = {
    status: status === 'all' ? undefined : status,
    period,
    unit,
    page,
    pageSize: PAGE_SIZE,
    sort: 'submitted',
  };
  const { data, loading } = useApi(
    (signal) => api.get<ReportsPage>('/reports', query, { signal }),
    JSON.stringify(query),
  );
  const rows = data?.reports ?? [];

  const columns: TableColumnType<ReportSummary>[] = [
    { key: 'number', title: t('col.number'), dataIndex: 'itemNumber', width: 64 },
    {
      key: 'title',
      title: t('col.title'),
      render: (_, r) => (
        <Link to={reportLink(r.itemKey, r.period, r.itemNumber)} data-testid="review-open">
          {r.itemTitle}
        </Link>
      ),
    },
    { key: 'unit', title: t('review.unit'), render: (_, r) => r.unit.name },
    { key: 'period', title: t('review.period'), width: 100, render: (_, r) => periodText(r.period, i18n) },
    {
      key: 'submitted',
      title: t('review.submittedAt'),
      width: 170,
      render: (_, r) => (r.submittedAt ? momentText(r.submittedAt, i18n) : '—'),
    },
    {
      key: 'onTime',
      title: t('review.onTime'),
      width: 130,
      render: (_, r) =>
        r.onTime === null ? (
          '—'
        ) : (
          <Tag color={r.onTime ? 'green' : 'red'} title={t('review.dueOn', { date: date(r.dueDate) })}>
            {t(r.onTime ? 'review.tagOnTime' : 'review.tagLate')}
          </Tag>
        ),
    },
    {
      key: 'status',
      title: t('col.status'),
      width: 90,
      render: (_, r) => <ReportStatusTag status={r.status} />,
    },
  ];

  return (
    <div data-testid="review-page">
      <PageHeader title={t('review.title')} sub={data ? t('review.count', { n: data.total }) : undefined} />
      <Card size="small">
        <div className="filter-bar" role="search" aria-label={t('filters.label')}>
          <label className="inline-field">
            <span>{t('review.status')}</span>
            <Select
              value={status}
              style={{ width: 120 }}
              onChange={(v) => set('status', v === 'submitted' ? '' : v)}
              aria-label={t('review.status')}
              data-testid="review-status"
              options={[
                ...STATUSES.map((s) => ({ value: s, label: t(`report.status.${s}`) })),
                { value: 'all', label: t('common.all') },
              ]}
            />
          </label>
          <label className="inline-field">
            <span>{t('review.period')}</span>
            <Input
              value={periodInput}
              allowClear
              style={{ width: 150 }}
              placeholder={t('review.periodHint')}
              aria-label={t('review.period')}
              status={periodInput && !PERIOD.test(periodInput) ? 'error' : undefined}
              onChange={(e) => {
                setPeriodInput(e.target.value);
                if (e.target.value === '') set('period', '');
              }}
              onPressEnter={() => PERIOD.test(periodInput) && set('period', periodInput)}
              onBlur={() => PERIOD.test(periodInput) && set('period', periodInput)}
            />
          </label>
          <label className="inline-field">
            <span>{t('review.unit')}</span>
            <Select
              value={unit || undefined}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('common.all')}
              aria-label={t('review.unit')}
              onChange={(v?: string) => set('unit', v ?? '')}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </label>
        </div>
        <Table<ReportSummary>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('review.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set('page', p === 1 ? '' : String(p)),
          }}
        />
      </Card>
    </div>
  );
}
