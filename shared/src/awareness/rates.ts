/** Pass-rate and mean-correct-rate intervals (see ./index.ts for how the awareness figures fit together). */
import { assertCount, clamp01, DEFAULT_Z } from './defaults';
import type { AwarenessCounts } from './counts';

export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

// ---------------------------------------------------------------------------------------------
// Wilson score interval

/**
 * Wilson score interval for a binomial proportion successes / n.
 * n = 0 carries no information: returns [0, 1]. At 0 successes the lower bound is exactly 0 and at
 * n successes the upper bound is exactly 1.
 */
export function wilsonInterval(successes: number, n: number, z = DEFAULT_Z): ConfidenceInterval {
  assertCount('n', n);
  assertCount('successes', successes);
  if (successes > n) throw new RangeError(`successes (${successes}) cannot exceed n (${n})`);
  if (n === 0) return { lower: 0, upper: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : clamp01(centre - half),
    upper: successes === n ? 1 : clamp01(centre + half),
  };
}

// ---------------------------------------------------------------------------------------------
// Mean of proportions

export interface MeanEstimate {
  mean: number;
  /** Sample SD of respondents' correct rates; null when n < 2. */
  sd: number | null;
  /** mean ± z·sd/√n clamped to [0, 1]; [0, 1] when n < 2. */
  ci: ConfidenceInterval;
}

/** Mean correct rate with a normal-approximation interval from the sums in `counts`. */
export function meanCorrectRate(counts: AwarenessCounts, z = DEFAULT_Z): MeanEstimate {
  const n = counts.respondents;
  if (n === 0) return { mean: 0, sd: null, ci: { lower: 0, upper: 1 } };
  const mean = clamp01(counts.sumCorrectRate / n);
  if (n < 2) return { mean, sd: null, ci: { lower: 0, upper: 1 } };
  const variance = Math.max(0, (counts.sumCorrectRateSq - (counts.sumCorrectRate * counts.sumCorrectRate) / n) / (n - 1));
  const sd = Math.sqrt(variance);
  const half = (z * sd) / Math.sqrt(n);
  return { mean, sd, ci: { lower: clamp01(mean - half), upper: clamp01(mean + half) } };
}
