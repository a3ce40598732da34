/**
 * ECharts options for the awareness figures. Pure functions (types only from ECharts), so they are
 * unit-tested and the chart module itself stays lazily loaded.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import type { AwarenessMetric, AwarenessSlice, AwarenessTrendPoint } from '@xinqiao/shared';
import { formatNumber } from '../../utils/format';
import { AWARENESS_METRIC_LABELS, formatPercent, formatRateWithCi, isSummary, metricEstimate } from './awarenessFormat';

export type AwarenessChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | CustomSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Percent with one decimal for the axis (the charts plot 0-100, not 0-1). */
const toPct = (rate: number) => Math.round(rate * 1000) / 10;

const BAR_COLOUR = '#2f6fd6';
const CI_COLOUR = '#1f3f7a';
const TARGET_COLOUR = '#f5222d';
const MEAN_COLOUR = '#37b5a5';

/** An I-beam from the lower to the upper bound at category `x` (custom series data: [x, lower, upper]). */
export function errorBarRenderItem(params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  void params;
  const x = api.value(0);
  const top = api.coord([x, api.value(2)]);
  const bottom = api.coord([x, api.value(1)]);
  const band = api.size ? (api.size([1, 0]) as number[])[0] : 40;
  const half = Math.max(4, Math.min(12, band * 0.15));
  const style = { stroke: CI_COLOUR, lineWidth: 1.5, fill: 'none' };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1] }, style },
      { type: 'line', shape: { x1: top[0] - half, y1: top[1], x2: top[0] + half, y2: top[1] }, style },
      { type: 'line', shape: { x1: bottom[0] - half, y1: bottom[1], x2: bottom[0] + half, y2: bottom[1] }, style },
    ],
  };
}

export interface SliceChartData {
  categories: string[];
  /** Percent; null for a suppressed slice (left out, not drawn as 0). */
  values: (number | null)[];
  /** [category index, lower %, upper %] of each slice with figures. */
  intervals: [number, number, number][];
  /** Percent per slice where a target on this metric applies. */
  targets: (number | null)[];
  /** Set when one target applies to every slice with a target: drawn as a single line. */
  commonTarget: number | null;
}

export function sliceChartData(rows: readonly AwarenessSlice[], metric: AwarenessMetric): SliceChartData {
  const categories = rows.map((r) => r.label);
  const values: (number | null)[] = [];
  const intervals: [number, number, number][] = [];
  rows.forEach((r, i) => {
    if (!isSummary(r.result)) {
      values.push(null);
      return;
    }
    const { rate, ci } = metricEstimate(r.result, metric);
    values.push(toPct(rate));
    intervals.push([i, toPct(ci.lower), toPct(ci.upper)]);
  });
  const targets = rows.map((r) => (r.target && r.target.metric === metric ? toPct(r.target.rate) : null));
  const set = targets.filter((t): t is number => t !== null);
  const commonTarget = set.length && set.every((t) => t === set[0]) ? set[0] : null;
  return { categories, values, intervals, targets, commonTarget };
}

