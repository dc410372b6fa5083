/** 时间轴: items × quarters, milestones coloured by status; zoom to one year or the whole plan. */
import { Checkbox, Empty, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Timeline } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useAsOf } from '../../hooks/useAsOf';
import { AsOfPicker } from '../../components/AsOfPicker';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusLegend } from '../../components/StatusLegend';
import { TimelineGrid } from './TimelineGrid';

export default function TimelinePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOf();
  const zoom = params.get('zoom') ?? 'all';
  const keyOnly = params.get('key') === 'true';
  const { data, loading } = useApi((signal) => api.get<Timeline>('/timeline', { asOf }, { signal }), asOf);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, v);
    setParams(next, { replace: true });
  };
  if (!data) return loading ? <PageLoading /> : <Empty />;
  const years = [...new Set(data.quarters.map((q) => q.slice(0, 4)))];
  const quarters = zoom === 'all' ? data.quarters : data.quarters.filter((q) => q.startsWith(zoom));
  const items = keyOnly ? data.items.filter((i) => i.key) : data.items;
  return (
    <div data-testid="timeline-page">
      <PageHeader
        title={t('timeline.title')}
        extra={
          <>
            <Segmented
              aria-label={t('timeline.zoom')}
              value={years.includes(zoom) ? zoom : 'all'}
              onChange={(v) => set('zoom', v === 'all' ? null : String(v))}
              options={[
                { value: 'all', label: t('timeline.wholePlan') },
                ...years.map((y) => ({ value: y, label: t('timeline.year', { year: y }) })),
              ]}
            />
            <Checkbox checked={keyOnly} onChange={(e) => set('key', e.target.checked ? 'true' : null)}>
              {t('filters.key')}
            </Checkbox>
            <AsOfPicker value={asOf} onChange={setAsOf} />
          </>
        }
      />
      <StatusLegend />
      <TimelineGrid items={items} quarters={quarters} asOf={asOf} />
    </div>
  );
}
