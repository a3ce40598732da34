/**
 * ECharts options for the event statistics. Pure functions (types only from ECharts), so they are
 * unit-tested and the chart module itself stays lazily loaded.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { EventStatsDto, EventStatsRow } from '@xinqiao/shared';

export type EventChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const HELD_COLOUR = '#2f6fd6';
const PLANNED_COLOUR = '#a8c3f0';
const SIGNUP_COLOUR = '#37b5a5';
const ATTENDED_COLOUR = '#f5a623';
const RATE_COLOUR = '#d4380d';

/** 0.853 -> "85.3%", null -> "-". */
export function formatRate(rate: number | null): string {
  return rate === null ? '-' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** "2026-05" -> "5月". */
export function monthLabel(key: string): string {
  const m = /^\d{4}-(\d{2})$/.exec(key);
  return m ? `${Number(m[1])}月` : key;
}

/**
 * The rows to show. By month every month of the year is listed (empty ones as zeros) so the axis
 * reads as a calendar; other groupings are shown as the server sent them.
 */
export function statsRows(dto: Pick<EventStatsDto, 'groupBy' | 'year' | 'rows'>): EventStatsRow[] {
  if (dto.groupBy !== 'month') return dto.rows;
  const byKey = new Map(dto.rows.map((r) => [r.key, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${dto.year}-${String(i + 1).padStart(2, '0')}`;
    const row = byKey.get(key);
    return row
      ? { ...row, label: monthLabel(key) }
      : { key, label: monthLabel(key), eventsHeld: 0, eventsPlanned: 0, signUps: 0, attended: 0, attendanceRate: null };
  });
}

const grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };
const axisLabel = (rows: readonly EventStatsRow[]) => ({ interval: 0, rotate: rows.length > 8 && rows.some((r) => r.label.length > 3) ? 30 : 0 });

/** Events held and still planned per group, stacked. */
export function eventsChartOption(rows: readonly EventStatsRow[]): EventChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} 场` },
    legend: { top: 0, data: ['已举办', '计划中'] },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: axisLabel(rows) },
    yAxis: { type: 'value', name: '场次', minInterval: 1 },
    series: [
      { type: 'bar', name: '已举办', stack: 'events', barMaxWidth: 48, itemStyle: { color: HELD_COLOUR }, data: rows.map((r) => r.eventsHeld) },
      { type: 'bar', name: '计划中', stack: 'events', barMaxWidth: 48, itemStyle: { color: PLANNED_COLOUR }, data: rows.map((r) => r.eventsPlanned) },
    ],
  };
}

/** Sign-ups and attendance of the events held, with the attendance rate on its own axis. */
export function attendanceChartOption(rows: readonly EventStatsRow[]): EventChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const row = first?.dataIndex === undefined ? undefined : rows[first.dataIndex];
        if (!row) return '';
        return [
          `<b>${row.label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</b>`,
          `报名人数：${row.signUps}`,
          `签到人数：${row.attended}`,
          `到场率：${formatRate(row.attendanceRate)}`,
        ].join('<br/>');
      },
    },
    legend: { top: 0, data: ['报名人数', '签到人数', '到场率'] },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: axisLabel(rows) },
    yAxis: [
      { type: 'value', name: '人数', minInterval: 1 },
      { type: 'value', name: '到场率', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: '报名人数', barMaxWidth: 36, itemStyle: { color: SIGNUP_COLOUR }, data: rows.map((r) => r.signUps) },
      { type: 'bar', name: '签到人数', barMaxWidth: 36, itemStyle: { color: ATTENDED_COLOUR }, data: rows.map((r) => r.attended) },
      {
        type: 'line',
        name: '到场率',
        yAxisIndex: 1,
        symbolSize: 8,
        connectNulls: false,
        itemStyle: { color: RATE_COLOUR },
        // A group without held events has no rate: a gap, not a zero.
        data: rows.map((r) => (r.attendanceRate === null ? '-' : Math.round(r.attendanceRate * 1000) / 10)),
      },
    ],
  };
}
