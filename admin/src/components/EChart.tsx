/**
 * A lazily loaded ECharts canvas for the awareness and campaign pages: pages import it with
 * `lazy()`, so ECharts never reaches the entry chunk. Only the charts and components those pages
 * use are registered (bars with CI error bars as a custom series, target markers, lines).
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, CustomChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** Read by screen readers in place of the canvas. */
  ariaLabel: string;
  testId?: string;
}

export default function EChart({ option, height = 360, ariaLabel, testId }: Props) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas', locale: 'ZH' }}
        role="img"
        aria-label={ariaLabel}
      />
    </div>
  );
}
