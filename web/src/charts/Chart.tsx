/**
 * A thin React wrapper over ECharts' tree-shaken core: each page registers only the charts it
 * draws (register-basic.ts, register-graph.ts). Not echarts-for-react: its ESM build imports
 * `tslib` without declaring it, which Vite cannot resolve, and this is all we need of it.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

export type ChartClick = {
  seriesName?: string;
  name?: string;
  dataIndex: number;
  data?: unknown;
  dataType?: string;
};

export interface ChartProps {
  option: Record<string, unknown>;
  height: number;
  /** What the chart shows, for screen readers (the data is also offered as a table). */
  label: string;
  onClick?: (p: ChartClick) => void;
}

export function Chart({ option, height, label, onClick }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const node = el.current!;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption(still ? { ...option, animation: false } : option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      className={onClick ? 'chart chart-clickable' : 'chart'}
      style={{ height, width: '100%' }}
    />
  );
}
