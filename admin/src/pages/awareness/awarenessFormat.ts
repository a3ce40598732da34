/**
 * How the console writes awareness figures: rates with one decimal, intervals as
 * "72.4%（95% CI 65.1–78.8）", differences in percentage points, and the verdict against a target.
 */
import type { AwarenessMetric, AwarenessResult, AwarenessSummary, ConfidenceInterval, TargetComparison } from '@xinqiao/shared';

export const AWARENESS_METRIC_LABELS: Record<AwarenessMetric, string> = {
  pass_rate: '达标率',
  mean_correct_rate: '平均正确率',
};

export const AWARENESS_METRIC_HINTS: Record<AwarenessMetric, string> = {
  pass_rate: '答对题数达到及格线（默认 80%）的人数占答题人数的比例（《国民心理健康素养问卷》口径）',
  mean_correct_rate: '每位答题者答对题目比例的平均值（《精神卫生与心理保健知识问卷》口径）',
};

const pct = (rate: number) => (rate * 100).toFixed(1);

/** 0.7236 -> "72.4%"; null -> "-". */
export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? '-' : `${pct(rate)}%`;
}

/** "95% CI 65.1–78.8" (bounds in percent, one decimal). */
export function formatCi(ci: ConfidenceInterval): string {
  return `95% CI ${pct(ci.lower)}–${pct(ci.upper)}`;
}

/** "72.4%（95% CI 65.1–78.8）" */
export function formatRateWithCi(rate: number, ci: ConfidenceInterval): string {
  return `${formatPercent(rate)}（${formatCi(ci)}）`;
}

/** A difference of two rates in percentage points with its sign: 0.123 -> "+12.3 个百分点". */
export function formatPointDifference(diff: number): string {
  const value = (diff * 100).toFixed(1);
  // "-0.0" reads as a loss; a rounded zero is no change.
  if (Number(value) === 0) return '0.0 个百分点';
  return `${diff > 0 ? '+' : ''}${value} 个百分点`;
}

/** Signed bounds joined by "至" (a dash between negative numbers would be ambiguous). */
export function formatDifferenceCi(ci: ConfidenceInterval): string {
  const bound = (x: number) => {
    const v = (x * 100).toFixed(1);
    return Number(v) === 0 ? '0.0' : `${x > 0 ? '+' : ''}${v}`;
  };
  return `95% CI ${bound(ci.lower)} 至 ${bound(ci.upper)}`;
}

export function formatDifferenceWithCi(diff: number, ci: ConfidenceInterval): string {
  return `${formatPointDifference(diff)}（${formatDifferenceCi(ci)}）`;
}

/** Exact McNemar p: "p < 0.001" or "p = 0.034". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function isSummary(result: AwarenessResult | null | undefined): result is AwarenessSummary {
  return Boolean(result && !result.suppressed);
}

/** The figure a target is set on, with its interval. */
export function metricEstimate(summary: AwarenessSummary, metric: AwarenessMetric): { rate: number; ci: ConfidenceInterval } {
  return metric === 'pass_rate' ? { rate: summary.passRate, ci: summary.passRateCi } : { rate: summary.meanCorrectRate, ci: summary.meanCorrectRateCi };
}

export type TargetVerdict = 'met' | 'not_met' | 'inconclusive';

export const TARGET_VERDICT_LABELS: Record<TargetVerdict, string> = { met: '达标', not_met: '未达标', inconclusive: '无法判断' };
/** antd Tag / Badge colours. */
export const TARGET_VERDICT_COLOURS: Record<TargetVerdict, 'success' | 'error' | 'warning'> = {
  met: 'success',
  not_met: 'error',
  inconclusive: 'warning',
};

/**
 * With an interval the verdict follows it (the whole interval above the target, entirely below, or
 * straddling it); without one, the point estimate decides.
 */
export function targetVerdict(c: TargetComparison): TargetVerdict {
  if (c.confidence === 'above') return 'met';
  if (c.confidence === 'below') return 'not_met';
  if (c.confidence === 'inconclusive') return 'inconclusive';
  return c.met ? 'met' : 'not_met';
}

/** One sentence explaining the verdict, for a tooltip. */
export function targetVerdictHint(c: TargetComparison): string {
  const rate = formatPercent(c.rate);
  const target = formatPercent(c.target);
  switch (c.confidence) {
    case 'above':
      return `${rate}，95% 置信区间整体不低于目标 ${target}`;
    case 'below':
      return `${rate}，95% 置信区间整体低于目标 ${target}，差距 ${formatPointDifference(c.gap).replace('+', '')}`;
    case 'inconclusive':
      return `${rate}${c.met ? '高于' : '低于'}目标 ${target}，但 95% 置信区间包含目标值，现有样本不足以判断是否达标`;
    default:
      return c.met ? `${rate}，达到目标 ${target}（按点估计比较）` : `${rate}，低于目标 ${target}（按点估计比较）`;
  }
}

/** "达标率 ≥ 70.0%" */
export function formatTarget(target: { rate: number; metric: AwarenessMetric }): string {
  return `${AWARENESS_METRIC_LABELS[target.metric]} ≥ ${formatPercent(target.rate)}`;
}

export type DifferenceVerdict = 'up' | 'down' | 'none';

/** Whether a difference's interval excludes 0 (a real rise or fall) or not. */
export function differenceVerdict(ci: ConfidenceInterval): DifferenceVerdict {
  if (ci.lower > 0) return 'up';
  if (ci.upper < 0) return 'down';
  return 'none';
}

export const DIFFERENCE_VERDICT_LABELS: Record<DifferenceVerdict, string> = {
  up: '显著提升',
  down: '显著下降',
  none: '差异无统计学意义',
};
