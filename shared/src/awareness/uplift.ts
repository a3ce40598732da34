import { assertCount, DEFAULT_Z } from './defaults';
import { validateCounts, type AwarenessCounts, type RespondentResult } from './counts';
import { meanCorrectRate, wilsonInterval, type ConfidenceInterval } from './rates';

export interface DifferenceEstimate {
  /** post − pre */
  estimate: number;
  ci: ConfidenceInterval;
}

export interface UnpairedUplift {
  pre: { respondents: number; passRate: number; meanCorrectRate: number };
  post: { respondents: number; passRate: number; meanCorrectRate: number };
  /** Newcombe's hybrid score interval (method 10) built from the two Wilson intervals. */
  passRateDifference: DifferenceEstimate;
  /** Normal approximation with unequal variances: √(s₁²/n₁ + s₂²/n₂). */
  meanCorrectRateDifference: DifferenceEstimate;
}

/**
 * Uplift between two independent groups (different residents took the pre- and post-test, or the
 * answers cannot be linked). The Newcombe interval stays sensible when one rate is 0% or 100%,
 * where a Wald interval collapses. Throws when either group is empty.
 */
export function unpairedUplift(pre: AwarenessCounts, post: AwarenessCounts, z = DEFAULT_Z): UnpairedUplift {
  validateCounts(pre);
  validateCounts(post);
  if (pre.respondents === 0 || post.respondents === 0) throw new RangeError('both groups need respondents');
  const p1 = pre.passed / pre.respondents;
  const p2 = post.passed / post.respondents;
  const w1 = wilsonInterval(pre.passed, pre.respondents, z);
  const w2 = wilsonInterval(post.passed, post.respondents, z);
  const d = p2 - p1;
  const passCi = {
    lower: d - Math.sqrt((p2 - w2.lower) ** 2 + (w1.upper - p1) ** 2),
    upper: d + Math.sqrt((w2.upper - p2) ** 2 + (p1 - w1.lower) ** 2),
  };
  const m1 = meanCorrectRate(pre, z);
  const m2 = meanCorrectRate(post, z);
  const md = m2.mean - m1.mean;
  let meanCi: ConfidenceInterval = { lower: -1, upper: 1 };
  if (m1.sd !== null && m2.sd !== null) {
    const se = Math.sqrt((m1.sd * m1.sd) / pre.respondents + (m2.sd * m2.sd) / post.respondents);
    meanCi = { lower: Math.max(-1, md - z * se), upper: Math.min(1, md + z * se) };
  }
  return {
    pre: { respondents: pre.respondents, passRate: p1, meanCorrectRate: m1.mean },
    post: { respondents: post.respondents, passRate: p2, meanCorrectRate: m2.mean },
    passRateDifference: { estimate: d, ci: passCi },
    meanCorrectRateDifference: { estimate: md, ci: meanCi },
  };
}

/** Additive counts for residents who took both tests (so the server can aggregate them in SQL). */
export interface PairedCounts {
  pairs: number;
  /** Σ (post.correctRate − pre.correctRate) */
  sumDiff: number;
  /** Σ (post.correctRate − pre.correctRate)² */
  sumDiffSq: number;
  bothPassed: number;
  bothFailed: number;
  /** failed the pre-test, passed the post-test */
  gained: number;
  /** passed the pre-test, failed the post-test */
  lost: number;
}

export function pairedCountsFrom(pairs: readonly { pre: RespondentResult; post: RespondentResult }[]): PairedCounts {
  const c: PairedCounts = { pairs: 0, sumDiff: 0, sumDiffSq: 0, bothPassed: 0, bothFailed: 0, gained: 0, lost: 0 };
  for (const { pre, post } of pairs) {
    for (const r of [pre, post]) {
      if (!(r.correctRate >= 0 && r.correctRate <= 1)) throw new RangeError(`correctRate must lie in [0, 1], got ${r.correctRate}`);
    }
    const diff = post.correctRate - pre.correctRate;
    c.pairs += 1;
    c.sumDiff += diff;
    c.sumDiffSq += diff * diff;
    if (pre.passed && post.passed) c.bothPassed += 1;
    else if (!pre.passed && !post.passed) c.bothFailed += 1;
    else if (post.passed) c.gained += 1;
    else c.lost += 1;
  }
  return c;
}

export interface PairedUplift {
  pairs: number;
  /** Mean of (post − pre) correct rates. */
  meanDifference: number;
  sdDifference: number | null;
  /** mean ± z·sd/√n, within [−1, 1]; [−1, 1] when fewer than 2 pairs. */
  meanDifferenceCi: ConfidenceInterval;
  prePassRate: number;
  postPassRate: number;
  /** (gained − lost) / pairs */
  passRateDifference: number;
  /** Wald interval for a paired difference: ±z·√(b + c − (b − c)²/n)/n. */
  passRateDifferenceCi: ConfidenceInterval;
  /** McNemar: the discordant pairs and the exact two-sided p-value (binomial, p = 0.5). */
  mcnemar: { gained: number; lost: number; exactP: number };
}

/** Exact two-sided McNemar p-value: 2·P(X ≤ min(b, c)), X ~ Bin(b + c, ½), capped at 1. */
export function mcnemarExactP(b: number, c: number): number {
  assertCount('b', b);
  assertCount('c', c);
  const m = b + c;
  if (m === 0) return 1;
  const k = Math.min(b, c);
  let logC = 0; // log C(m, 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(m - i + 1) - Math.log(i);
    tail += Math.exp(logC - m * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

/** Uplift for residents who took both the pre- and post-test. Throws when there are no pairs. */
export function pairedUplift(counts: PairedCounts, z = DEFAULT_Z): PairedUplift {
  const { pairs: n, bothPassed, bothFailed, gained: b, lost: c } = counts;
  for (const [name, v] of Object.entries({ pairs: n, bothPassed, bothFailed, gained: b, lost: c })) assertCount(name, v);
  if (bothPassed + bothFailed + b + c !== n) throw new RangeError('pass-flip counts must add up to pairs');
  if (n === 0) throw new RangeError('no pairs');
  const mean = counts.sumDiff / n;
  let sd: number | null = null;
  let meanCi: ConfidenceInterval = { lower: -1, upper: 1 };
  if (n >= 2) {
    sd = Math.sqrt(Math.max(0, (counts.sumDiffSq - (counts.sumDiff * counts.sumDiff) / n) / (n - 1)));
    const half = (z * sd) / Math.sqrt(n);
    meanCi = { lower: Math.max(-1, mean - half), upper: Math.min(1, mean + half) };
  }
  const d = (b - c) / n;
  const se = Math.sqrt(Math.max(0, b + c - ((b - c) * (b - c)) / n)) / n;
  return {
    pairs: n,
    meanDifference: mean,
    sdDifference: sd,
    meanDifferenceCi: meanCi,
    prePassRate: (bothPassed + c) / n,
    postPassRate: (bothPassed + b) / n,
    passRateDifference: d,
    passRateDifferenceCi: { lower: Math.max(-1, d - z * se), upper: Math.min(1, d + z * se) },
    mcnemar: { gained: b, lost: c, exactP: mcnemarExactP(b, c) },
  };
}
