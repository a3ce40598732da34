import * as echarts from 'echarts';
import { compareSummaryWithTarget, summarise, type AwarenessSlice, type AwarenessTrendPoint } from '@xinqiao/shared';
import { dailyChartOption, sliceChartData, sliceChartOption, sliceTooltip, trendChartOption, type AwarenessChartOption } from './awarenessCharts';

function slice(key: string, label: string, counts: { n: number; passed: number; mean: number }, target?: { rate: number; urban?: boolean }): AwarenessSlice {
  const result = summarise([
    { respondents: counts.n, passed: counts.passed, sumCorrectRate: counts.mean * counts.n, sumCorrectRateSq: counts.mean * counts.mean * counts.n + 0.5 },
  ]);
  const t = target ? { rate: target.rate, metric: 'pass_rate' as const, source: null } : null;
  return {
    key,
    label,
    respondents: counts.n,
    result,
    target: t,
    comparison: t ? compareSummaryWithTarget(result, { regionPath: '/1/', rate: t.rate, metric: 'pass_rate' }) : null,
  };
}

const rows = [
  slice('7', '萱花社区', { n: 120, passed: 90, mean: 0.82 }, { rate: 0.7 }),
  slice('8', '红河社区', { n: 12, passed: 6, mean: 0.7 }, { rate: 0.7 }),
  slice('9', '五间村', { n: 60, passed: 30, mean: 0.66 }, { rate: 0.7 }),
];

function render(option: AwarenessChartOption): string {
  // Server-side SVG rendering: no DOM needed, and an option ECharts rejects throws here.
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 360, locale: 'ZH' });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('slice chart', () => {
  it('plots percentages, leaves suppressed slices out and keeps their intervals apart', () => {
    const data = sliceChartData(rows, 'pass_rate');
    expect(data.categories).toEqual(['萱花社区', '红河社区', '五间村']);
    expect(data.values).toEqual([75, null, 50]);
    expect(data.intervals.map((i) => i[0])).toEqual([0, 2]);
    for (const [, lower, upper] of data.intervals) expect(lower).toBeLessThan(upper);
    expect(data.commonTarget).toBe(70);
  });

  it('draws one target line when every slice shares it, markers when targets differ', () => {
    const shared = sliceChartOption(rows, 'pass_rate');
    const bar = (shared.series as { type: string; markLine?: { data: { yAxis: number }[] } }[])[0];
    expect(bar.markLine?.data).toEqual([{ yAxis: 70 }]);
    expect((shared.series as unknown[]).length).toBe(2);

    const urbanRural = [
      slice('urban', '城镇', { n: 200, passed: 150, mean: 0.8 }, { rate: 0.7 }),
      slice('rural', '农村', { n: 80, passed: 44, mean: 0.7 }, { rate: 0.6 }),
    ];
    const split = sliceChartOption(urbanRural, 'pass_rate');
    const series = split.series as { type: string; data: unknown[]; markLine?: unknown }[];
    expect(series[0].markLine).toBeUndefined();
    expect(series[2]).toMatchObject({ type: 'scatter', data: [70, 60] });
  });

  it('ignores targets set on the other figure', () => {
    expect(sliceChartData(rows, 'mean_correct_rate').commonTarget).toBeNull();
    expect(sliceChartData(rows, 'mean_correct_rate').values[0]).toBe(82);
  });

  it('explains a suppressed slice in the tooltip', () => {
    expect(sliceTooltip(rows[1], 'pass_rate')).toContain('样本量不足（少于 30 人）');
    expect(sliceTooltip(rows[1], 'pass_rate')).toContain('答题人数：12');
    expect(sliceTooltip(rows[0], 'pass_rate')).toContain('答题人数：120');
    expect(sliceTooltip(rows[0], 'pass_rate')).toContain('达标率：75.0%（95% CI');
  });

  it('is accepted by ECharts with error bars and the target line', () => {
    const svg = render(sliceChartOption(rows, 'pass_rate'));
    expect(svg).toContain('萱花社区');
    expect(svg).toContain('目标 70.0%');
    expect(svg).toContain('95% 置信区间');
  });
});

describe('trend and daily charts', () => {
  const points: AwarenessTrendPoint[] = [
    { quizId: 1, title: '第一轮', year: 2025, opensAt: null, result: summarise([{ respondents: 100, passed: 55, sumCorrectRate: 70, sumCorrectRateSq: 52 }]) },
    { quizId: 2, title: '第二轮', year: 2026, opensAt: null, result: summarise([{ respondents: 10, passed: 5, sumCorrectRate: 7, sumCorrectRateSq: 5.2 }]) },
  ];

  it('draws both figures over the waves with a gap for a suppressed wave', () => {
    const option = trendChartOption(points);
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['达标率', '平均正确率']);
    expect(series[0].data).toEqual([55, '-']);
    expect(series[1].data).toEqual([70, '-']);
    const svg = render(option);
    expect(svg).toContain('第一轮（2025）');
  });

  it('plots respondents per day', () => {
    const option = dailyChartOption([
      { date: '2026-05-01', respondents: 12 },
      { date: '2026-05-02', respondents: 30 },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['05-01', '05-02']);
    expect(render(option)).toContain('答题人数');
  });
});
