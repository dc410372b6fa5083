/**
 * 跨组织搜索 (issue 9): the items of every org below that match a word, a status, key items —
 * grouped by org in tree order, each a way into its org's pages; the same query as an .xlsx.
 */
import { Button, Card, Checkbox, Empty, Input, Pagination, Select, Table, type TableColumnType } from 'antd';
import { DownloadOutlined, StarFilled } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { api, apiHref } from '../../api/client';
import type { OrgRef, RollupHit, RollupSearch, Status } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useAsOf } from '../../hooks/useAsOf';
import { useI18n } from '../../i18n';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { STATUS_ORDER } from '../../components/status';
import { RollupTabs } from './RollupTabs';
import { drillLink, itemDrillLink } from './drill';
import '../../styles/rollup.css';

const PAGE_SIZE = 50;

/** The hits of one page, org by org (the server sends them in tree order). */
function byOrg(hits: RollupHit[]): { org: OrgRef; hits: RollupHit[] }[] {
  const groups: { org: OrgRef; hits: RollupHit[] }[] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    if (last && last.org.id === h.org.id) last.hits.push(h);
    else groups.push({ org: h.org, hits: [h] });
  }
  return groups;
}

function HitTable({ hits, asOf }: { hits: RollupHit[]; asOf: string }) {
  const { t, date } = useI18n();
  const columns: TableColumnType<RollupHit>[] = [
    {
      key: 'number',
      title: t('col.number'),
      width: 72,
      render: (_, { item }) => (
        <span className="item-number">
          {item.number}
          {item.key && <StarFilled className="key-star" aria-label={t('item.key')} title={t('item.key')} />}
        </span>
      ),
    },
    {
      key: 'title',
      title: t('col.title'),
      render: (_, h) => <Link to={itemDrillLink(h.org.id, h.item, asOf)}>{h.item.title}</Link>,
    },
    { key: 'lead', title: t('col.leadUnit'), width: 180, render: (_, h) => h.item.leadUnit?.name ?? '—' },
    {
      key: 'deadline',
      title: t('col.nextDeadline'),
      width: 130,
      render: (_, h) => (h.item.nextDeadline ? date(h.item.nextDeadline.deadline) : '—'),
    },
    {
      key: 'status',
      title: t('col.status'),
      width: 88,
      render: (_, h) => <StatusTag status={h.item.status} />,
    },
  ];
  return (
    <Table<RollupHit>
      rowKey={(h) => `${h.org.id}|${h.item.itemKey}`}
      size="small"
      columns={columns}
      dataSource={hits}
      pagination={false}
      scroll={{ x: 760 }}
    />
  );
}

export default function SearchPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = STATUS_ORDER.find((s) => s === statusParam);
  const key = params.get('key') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const asked = q !== '' || status !== undefined || key;
  const query = { q, status, key: key ? 'true' : undefined, asOf };
  const { data, loading } = useApi(
    (signal) =>
      asked
        ? api.get<RollupSearch>('/rollup/search', { ...query, page, pageSize: PAGE_SIZE }, { signal })
        : Promise.resolve(undefined),
    `${q}|${status}|${key}|${page}|${asOf}`,
  );
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <div data-testid="rollup-search-page">
      <PageHeader
        title={t('search.title')}
        extra={
          <>
            <AsOfPicker value={asOf} onChange={setAsOf} />
            <Button
              icon={<DownloadOutlined />}
              href={apiHref('/rollup/export.xlsx', query)}
              download
              data-testid="rollup-export"
            >
              {t('search.export')}
            </Button>
          </>
        }
      />
      <RollupTabs />
      <div className="rollup-search-bar no-print">
        <Input.Search
          key={q}
          defaultValue={q}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          enterButton={t('search.button')}
          allowClear
          data-testid="rollup-search-input"
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Select<Status>
          value={status}
          allowClear
          placeholder={t('search.status')}
          aria-label={t('search.status')}
          style={{ width: 120 }}
          onChange={(v) => set({ status: v })}
          options={STATUS_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Checkbox checked={key} onChange={(e) => set({ key: e.target.checked ? 'true' : undefined })}>
          {t('search.keyOnly')}
        </Checkbox>
      </div>
      {!asked && <Empty description={t('search.prompt')} />}
      {asked && !data && loading && <PageLoading />}
      {asked && data && (
        <div aria-busy={loading} data-testid="rollup-search-results">
          <p className="rollup-search-summary">
            {t('search.summary', { total: data.total, orgs: data.byOrg.filter((o) => o.count > 0).length })}
          </p>
          {data.total === 0 && <Empty description={t('search.none')} />}
          {data.byOrg.some((o) => o.count > 0) && (
            <ul className="rollup-search-orgs">
              {data.byOrg
                .filter((o) => o.count > 0)
                .map((o) => (
                  <li key={o.org.id}>
                    <Link
                      to={drillLink(o.org.id, '/items', { q: q || undefined, status, asOf })}
                      title={t('search.orgItems', { org: o.org.name })}
                    >
                      {o.org.name}
                    </Link>{' '}
                    <span className="muted">{o.count}</span>
                  </li>
                ))}
            </ul>
          )}
          {byOrg(data.hits).map((g) => (
            <Card
              key={g.org.id}
              size="small"
              className="rollup-search-group"
              data-testid="rollup-search-group"
              title={
                <h2>
                  <Link to={drillLink(g.org.id, '/', { asOf })}>{g.org.name}</Link>
                </h2>
              }
              extra={
                <Link to={drillLink(g.org.id, '/items', { q: q || undefined, status, asOf })}>
                  {t('search.orgItems', { org: g.org.name })}
                </Link>
              }
            >
              <HitTable hits={g.hits} asOf={data.asOf} />
            </Card>
          ))}
          {data.total > data.pageSize && (
            <Pagination
              className="rollup-search-pages"
              current={data.page}
              pageSize={data.pageSize}
              total={data.total}
              showSizeChanger={false}
              onChange={(p) => set({ page: String(p) })}
            />
          )}
        </div>
      )}
    </div>
  );
}
