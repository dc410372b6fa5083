/** The list's columns, which of them are shown (persisted), and their server-side sort keys. */
import { useState } from 'react';
import type { TableColumnType } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ItemSort, ItemSummary, StatusCounts } from '../../api/types';
import type { ItemFilters } from '../../app/links';
import { StatusTag } from '../../components/StatusTag';
import { UnitLinks } from '../../components/UnitLinks';
import { useI18n, type MessageKey } from '../../i18n';

export type ColumnKey =
  | 'number'
  | 'title'
  | 'status'
  | 'leadUnit'
  | 'coUnits'
  | 'nextDeadline'
  | 'milestones'
  | 'targets'
  | 'section';

const LABELS: Record<ColumnKey, MessageKey> = {
  number: 'col.number',
  title: 'col.title',
  status: 'col.status',
  leadUnit: 'col.leadUnit',
  coUnits: 'col.coUnits',
  nextDeadline: 'col.nextDeadline',
  milestones: 'col.milestones',
  targets: 'col.targets',
  section: 'col.section',
};
const ALL = Object.keys(LABELS) as ColumnKey[];
const DEFAULT: ColumnKey[] = ['number', 'title', 'status', 'leadUnit', 'coUnits', 'nextDeadline'];
/** Column → the server's sort key (GET /items?sort=). */
export const SORT_KEY: Partial<Record<ColumnKey, ItemSort>> = {
  number: 'number',
  title: 'title',
  status: 'status',
  nextDeadline: 'deadline',
};
const STORAGE_KEY = 'reform-ledger.items.columns';

function loadVisible(): ColumnKey[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const keys = saved.filter((k): k is ColumnKey => ALL.includes(k as ColumnKey));
      if (keys.length > 0) return keys;
    }
  } catch {
    // ignore a broken value
  }
  return DEFAULT;
}

/** The total, with how many are red or yellow when any are. */
function Counts({ c }: { c: StatusCounts }) {
  return (
    <span className="nowrap">
      {c.total}
      {c.red > 0 && <span className="count-red"> · {c.red}</span>}
      {c.yellow > 0 && <span className="count-yellow"> · {c.yellow}</span>}
    </span>
  );
}

export function useItemColumns(filters: ItemFilters, asOf: string) {
  const { t, date } = useI18n();
  const [visible, setVisibleState] = useState<ColumnKey[]>(loadVisible);
  const setVisible = (keys: ColumnKey[]) => {
    const ordered = ALL.filter((k) => keys.includes(k));
    setVisibleState(ordered);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ordered));
  };
  const render: Record<ColumnKey, TableColumnType<ItemSummary>['render']> = {
    number: (_, r) => (
      <span className="item-number">
        {r.number}
        {r.key && <StarFilled className="key-star" aria-label={t('item.key')} title={t('item.key')} />}
      </span>
    ),
    title: (_, r) =>
      r.number === null ? r.title : <Link to={`/items/${r.number}?asOf=${asOf}`}>{r.title}</Link>,
    status: (_, r) => <StatusTag status={r.status} />,
    leadUnit: (_, r) => (r.leadUnit ? <UnitLinks units={[r.leadUnit]} /> : '—'),
    coUnits: (_, r) => <UnitLinks units={r.coUnits} max={4} />,
    nextDeadline: (_, r) => (r.nextDeadline ? date(r.nextDeadline.deadline) : '—'),
    milestones: (_, r) => <Counts c={r.milestones} />,
    targets: (_, r) => <Counts c={r.targets} />,
    section: (_, r) => r.section ?? '',
  };
  const width: Partial<Record<ColumnKey, number>> = {
    number: 80,
    status: 96,
    nextDeadline: 150,
    milestones: 90,
    targets: 90,
    title: 340,
    leadUnit: 180,
    coUnits: 260,
  };
  const columns: TableColumnType<ItemSummary>[] = visible.map((key) => ({
    key,
    dataIndex: key,
    title: t(LABELS[key]),
    render: render[key],
    width: width[key],
    sorter: SORT_KEY[key] !== undefined,
    sortOrder:
      SORT_KEY[key] !== undefined && filters.sort === SORT_KEY[key]
        ? filters.order === 'desc'
          ? 'descend'
          : 'ascend'
        : null,
  }));
  const all = ALL.map((key) => ({ key, label: t(LABELS[key]) }));
  return { columns, visible, setVisible, all };
}
