import * as echarts from 'echarts';
import type { EventStatsRow } from '@xinqiao/shared';
import { attendanceChartOption, eventsChartOption, formatRate, monthLabel, statsRows, type EventChartOption } from './eventCharts';

const row = (key: string, label: string, patch: Partial<EventStatsRow> = {}): EventStatsRow => ({
  key,
  label,
  eventsHeld: 2,
  eventsPlanned: 1,
  signUps: 50,
  attended: 40,
  attendanceRate: 0.8,
  ...patch,
});

function render(option: EventChartOption): string {
  // Server-side SVG rendering: no DOM needed, and an option ECharts rejects throws here.
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 360, locale: 'ZH' });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('statsRows', () => {
  it('lists every month of the year, empty months as zeros', () => {
    const rows = statsRows({ groupBy: 'month', year: 2026, rows: [row('2026-03', '2026-03'), row('2026-11', '2026-11')] });
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.label).slice(0, 3)).toEqual(['1月', '2月', '3月']);
    expect(rows[2]).toMatchObject({ key: '2026-03', eventsHeld: 2 });
    expect(rows[0]).toMatchObject({ key: '2026-01', eventsHeld: 0, signUps: 0, attendanceRate: null });
  });

  it('keeps other groupings as sent', () => {
    const rows = [row('community', '社区'), row('school', '学校')];
    expect(statsRows({ groupBy: 'placeType', year: 2026, rows })).toBe(rows);
  });
});

describe('chart options', () => {
  const rows = [row('community', '社区'), row('school', '学校', { eventsHeld: 0, signUps: 0, attended: 0, attendanceRate: null })];

  it('stacks held and planned events', () => {
    const option = eventsChartOption(rows);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['已举办', 'events', [2, 0]],
      ['计划中', 'events', [1, 1]],
    ]);
    expect(render(option)).toContain('<svg');
  });

  it('plots the attendance rate in percent on its own axis, leaving a gap where there is none', () => {
    const option = attendanceChartOption(rows);
    const series = option.series as { name: string; yAxisIndex?: number; data: unknown[] }[];
    expect(series[2]).toMatchObject({ name: '到场率', yAxisIndex: 1, data: [80, '-'] });
    expect(render(option)).toContain('<svg');
  });
});

describe('labels', () => {
  it('formats rates and months', () => {
    expect(formatRate(0.8534)).toBe('85.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('-');
    expect(monthLabel('2026-05')).toBe('5月');
    expect(monthLabel('社区')).toBe('社区');
  });
});
