import dayjs from 'dayjs';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ScaleStats, ScaleStatsDimension } from '@xinqiao/shared';
import type { ScaleStatsFilters } from '../../api/scales';

export type StatsChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** What the filter bar holds; `range` is a pair of dates (YYYY-MM-DD), both included. */
export interface StatsFilterValues {
  scaleCode?: string;
  regionId?: number;
  range?: readonly [string, string] | null;
}

/** The server counts whole days in China time and accepts dates only, never times of day. */
export function toStatsFilters(v: StatsFilterValues): ScaleStatsFilters {
  return { scaleCode: v.scaleCode || undefined, regionId: v.regionId, ...(v.range ? { from: v.range[0], to: v.range[1] } : {}) };
}

export function suppressedText(minCell: number): string {
  return `<${minCell}`;
}

export function suppressedHint(minCell: number): string {
  return `少于 ${minCell} 人不显示，防止识别个人`;
}

/** A count as shown in the table; a suppressed (null) cell as "<5". */
export function formatStatsCell(count: number | null, minCell: number): string {
  return count === null ? suppressedText(minCell) : count.toLocaleString('zh-CN');
}

export function countSuppressed(stats: ScaleStats): number {
  return stats.rows.reduce((n, row) => n + row.counts.filter((c) => c === null).length + (row.total === null ? 1 : 0), 0);
}

export const STATS_DIMENSION_COLUMN_TITLES: Record<ScaleStatsDimension, string> = {
  region: '区域',
  group: '人群',
  month: '月份',
  scale: '量表',
};

/** Green to red for the band keys whose meaning is known (STATS_TIERS and the named band levels). */
const BAND_COLOURS: Record<string, string> = {
  none: '#52c41a',
  concern: '#faad14',
  most_severe: '#f5222d',
  mild: '#a0d911',
  moderate: '#faad14',
  moderately_severe: '#fa8c16',
  severe: '#f5222d',
};

export interface StatsSeries {
  key: string;
  name: string;
  /** null = suppressed: left out of the bar rather than drawn as 0. */
  data: (number | null)[];
  colour?: string;
}

/** One stacked series per band, one category per row, in the table's order. */
export function statsChartSeries(stats: ScaleStats): { categories: string[]; series: StatsSeries[] } {
  const categories = stats.rows.map((r) => r.label);
  // Known colours only when every band is known, so an unknown band never shares a colour with one.
  const coloured = stats.bands.every((b) => b.key in BAND_COLOURS);
  const series = stats.bands.map((band, i) => ({
    key: band.key,
    name: band.label,
    data: stats.rows.map((r) => r.counts[i] ?? null),
    ...(coloured ? { colour: BAND_COLOURS[band.key] } : {}),
  }));
  return { categories, series };
}

export function statsChartOption(stats: ScaleStats): StatsChartOption {
  const { categories, series } = statsChartSeries(stats);
  const hidden = suppressedText(stats.minCell);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // ECharts hands over '-' or undefined for a missing value.
      valueFormatter: (v) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : `${hidden}（不显示）`),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: '人数', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'total',
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
      data: s.data.map((v) => (v === null ? '-' : v)),
      ...(s.colour ? { itemStyle: { color: s.colour } } : {}),
    })),
  };
}

/** Used when the server does not name the file. */
export function statsExportFileName(now: Date = new Date()): string {
  return `测评统计_${dayjs(now).format('YYYYMMDD')}.xlsx`;
}
