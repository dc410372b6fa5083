/** 改革事项: the filtered, searched, sorted, paged list; filters live in the URL; the view exports to .xlsx. */
import { Button, Table, type TableProps } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { api, apiHref } from '../../api/client';
import type { ItemList, ItemSummary } from '../../api/types';
import { filterQuery, parseFilters, type ItemFilters } from '../../app/links';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { todayIso } from '../../i18n/format';
import { PageHeader } from '../../components/PageHeader';
import { FilterBar } from './FilterBar';
import { ColumnChooser } from './ColumnChooser';
import { SORT_KEY, useItemColumns, type ColumnKey } from './columns';

const DEFAULT_PAGE_SIZE = 20;

export default function ItemsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const asOf = filters.asOf ?? todayIso();
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = filterQuery({ ...filters, asOf, page, pageSize });
  const { data, loading } = useApi(
    (signal) => api.get<ItemList>('/items', query, { signal }),
    JSON.stringify(query),
  );
  const { columns, visible, setVisible, all } = useItemColumns(filters, asOf);

  const update = (patch: Partial<ItemFilters>, keepPage = false) => {
    const next = { ...filters, ...patch };
    if (!keepPage) next.page = undefined;
    setParams(filterQuery(next));
  };

  const onChange: TableProps<ItemSummary>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order ? SORT_KEY[s.columnKey as ColumnKey] : undefined;
    const order = s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined;
    const sortChanged = sort !== filters.sort || order !== filters.order;
    update(
      {
        sort,
        order,
        page: sortChanged ? undefined : pagination.current,
        pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? undefined : pagination.pageSize,
      },
      true,
    );
  };

  const exportQuery = filterQuery({ ...filters, asOf, page: undefined, pageSize: undefined });
  return (
    <div data-testid="items-page">
      <PageHeader
        title={t('items.title')}
        sub={data ? t('items.count', { n: data.total }) : undefined}
        extra={
          <>
            <ColumnChooser all={all} visible={visible} onChange={setVisible} />
            <Button
              icon={<DownloadOutlined />}
              href={apiHref('/items/export.xlsx', exportQuery)}
              download
              data-testid="export-xlsx"
            >
              {t('items.export')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={apiHref('/ledger.xlsx', exportQuery)}
              download
              title={t('items.exportLedger.hint')}
              data-testid="export-ledger"
            >
              {t('items.exportLedger')}
            </Button>
          </>
        }
      />
      <FilterBar filters={{ ...filters, asOf }} onChange={(patch) => update(patch)} />
      <Table<ItemSummary>
        rowKey="itemKey"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={loading}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('items.count', { n }),
        }}
      />
    </div>
  );
}
