/** The ranked lead units: rank, change since last period, score, the four rates, due milestones. */
import { Table, Tooltip, type TableColumnType } from 'antd';
import { Link } from 'react-router';
import type { ScoreRow } from '../../api/types';
import { useI18n } from '../../i18n';
import { percent } from './period';
import { RankChange } from '../../components/RankChange';

export function ScoreTable({
  rows,
  asOf,
  selected,
  onSelect,
}: {
  rows: ScoreRow[];
  asOf: string;
  selected: string | undefined;
  onSelect: (unitId: string) => void;
}) {
  const { t } = useI18n();
  const rate = (key: 'done' | 'onTime' | 'reports' | 'returned'): TableColumnType<ScoreRow> => ({
    key,
    title: t(`scoreboard.col.${key}`),
    width: 80,
    align: 'right',
    render: (_, r) => percent(r.rates[key]),
  });
  const columns: TableColumnType<ScoreRow>[] = [
    { key: 'rank', title: t('scoreboard.col.rank'), dataIndex: 'rank', width: 64, align: 'right' },
    {
      key: 'change',
      title: t('scoreboard.col.change'),
      width: 80,
      align: 'center',
      render: (_, r) => <RankChange rank={r.rank} previous={r.previousRank} />,
    },
    {
      key: 'unit',
      title: t('scoreboard.col.unit'),
      render: (_, r) => (
        <Link to={`/units/${encodeURIComponent(r.unit.id)}?asOf=${asOf}`}>{r.unit.name}</Link>
      ),
    },
    {
      key: 'score',
      title: t('scoreboard.col.score'),
      width: 80,
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
    rate('done'),
    rate('onTime'),
    rate('reports'),
    rate('returned'),
    {
      key: 'due',
      title: t('scoreboard.col.due'),
      width: 120,
      align: 'right',
      render: (_, r) => `${r.milestones.dueDone}/${r.milestones.due}`,
    },
    {
      key: 'reportsDue',
      title: t('scoreboard.col.reportsDue'),
      width: 120,
      align: 'right',
      render: (_, r) => `${r.reports.onTime}/${r.reports.due}`,
    },
  ];
  return (
    <Table<ScoreRow>
      rowKey={(r) => r.unit.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="score-table"
      rowClassName={(r) => (r.unit.id === selected ? 'score-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r.unit.id) })}
    />
  );
}
