/**
 * 赛马: the orgs below in rank order with their figures (each org with everything below it); a row
 * opens the org's own dashboard, read-only (the org goes into `?org=`).
 */
import { Table, Tooltip, type TableColumnType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { RollupRow, Status } from '../../api/types';
import { STATUS_ORDER } from '../../components/status';
import { useI18n } from '../../i18n';
import { RankChange } from '../../components/RankChange';
import { drillLink, itemDrillLink } from './drill';

export function RollupTable({ rows, asOf }: { rows: RollupRow[]; asOf: string }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const dashboard = (r: RollupRow) => drillLink(r.org.id, '/', { asOf });
  const statusColumn = (s: Status): TableColumnType<RollupRow> => ({
    key: s,
    title: t(`status.${s}`),
    width: 64,
    align: 'right',
    render: (_, r) => (
      <Link
        to={drillLink(r.org.id, '/items', { status: s, asOf })}
        className={`rollup-count status-text-${s}`}
        onClick={(e) => e.stopPropagation()}
      >
        {r.subtree.items[s]}
      </Link>
    ),
  });
  const columns: TableColumnType<RollupRow>[] = [
    {
      key: 'rank',
      title: t('scoreboard.col.rank'),
      width: 56,
      align: 'right',
      render: (_, r) => r.rank ?? '—',
    },
    {
      key: 'change',
      title: t('scoreboard.col.change'),
      width: 72,
      align: 'center',
      render: (_, r) => <RankChange rank={r.rank} previous={r.previousRank} />,
    },
    {
      key: 'org',
      title: t('rollup.col.org'),
      render: (_, r) => (
        <Link
          to={dashboard(r)}
          aria-label={t('rollup.drill', { org: r.org.name })}
          onClick={(e) => e.stopPropagation()}
          data-testid="rollup-org-link"
        >
          {r.org.name}
        </Link>
      ),
    },
    {
      key: 'plan',
      title: t('rollup.col.plan'),
      ellipsis: true,
      render: (_, r) =>
        r.plan ? (
          <Tooltip title={r.plan.title}>{r.plan.title}</Tooltip>
        ) : (
          <span className="muted">{t('rollup.noPlan')}</span>
        ),
    },
    {
      key: 'total',
      title: t('rollup.col.items'),
      width: 64,
      align: 'right',
      render: (_, r) => r.subtree.items.total,
    },
    ...STATUS_ORDER.map(statusColumn),
    {
      key: 'milestones',
      title: t('rollup.col.milestones'),
      width: 120,
      align: 'right',
      render: (_, r) => `${r.subtree.milestones.dueDone}/${r.subtree.milestones.due}`,
    },
    {
      key: 'reports',
      title: t('rollup.col.reports'),
      width: 120,
      align: 'right',
      render: (_, r) => `${r.subtree.reports.onTime}/${r.subtree.reports.due}`,
    },
    {
      key: 'score',
      title: t('scoreboard.col.score'),
      width: 72,
      align: 'right',
      render: (_, r) =>
        r.score === null ? (
          <Tooltip title={t('scoreboard.unscoredHint')}>
            <span className="muted">{t('scoreboard.unscored')}</span>
          </Tooltip>
        ) : (
          <strong>{r.score.toFixed(1)}</strong>
        ),
    },
    {
      key: 'lastApproved',
      title: t('rollup.col.lastApproved'),
      width: 200,
      ellipsis: true,
      render: (_, r) => {
        const a = r.subtree.lastApproved;
        if (!a) return <span className="muted">—</span>;
        return (
          <Tooltip title={`${a.org.name} · ${a.itemTitle}`}>
            <Link
              to={itemDrillLink(a.org.id, { number: a.itemNumber, title: a.itemTitle }, asOf)}
              onClick={(e) => e.stopPropagation()}
            >
              {date(a.approvedAt.slice(0, 10))} · {a.itemTitle}
            </Link>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <Table<RollupRow>
      rowKey={(r) => r.org.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="rollup-table"
      rowClassName="rollup-row"
      onRow={(r) => ({ onClick: () => void navigate(dashboard(r)) })}
    />
  );
}
