/** The item's reports, newest period first: status, when submitted (on time or late) and reviewed. */
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ReportSummary } from '../../api/types';
import { useI18n } from '../../i18n';
import { ReportStatusTag } from '../reports/ReportStatusTag';
import { localDay, periodText, reportLink } from '../reports/format';

export function ReportHistory({ reports }: { reports: ReportSummary[] }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  return (
    <Table<ReportSummary>
      className="report-history"
      rowKey="id"
      size="small"
      pagination={reports.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      dataSource={reports}
      locale={{ emptyText: t('itemReports.none') }}
      data-testid="report-history"
      columns={[
        {
          key: 'period',
          title: t('review.period'),
          render: (_, r) => (
            <Link to={reportLink(r.itemKey, r.period, r.itemNumber)}>{periodText(r.period, i18n)}</Link>
          ),
        },
        { key: 'status', title: t('col.status'), render: (_, r) => <ReportStatusTag status={r.status} /> },
        {
          key: 'submitted',
          title: t('itemReports.submitted'),
          render: (_, r) =>
            r.submittedAt ? (
              <span className="nowrap">
                {date(localDay(r.submittedAt))}{' '}
                {r.onTime === false && <Tag color="red">{t('review.tagLate')}</Tag>}
              </span>
            ) : (
              '—'
            ),
        },
        {
          key: 'reviewed',
          title: t('itemReports.reviewed'),
          render: (_, r) => (r.reviewedAt ? date(localDay(r.reviewedAt)) : '—'),
        },
      ]}
    />
  );
}
