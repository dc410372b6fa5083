/**
 * Units linked by the items they share: a node's size is how many items it carries (lead counts
 * double), a link's width how many items two units share. Clicking a unit opens its page.
 */
import { Card, Slider } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { UnitGraph } from '../../api/types';
import { Chart } from '../../charts/Chart';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import '../../charts/register-graph';

export function UnitGraphCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [minShared, setMinShared] = useState(1);
  const { data } = useApi((signal) => api.get<UnitGraph>('/units/graph', undefined, { signal }), 'graph');
  const maxShared = Math.max(1, ...(data?.links.map((l) => l.shared) ?? [1]));
  const links = (data?.links ?? []).filter((l) => l.shared >= minShared);
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = (data?.nodes ?? []).filter((n) => minShared <= 1 || linked.has(n.id));
  const maxLoad = Math.max(1, ...nodes.map((n) => n.lead * 2 + n.co));
  const option = {
    tooltip: {
      formatter: (p: { dataType: string; data: { tip: string } }) => p.data.tip,
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 320, edgeLength: [70, 200], gravity: 0.06, friction: 0.2 },
        label: { show: true, position: 'right', fontSize: 11, formatter: '{b}' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: '#8c99a6', opacity: 0.35, curveness: 0.1 },
        data: nodes.map((n) => {
          const load = n.lead * 2 + n.co;
          return {
            id: n.id,
            name: n.name,
            value: load,
            symbolSize: 8 + 34 * Math.sqrt(load / maxLoad),
            itemStyle: { color: n.lead > 0 ? '#b7202e' : '#8c8c8c' },
            label: { show: load / maxLoad > 0.25 },
            tip: t('units.graphNode', { name: n.name, lead: n.lead, co: n.co }),
          };
        }),
        links: links.map((l) => ({
          source: l.source,
          target: l.target,
          value: l.shared,
          lineStyle: { width: 1 + (4 * l.shared) / maxShared },
          tip: t('units.graphLink', { n: l.shared }),
        })),
      },
    ],
  };
  return (
    <Card size="small" title={<h2>{t('units.graph')}</h2>} data-testid="unit-graph">
      <label className="inline-field">
        <span>{t('units.minShared')}</span>
        <Slider
          min={1}
          max={maxShared}
          value={minShared}
          onChange={setMinShared}
          style={{ width: 180 }}
          aria-label={t('units.minShared')}
        />
        <span>{t('units.sharedItems', { n: minShared })}</span>
      </label>
      <Chart
        option={option}
        height={560}
        label={t('units.graph')}
        onClick={(p) => {
          const id = (p.data as { id?: string } | undefined)?.id;
          if (p.dataType === 'node' && id) navigate(`/units/${encodeURIComponent(id)}`);
        }}
      />
      <p className="muted">{t('units.graphHint')}</p>
    </Card>
  );
}
