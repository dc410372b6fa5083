/**
 * 同类改革 (issue 9): the same reform in several orgs below — items grouped by similar titles —
 * with each org's item and its status; every item opens in its org, read-only.
 */
import { Card, Collapse, Empty, Select, Table, type TableColumnType } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { RollupThemes, Theme, ThemeItem } from '../../api/types';
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

const SIMILARITIES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const MIN_ORGS = [2, 3, 4, 5, 10];

function numberParam(params: URLSearchParams, name: string, allowed: readonly number[]): number | undefined {
  const v = Number(params.get(name));
  return allowed.includes(v) ? v : undefined;
}

function ThemeItems({ theme, asOf }: { theme: Theme; asOf: string }) {
  const { t } = useI18n();
  const columns: TableColumnType<ThemeItem>[] = [
    {
      key: 'org',
      title: t('rollup.col.org'),
      width: 140,
      render: (_, i) => <Link to={drillLink(i.org.id, '/', { asOf })}>{i.org.name}</Link>,
    },
    {
      key: 'item',
      title: t('col.title'),
      render: (_, i) => (
        <Link to={itemDrillLink(i.org.id, i, asOf)}>
          {i.number !== null && <span className="muted">{i.number}. </span>}
          {i.title}
          {i.key && <StarFilled className="key-star" aria-label={t('item.key')} title={t('item.key')} />}
        </Link>
      ),
    },
    { key: 'lead', title: t('col.leadUnit'), width: 180, render: (_, i) => i.leadUnit ?? '—' },
    { key: 'status', title: t('col.status'), width: 88, render: (_, i) => <StatusTag status={i.status} /> },
  ];
  return (
    <Table<ThemeItem>
      rowKey={(i) => `${i.org.id}|${i.itemKey}`}
      size="small"
      columns={columns}
      dataSource={theme.items}
      pagination={false}
      scroll={{ x: 700 }}
    />
  );
}

function ThemeHeader({ theme }: { theme: Theme }) {
  const { t } = useI18n();
  return (
    <span className="theme-header">
      <strong>{theme.label}</strong>
      <span className="muted">
        {t('themes.orgCount', { n: theme.orgCount })} · {t('themes.itemCount', { n: theme.items.length })}
      </span>
      <span className="theme-counts">
        {STATUS_ORDER.filter((s) => theme.counts[s] > 0).map((s) => (
          <span key={s} className={`status-tag status-${s}`}>
            {t(`status.${s}`)} {theme.counts[s]}
          </span>
        ))}
      </span>
    </span>
  );
}

export default function ThemesPage() {
  const { t, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const similarity = numberParam(params, 'similarity', SIMILARITIES);
  const minOrgs = numberParam(params, 'minOrgs', MIN_ORGS);
  const { data, loading } = useApi(
    (signal) => api.get<RollupThemes>('/rollup/themes', { asOf, similarity, minOrgs }, { signal }),
    `${asOf}|${similarity}|${minOrgs}`,
  );
  const set = (name: string, v: number) => {
    const next = new URLSearchParams(params);
    next.set(name, String(v));
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="themes-page">
      <PageHeader
        title={t('themes.title')}
        sub={
          data
            ? t('themes.sub', { asOf: date(data.asOf), n: data.themes.length, minOrgs: data.minOrgs })
            : undefined
        }
        extra={
          <>
            <label className="asof-picker">
              <span>{t('themes.similarity')}</span>
              <Select<number>
                value={data?.similarity ?? similarity ?? 0.5}
                onChange={(v) => set('similarity', v)}
                options={SIMILARITIES.map((v) => ({ value: v, label: `${Math.round(v * 100)}%` }))}
                aria-label={t('themes.similarity')}
                style={{ width: 88 }}
              />
            </label>
            <label className="asof-picker">
              <span>{t('themes.minOrgs')}</span>
              <Select<number>
                value={data?.minOrgs ?? minOrgs ?? 2}
                onChange={(v) => set('minOrgs', v)}
                options={MIN_ORGS.map((n) => ({ value: n, label: t('themes.minOrgsValue', { n }) }))}
                aria-label={t('themes.minOrgs')}
                style={{ width: 120 }}
              />
            </label>
            <AsOfPicker value={asOf} onChange={setAsOf} />
          </>
        }
      />
      <RollupTabs />
      {!data && loading && <PageLoading />}
      {data && data.themes.length === 0 && <Empty description={t('themes.none')} />}
      {data && data.themes.length > 0 && (
        <Card size="small" aria-busy={loading}>
          <Collapse
            data-testid="themes-list"
            defaultActiveKey={data.themes.slice(0, 3).map((th) => th.id)}
            items={data.themes.map((th) => ({
              key: th.id,
              label: <ThemeHeader theme={th} />,
              children: <ThemeItems theme={th} asOf={data.asOf} />,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
