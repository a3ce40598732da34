import { clamp01, DEFAULT_Z, resolveMin, type SummaryOptions } from './defaults';
import { validateCounts, type AwarenessCounts } from './counts';
import type { ConfidenceInterval } from './rates';
import { suppressionReason, type SuppressedSummary } from './small-samples';
import type { AwarenessMetric } from './targets';

export interface Stratum extends AwarenessCounts {
  /** e.g. `/1/3/|urban` */
  key: string;
  /** Population of the stratum (e.g. 常住人口 of a district's urban part). */
  population: number;
}

export interface WeightedEstimate {
  suppressed: false;
  weighted: true;
  /** Always shown next to the figure. */
  label: string;
  metric: AwarenessMetric;
  estimate: number;
  se: number;
  ci: ConfidenceInterval;
  respondents: number;
  strata: { key: string; weight: number; respondents: number; rate: number }[];
  /** Strata with population but no respondents: left out, and the weights renormalised. */
  missingStrata: string[];
  /** Population of the strata used / total population, 0..1. */
  populationCoverage: number;
}

export const WEIGHTED_LABEL = '加权估计（按人口事后分层）';

/**
 * Post-stratified estimate: Σ W_h·p_h with W_h = N_h / Σ N (over strata that have respondents),
 * variance Σ W_h²·p_h(1−p_h)/n_h for the pass rate, or Σ W_h²·s_h²/n_h for the mean correct rate
 * (s_h the stratum sample SD; a stratum with one respondent uses 0.25, the largest variance a
 * value in [0, 1] can have). ConfidenceInterval: estimate ± z·se clamped to [0, 1] (normal approximation;
 * a stratum with p_h of 0 or 1 contributes no variance, so keep strata reasonably large).
 * Strata without respondents are left out and listed, and `populationCoverage` says how much of the
 * population the estimate stands for. Suppressed when the total sample is below `minRespondents`.
 */
export function postStratifiedEstimate(
  strata: readonly Stratum[],
  options?: SummaryOptions & { metric?: AwarenessMetric },
): WeightedEstimate | SuppressedSummary {
  const min = resolveMin(options);
  const z = options?.z ?? DEFAULT_Z;
  const metric = options?.metric ?? 'pass_rate';
  const keys = new Set<string>();
  let totalPopulation = 0;
  let coveredPopulation = 0;
  let respondents = 0;
  for (const s of strata) {
    validateCounts(s);
    if (keys.has(s.key)) throw new RangeError(`duplicate stratum ${s.key}`);
    keys.add(s.key);
    if (!(Number.isFinite(s.population) && s.population >= 0)) throw new RangeError(`population of ${s.key} must be >= 0`);
    totalPopulation += s.population;
    if (s.respondents > 0) {
      coveredPopulation += s.population;
      respondents += s.respondents;
    }
  }
  if (respondents < min || coveredPopulation <= 0) return { suppressed: true, minRespondents: min, reason: suppressionReason(min) };

  let estimate = 0;
  let variance = 0;
  const used: WeightedEstimate['strata'] = [];
  const missing: string[] = [];
  for (const s of strata) {
    if (s.respondents === 0) {
      if (s.population > 0) missing.push(s.key);
      continue;
    }
    const w = s.population / coveredPopulation;
    const n = s.respondents;
    let rate: number;
    let v: number;
    if (metric === 'pass_rate') {
      rate = s.passed / n;
      v = (rate * (1 - rate)) / n;
    } else {
      rate = clamp01(s.sumCorrectRate / n);
      const s2 = n >= 2 ? Math.max(0, (s.sumCorrectRateSq - (s.sumCorrectRate * s.sumCorrectRate) / n) / (n - 1)) : 0.25;
      v = s2 / n;
    }
    estimate += w * rate;
    variance += w * w * v;
    used.push({ key: s.key, weight: w, respondents: n, rate });
  }
  const se = Math.sqrt(variance);
  return {
    suppressed: false,
    weighted: true,
    label: WEIGHTED_LABEL,
    metric,
    estimate,
    se,
    ci: { lower: clamp01(estimate - z * se), upper: clamp01(estimate + z * se) },
    respondents,
    strata: used,
    missingStrata: missing,
    populationCoverage: totalPopulation > 0 ? coveredPopulation / totalPopulation : 0,
  };
}