/** Bars of the chosen figure per slice, with 95% CI error bars and the target(s). */
export function sliceChartOption(rows: readonly AwarenessSlice[], metric: AwarenessMetric): AwarenessChartOption {
  const data = sliceChartData(rows, metric);
  const label = AWARENESS_METRIC_LABELS[metric];
  const perSliceTargets = data.commonTarget === null && data.targets.some((t) => t !== null);
  const series: AwarenessChartOption['series'] = [
    {
      type: 'bar',
      name: label,
      barMaxWidth: 48,
      itemStyle: { color: BAR_COLOUR },
      data: data.values.map((v) => (v === null ? '-' : v)),
      ...(data.commonTarget !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: TARGET_COLOUR, type: 'dashed', width: 1.5 },
              label: { formatter: `目标 ${data.commonTarget.toFixed(1)}%`, position: 'insideEndTop', color: TARGET_COLOUR },
              data: [{ yAxis: data.commonTarget }],
            },
          }
        : {}),
    },
    {
      type: 'custom',
      name: '95% 置信区间',
      renderItem: errorBarRenderItem,
      // Also the legend swatch's colour.
      itemStyle: { color: CI_COLOUR },
      encode: { x: 0, y: [1, 2] },
      data: data.intervals,
      z: 3,
      tooltip: { show: false },
    },
  ];
  if (perSliceTargets) {
    // Targets differ between slices (e.g. urban 70%, rural 60%): a marker on each bar.
    series.push({
      type: 'scatter',
      name: '目标',
      symbol: 'rect',
      symbolSize: [36, 3],
      itemStyle: { color: TARGET_COLOUR },
      data: data.targets.map((t) => (t === null ? '-' : t)),
      z: 4,
    });
  }
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const row = first?.dataIndex === undefined ? undefined : rows[first.dataIndex];
        return row ? sliceTooltip(row, metric) : '';
      },
    },
    legend: { top: 0, data: [label, '95% 置信区间', ...(perSliceTargets ? ['目标'] : [])] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: data.categories.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: `${label}（%）`, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tooltip text (HTML) of one slice. */
export function sliceTooltip(row: AwarenessSlice, metric: AwarenessMetric): string {
  const lines = [`<b>${escapeHtml(row.label)}</b>`];
  lines.push(`答题人数：${formatNumber(row.respondents)}`);
  if (!isSummary(row.result)) {
    lines.push(escapeHtml(row.result.reason));
  } else {
    const { rate, ci } = metricEstimate(row.result, metric);
    lines.push(`${AWARENESS_METRIC_LABELS[metric]}：${formatRateWithCi(rate, ci)}`);
  }
  if (row.target) lines.push(`目标：${AWARENESS_METRIC_LABELS[row.target.metric]} ${formatPercent(row.target.rate)}`);
  return lines.join('<br/>');
}

/** "第一轮调查（2025）" for the trend axis. */
export function trendLabel(p: AwarenessTrendPoint): string {
  return p.year ? `${p.title}（${p.year}）` : p.title;
}

/** Both figures over the waves, oldest first; a suppressed wave is a gap in the lines. */
export function trendChartOption(points: readonly AwarenessTrendPoint[]): AwarenessChartOption {
  const pick = (f: (s: { passRate: number; meanCorrectRate: number }) => number) => points.map((p) => (isSummary(p.result) ? toPct(f(p.result)) : '-'));
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const p = first?.dataIndex === undefined ? undefined : points[first.dataIndex];
        if (!p) return '';
        const lines = [`<b>${escapeHtml(trendLabel(p))}</b>`];
        if (!isSummary(p.result)) lines.push(escapeHtml(p.result.reason));
        else {
          lines.push(`答题人数：${p.result.respondents.toLocaleString('zh-CN')}`);
          lines.push(`达标率：${formatRateWithCi(p.result.passRate, p.result.passRateCi)}`);
          lines.push(`平均正确率：${formatRateWithCi(p.result.meanCorrectRate, p.result.meanCorrectRateCi)}`);
        }
        return lines.join('<br/>');
      },
    },
    legend: { top: 0, data: ['达标率', '平均正确率'] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map(trendLabel), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'line', name: '达标率', data: pick((s) => s.passRate), itemStyle: { color: BAR_COLOUR }, symbolSize: 8, connectNulls: false },
      { type: 'line', name: '平均正确率', data: pick((s) => s.meanCorrectRate), itemStyle: { color: MEAN_COLOUR }, symbolSize: 8, connectNulls: false },
    ],
  };
}

/** Respondents per day (a campaign's dashboard). */
export function dailyChartOption(daily: readonly { date: string; respondents: number }[]): AwarenessChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')} 人` : '-') },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', name: '答题人数', minInterval: 1 },
    series: [
      { type: 'line', name: '答题人数', data: daily.map((d) => d.respondents), itemStyle: { color: BAR_COLOUR }, areaStyle: { opacity: 0.12 }, smooth: false },
    ],
  };
}
