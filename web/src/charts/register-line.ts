import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// Without LabelLayout a tree-shaken ECharts 6 draws no markLine at all (no line, no label) on canvas.
echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, LabelLayout, CanvasRenderer]);
