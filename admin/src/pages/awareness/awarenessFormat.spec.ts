import { compareWithTarget, summarise, type AwarenessSummary } from '@xinqiao/shared';
import {
  DIFFERENCE_VERDICT_LABELS,
  differenceVerdict,
  formatCi,
  formatDifferenceWithCi,
  formatPercent,
  formatPointDifference,
  formatPValue,
  formatRateWithCi,
  formatTarget,
  isSummary,
  metricEstimate,
  TARGET_VERDICT_LABELS,
  targetVerdict,
  targetVerdictHint,
} from './awarenessFormat';

describe('percent and interval text', () => {
  it('writes rates with one decimal and the interval in the agreed form', () => {
    expect(formatPercent(0.72361)).toBe('72.4%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('-');
    expect(formatCi({ lower: 0.651, upper: 0.7884 })).toBe('95% CI 65.1–78.8');
    expect(formatRateWithCi(0.724, { lower: 0.651, upper: 0.788 })).toBe('72.4%（95% CI 65.1–78.8）');
  });

  it('writes differences in signed percentage points', () => {
    expect(formatPointDifference(0.123)).toBe('+12.3 个百分点');
    expect(formatPointDifference(-0.03)).toBe('-3.0 个百分点');
    expect(formatPointDifference(-0.00001)).toBe('0.0 个百分点');
    expect(formatDifferenceWithCi(0.05, { lower: -0.032, upper: 0.131 })).toBe('+5.0 个百分点（95% CI -3.2 至 +13.1）');
  });

  it('writes the McNemar p-value', () => {
    expect(formatPValue(0.0002)).toBe('p < 0.001');
    expect(formatPValue(0.0342)).toBe('p = 0.034');
    expect(formatPValue(1)).toBe('p = 1.000');
  });

  it('names a target by its metric', () => {
    expect(formatTarget({ rate: 0.7, metric: 'pass_rate' })).toBe('达标率 ≥ 70.0%');
    expect(formatTarget({ rate: 0.6, metric: 'mean_correct_rate' })).toBe('平均正确率 ≥ 60.0%');
  });
});

describe('summaries', () => {
  const result = summarise([{ respondents: 40, passed: 30, sumCorrectRate: 32, sumCorrectRateSq: 26 }]);

  it('tells figures from a suppressed slice', () => {
    expect(isSummary(result)).toBe(true);
    expect(isSummary(summarise([{ respondents: 3, passed: 1, sumCorrectRate: 2, sumCorrectRateSq: 1.5 }]))).toBe(false);
    expect(isSummary(null)).toBe(false);
  });

  it('picks the figure a target is set on', () => {
    const s = result as AwarenessSummary;
    expect(metricEstimate(s, 'pass_rate')).toEqual({ rate: 0.75, ci: s.passRateCi });
    expect(metricEstimate(s, 'mean_correct_rate')).toEqual({ rate: 0.8, ci: s.meanCorrectRateCi });
  });
});

describe('target verdict', () => {
  it('follows the interval when there is one', () => {
    const above = compareWithTarget({ rate: 0.8, ci: { lower: 0.72, upper: 0.86 } }, 0.7);
    const below = compareWithTarget({ rate: 0.5, ci: { lower: 0.42, upper: 0.58 } }, 0.7);
    const straddles = compareWithTarget({ rate: 0.72, ci: { lower: 0.64, upper: 0.79 } }, 0.7);
    expect(targetVerdict(above)).toBe('met');
    expect(targetVerdict(below)).toBe('not_met');
    expect(targetVerdict(straddles)).toBe('inconclusive');
    expect(TARGET_VERDICT_LABELS[targetVerdict(straddles)]).toBe('无法判断');
    expect(targetVerdictHint(straddles)).toContain('95% 置信区间包含目标值');
    expect(targetVerdictHint(below)).toBe('50.0%，95% 置信区间整体低于目标 70.0%，差距 20.0 个百分点');
  });

  it('falls back to the point estimate without an interval', () => {
    expect(targetVerdict(compareWithTarget(0.71, 0.7))).toBe('met');
    expect(targetVerdict(compareWithTarget(0.69, 0.7))).toBe('not_met');
    expect(targetVerdictHint(compareWithTarget(0.69, 0.7))).toBe('69.0%，低于目标 70.0%（按点估计比较）');
  });
});

describe('difference verdict', () => {
  it('calls a change real only when the interval excludes 0', () => {
    expect(differenceVerdict({ lower: 0.02, upper: 0.2 })).toBe('up');
    expect(differenceVerdict({ lower: -0.2, upper: -0.01 })).toBe('down');
    expect(differenceVerdict({ lower: -0.05, upper: 0.1 })).toBe('none');
    expect(DIFFERENCE_VERDICT_LABELS.none).toBe('差异无统计学意义');
  });
});
