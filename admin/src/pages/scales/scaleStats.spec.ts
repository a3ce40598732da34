import * as echarts from 'echarts';
import type { ScaleStats } from '@xinqiao/shared';
import { countSuppressed, formatStatsCell, statsChartOption, statsChartSeries, statsExportFileName, suppressedHint, toStatsFilters } from './scaleStats';

const tiers: ScaleStats = {
  dimension: 'region',
  bands: [
    { key: 'none', label: '无明显问题' },
    { key: 'concern', label: '需要关注' },
    { key: 'most_severe', label: '最高分段' },
  ],
  rows: [
    { key: '7', label: '胜利路街道', counts: [40, 12, null], total: 55 },
    { key: '8', label: '中山路街道', counts: [null, 0, null], total: null },
  ],
  minCell: 5,
};

describe('suppressed cells', () => {
  it('shows null as "<5" with the reason', () => {
    expect(formatStatsCell(null, 5)).toBe('<5');
    expect(formatStatsCell(0, 5)).toBe('0');
    expect(formatStatsCell(12345, 5)).toBe('12,345');
    expect(suppressedHint(5)).toBe('少于 5 人不显示，防止识别个人');
    expect(countSuppressed(tiers)).toBe(4);
  });
});

describe('stats chart', () => {
  it('makes one stacked series per band with suppressed cells left out', () => {
    const { categories, series } = statsChartSeries(tiers);
    expect(categories).toEqual(['胜利路街道', '中山路街道']);
    expect(series).toEqual([
      { key: 'none', name: '无明显问题', data: [40, null], colour: '#52c41a' },
      { key: 'concern', name: '需要关注', data: [12, 0], colour: '#faad14' },
      { key: 'most_severe', name: '最高分段', data: [null, null], colour: '#f5222d' },
    ]);
  });

  it('leaves colours to the palette when a band is unknown', () => {
    const stats: ScaleStats = {
      ...tiers,
      bands: [
        { key: 'none', label: '正常' },
        { key: 'band-2', label: '偏高' },
        { key: 'severe', label: '重度' },
      ],
    };
    expect(statsChartSeries(stats).series.every((s) => s.colour === undefined)).toBe(true);
  });

  it('builds a stacked bar option', () => {
    const option = statsChartOption(tiers);
    const series = option.series as { type: string; stack: string; data: unknown[] }[];
    expect(series).toHaveLength(3);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(series[0].data).toEqual([40, '-']);
    const tooltip = option.tooltip as { valueFormatter: (v: unknown) => string };
    expect(tooltip.valueFormatter(1200)).toBe('1,200');
    expect(tooltip.valueFormatter('-')).toBe('<5（不显示）');
  });
});

describe('stats chart in ECharts', () => {
  it('is accepted and draws the categories and the legend', () => {
    // Server-side SVG rendering: no DOM needed, and an option ECharts rejects throws here.
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 360, locale: 'ZH' });
    try {
      chart.setOption(statsChartOption(tiers));
      const svg = chart.renderToSVGString();
      expect(svg).toContain('胜利路街道');
      expect(svg).toContain('最高分段');
      expect(svg).toContain('人数');
    } finally {
      chart.dispose();
    }
  });
});

describe('stats filters', () => {
  it('drops an empty scale and sends the day range as dates (the server counts whole China days)', () => {
    const filters = toStatsFilters({ scaleCode: '', regionId: 3, range: ['2026-11-01', '2026-11-30'] });
    expect(filters.scaleCode).toBeUndefined();
    expect(filters.regionId).toBe(3);
    expect(filters).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(toStatsFilters({ scaleCode: 'phq-9', range: null })).toEqual({ scaleCode: 'phq-9', regionId: undefined });
  });

  it('names the export file by date', () => {
    expect(statsExportFileName(new Date(2026, 10, 22, 9))).toBe('测评统计_20261122.xlsx');
  });
});
