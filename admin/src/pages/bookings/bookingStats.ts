/**
 * The booking statistics as the console shows them: months of the query, small cells withheld as
 * "<N 不显示", monthly totals of counts, and ECharts options. Pure (types only from ECharts).
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { chinaMonth, type BookingStatsRow } from '@xinqiao/shared';

export type BookingChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** `YYYY-MM` plus `n` months (negative: earlier). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included (empty when `to` is earlier). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 120; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last six China months up to this one. */
export function defaultMonthRange(now = new Date()): { fromMonth: string; toMonth: string } {
  const toMonth = chinaMonth(now);
  return { fromMonth: addMonths(toMonth, -5), toMonth };
}

/** "2026-05" -> "2026年5月". */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

export function withheldText(minCell: number): string {
  return `<${minCell} 不显示`;
}

/** 0.125 -> "12.5%". */
export function percentText(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/**
 * A rate cell: the percentage; "-" when there was nothing to count (no bookings); otherwise the
 * server withheld it because the count under it is below the small-cell threshold.
 */
export function rateCell(rate: number | null, denominator: number, minCell: number): { text: string; withheld: boolean } {
  if (rate !== null) return { text: percentText(rate), withheld: false };
  if (denominator === 0) return { text: '-', withheld: false };
  return { text: withheldText(minCell), withheld: true };
}

/** Satisfaction (mean of 1-5): "4.3 分（12 条）"; "暂无评价" with no ratings; withheld when too few. */
export function satisfactionCell(row: Pick<BookingStatsRow, 'satisfaction' | 'ratings'>, minCell: number): { text: string; withheld: boolean } {
  if (row.satisfaction !== null) return { text: `${row.satisfaction.toFixed(1)} 分（${row.ratings} 条）`, withheld: false };
  if (row.ratings === 0) return { text: '暂无评价', withheld: false };
  return { text: withheldText(minCell), withheld: true };
}

/** Days to the next free slot: 今天 / N 天后 / none within the booking horizon. */
export function nextFreeText(days: number | null): string {
  if (days === null) return '可预约期内已约满';
  return days === 0 ? '今天有空' : `${days} 天后`;
}

export interface MonthTotal {
  month: string;
  booked: number;
  attended: number;
}

/** Booked and attended per month, summed over the rows given (counts are never withheld). */
export function monthlyTotals(rows: readonly Pick<BookingStatsRow, 'month' | 'booked' | 'attended'>[], months: readonly string[]): MonthTotal[] {
  return months.map((month) => {
    const of = rows.filter((r) => r.month === month);
    return { month, booked: of.reduce((n, r) => n + r.booked, 0), attended: of.reduce((n, r) => n + r.attended, 0) };
  });
}

/** Stations in the rows, in first-seen order (the server sorts them). */
export function statsStations(rows: readonly Pick<BookingStatsRow, 'stationId' | 'stationName'>[]): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const key = String(r.stationId ?? 'none');
    if (!seen.has(key)) seen.set(key, r.stationName);
  }
  return [...seen.entries()].map(([key, name]) => ({ key, name }));
}

export function stationKey(r: Pick<BookingStatsRow, 'stationId'>): string {
  return String(r.stationId ?? 'none');
}

const grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };

export function countsChartOption(totals: readonly MonthTotal[]): BookingChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} 次` },
    legend: { top: 0, data: ['预约', '到场'] },
    grid,
    xAxis: { type: 'category', data: totals.map((t) => monthText(t.month)) },
    yAxis: { type: 'value', name: '次数', minInterval: 1 },
    series: [
      { type: 'bar', name: '预约', barMaxWidth: 36, itemStyle: { color: '#2f6fd6' }, data: totals.map((t) => t.booked) },
      { type: 'bar', name: '到场', barMaxWidth: 36, itemStyle: { color: '#37b5a5' }, data: totals.map((t) => t.attended) },
    ],
  };
}

/** A percentage point value, or '-' (a gap, not a zero) where the rate is missing or withheld. */
const pct = (v: number | null | undefined): number | '-' => (v === null || v === undefined ? '-' : Math.round(v * 1000) / 10);

/** One station's rates per month (no-show, cancellation, utilisation) and satisfaction on its own axis. */
export function ratesChartOption(rows: readonly BookingStatsRow[], months: readonly string[]): BookingChartOption {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const line = (name: string, color: string, pick: (r: BookingStatsRow) => number | null): LineSeriesOption => ({
    type: 'line',
    name,
    symbolSize: 8,
    connectNulls: false,
    itemStyle: { color },
    data: months.map((m) => {
      const r = byMonth.get(m);
      return r ? pct(pick(r)) : '-';
    }),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['未到场率', '取消率', '时段利用率', '满意度'] },
    grid,
    xAxis: { type: 'category', data: months.map(monthText) },
    yAxis: [
      { type: 'value', name: '比例', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '满意度', min: 0, max: 5, splitLine: { show: false } },
    ],
    series: [
      line('未到场率', '#fa8c16', (r) => r.noShowRate),
      line('取消率', '#cf1322', (r) => r.cancellationRate),
      line('时段利用率', '#2f6fd6', (r) => r.utilisation),
      {
        type: 'bar',
        name: '满意度',
        yAxisIndex: 1,
        barMaxWidth: 24,
        itemStyle: { color: '#faad14' },
        data: months.map((m) => {
          const s = byMonth.get(m)?.satisfaction;
          return s === null || s === undefined ? '-' : s;
        }),
      },
    ],
  };
}

export function statsExportFileName(fromMonth: string, toMonth: string): string {
  return `预约统计_${fromMonth}_${toMonth}.xlsx`;
}
