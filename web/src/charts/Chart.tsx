/**
 * ECharts through echarts-for-react's core build (the plain build imports all of ECharts).
 * Each page registers only the charts it draws (register-basic.ts, register-graph.ts).
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import type { CSSProperties } from 'react';

export type ChartClick = { seriesName?: string; name?: string; dataIndex: number; data?: unknown; dataType?: string };

export interface ChartProps {
  option: Record<string, unknown>;
  height: number;
  label: string;
  onClick?: (p: ChartClick) => void;
  style?: CSSProperties;
}

export function Chart({ option, height, label, onClick, style }: ChartProps) {
  return (
    <div role="img" aria-label={label} className="chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: '100%', ...style }}
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
