/**
 * The only module that imports ECharts; the stats page loads it lazily, so neither the entry chunk
 * nor the stats table waits for it. Only the bar chart and the components it uses are registered
 * (the plain legend: it wraps instead of scrolling, and is smaller).
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ScaleStats } from '@xinqiao/shared';
import { statsChartOption } from './scaleStats';

echarts.use([BarChart, GridComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);

export default function StatsChart({ stats }: { stats: ScaleStats }) {
  const height = Math.max(320, Math.min(520, 240 + stats.rows.length * 8));
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={statsChartOption(stats)}
      notMerge
      style={{ height, width: '100%' }}
      opts={{ renderer: 'canvas', locale: 'ZH' }}
      role="img"
      aria-label="测评结果分布堆叠柱状图"
    />
  );
}
