import { isWithin, pathIds, type UrbanRural } from '../regions';
import type { PopulationGroup } from '../residents';
import type { ConfidenceInterval } from './rates';
import type { AwarenessResult } from './small-samples';

/** Which figure a target is set on; local plans rarely say, so it is configured with the target. */
export type AwarenessMetric = 'pass_rate' | 'mean_correct_rate';

/**
 * A configured 知晓率 target, e.g. 合肥 2019: urban 70%, rural 60%. Null dimensions mean "any".
 */
export interface AwarenessTarget {
  id?: string;
  /** The region that set the target; it applies to that region's whole subtree. */
  regionPath: string;
  populationGroup?: PopulationGroup | null;
  urbanRural?: UrbanRural | null;
  /** The year it applies to; null for a standing target. */
  year?: number | null;
  /** 0..1 */
  rate: number;
  metric?: AwarenessMetric;
  /** The document it comes from, e.g. '合卫〔2019〕号 实施方案'. */
  source?: string;
}

export interface TargetQuery {
  regionPath: string;
  populationGroup?: PopulationGroup | null;
  urbanRural?: UrbanRural | null;
  year?: number | null;
}

/**
 * The most specific target that applies. A target applies when its region contains the queried
 * region and each of its set dimensions equals the query's. Precedence, in order: deepest region;
 * then population-group-specific over general; then urban/rural-specific over general; then
 * year-specific over standing. Among equally specific targets the first listed wins.
 * Returns null when none applies.
 */
export function targetFor(targets: readonly AwarenessTarget[], query: TargetQuery): AwarenessTarget | null {
  let best: AwarenessTarget | null = null;
  let bestKey: number[] | null = null;
  for (const t of targets) {
    if (!isWithin(query.regionPath, t.regionPath)) continue;
    if (t.populationGroup != null && t.populationGroup !== query.populationGroup) continue;
    if (t.urbanRural != null && t.urbanRural !== query.urbanRural) continue;
    if (t.year != null && t.year !== query.year) continue;
    const key = [pathIds(t.regionPath).length, t.populationGroup != null ? 1 : 0, t.urbanRural != null ? 1 : 0, t.year != null ? 1 : 0];
    if (bestKey === null || compareKeys(key, bestKey) > 0) {
      best = t;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export interface TargetComparison {
  rate: number;
  target: number;
  met: boolean;
  /** How far below the target (target - rate), 0 when met. */
  gap: number;
  /** rate - target (negative when short). */
  margin: number;
  /**
   * With an interval: 'above' when the whole interval is at or above the target, 'below' when it
   * is entirely below, otherwise 'inconclusive'. Null without an interval.
   */
  confidence: 'above' | 'below' | 'inconclusive' | null;
}

/** Compare an estimate (optionally with its interval) with a target rate or configured target. */
export function compareWithTarget(estimate: number | { rate: number; ci?: ConfidenceInterval }, target: number | AwarenessTarget): TargetComparison {
  const rate = typeof estimate === 'number' ? estimate : estimate.rate;
  const ci = typeof estimate === 'number' ? undefined : estimate.ci;
  const t = typeof target === 'number' ? target : target.rate;
  const met = rate >= t - 1e-12;
  return {
    rate,
    target: t,
    met,
    gap: met ? 0 : t - rate,
    margin: rate - t,
    confidence: ci ? (ci.lower >= t - 1e-12 ? 'above' : ci.upper < t - 1e-12 ? 'below' : 'inconclusive') : null,
  };
}

/** Compare a summary with a target on the target's metric (default pass rate); null when suppressed. */
export function compareSummaryWithTarget(summary: AwarenessResult, target: AwarenessTarget): TargetComparison | null {
  if (summary.suppressed) return null;
  return (target.metric ?? 'pass_rate') === 'pass_rate'
    ? compareWithTarget({ rate: summary.passRate, ci: summary.passRateCi }, target)
    : compareWithTarget({ rate: summary.meanCorrectRate, ci: summary.meanCorrectRateCi }, target);
}
