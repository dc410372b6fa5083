/** The item's reports, newest period first: status, when submitted (on time or late) and reviewed. */
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ReportSummary } from '../../api/types';
import { usePhone } from '../../hooks/usePhone';
import { useI18n } from '../../i18n';
import { ReportStatusTag } from '../reports/ReportStatusTag';
import { localDay, periodText, reportLink } from '../reports/format';

export function ReportHistory({ reports }: { reports: ReportSummary[] }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const phone = usePhone();
  // On a phone one card per period, the whole card one link (four columns do not fit).
  if (phone) {
    if (reports.length === 0) return <p className="muted">{t('itemReports.none')}</p>;
    return (
      <ul className="report-history-list" data-testid="report-history">
        {reports.map((r) => (
          <li key={r.id}>
            <Link to={reportLink(r.itemKey, r.period, r.itemNumber)} className="report-history-card">
              <span className="report-history-head">
                <strong>{periodText(r.period, i18n)}</strong> <ReportStatusTag status={r.status} />
                {r.onTime === false && <Tag color="red">{t('review.tagLate')}</Tag>}
              </span>
              <span className="muted">
                {t('itemReports.submitted')} {r.submittedAt ? date(localDay(r.submittedAt)) : '—'} ·{' '}
                {t('itemReports.reviewed')} {r.reviewedAt ? date(localDay(r.reviewedAt)) : '—'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
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
