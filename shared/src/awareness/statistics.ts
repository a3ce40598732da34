/**
 * Awareness (知晓率) statistics that officials report up the hierarchy 市 -> 区县 -> 街道 -> 社区.
 *
 * Two figures are always reported side by side, each with its sample size and a 95% interval:
 * - pass rate (达标率): share of respondents whose correct rate is at or above the pass mark
 *   (the CAS 国民心理健康素养问卷 definition of 知晓率);
 * - mean correct rate (平均正确率): mean over respondents of their share of items correct (the MoH
 *   2010 questionnaire definition used by published local studies).
 *
 * Design:
 * - The server stores and groups counts in SQL as `AwarenessCell`s (counts and sums only, so cells
 *   add up); all the math lives here.
 * - Pass rate interval: Wilson score interval (sane at 0%, 100% and small n, unlike Wald).
 * - Mean correct rate interval: normal approximation with the sample SD of respondents' correct
 *   rates, mean ± z·s/√n, clamped to [0, 1]. The respondent, not the item, is the sampling unit:
 *   one person's 20 answers are correlated, so a Wilson interval on "total correct / total items"
 *   would treat 20 answers as 20 independent people and be far too narrow. The normal
 *   approximation is adequate at the default minimum of 30 respondents per reported slice.
 * - Slices with fewer respondents than `minRespondents` (default 30) are suppressed: the UI shows
 *   the reason instead of a number. The suppressed result carries no counts (small cells can
 *   identify people).
 */
import { ancestorPaths, isWithin, pathIds, type UrbanRural } from '../regions';
import type { AgeBand, Gender, PopulationGroup } from '../residents';
import { KNOWLEDGE_POINT_IDS, knowledgePointText, type KnowledgePointId } from '../quizzes/types';

export const DEFAULT_Z = 1.96;
export const DEFAULT_MIN_RESPONDENTS = 30;

export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
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
// Counts and cells

/** One respondent's result in a survey wave (from `scoreAttempt`). */
export interface RespondentResult {
  /** 0..1 */
  correctRate: number;
  passed: boolean;
}

/** Additive counts: everything the statistics need, and nothing that identifies anyone. */
export interface AwarenessCounts {
  respondents: number;
  /** Respondents at or above the pass mark. */
  passed: number;
  /** Σ correctRate over respondents. */
  sumCorrectRate: number;
  /** Σ correctRate² over respondents (for the SD). */
  sumCorrectRateSq: number;
}

/**
 * A pre-aggregated cell as the server stores it (`GROUP BY region_path, urban_rural,
 * population_group, age_band[, gender]` with COUNT, SUM(passed), SUM(rate), SUM(rate*rate)).
 */
export interface AwarenessCell extends AwarenessCounts {
  /** Materialized path of the respondent's community/village, e.g. `/1/3/7/`. */
  regionPath: string;
  urbanRural: UrbanRural | null;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  gender?: Gender | null;
}

export function emptyCounts(): AwarenessCounts {
  return { respondents: 0, passed: 0, sumCorrectRate: 0, sumCorrectRateSq: 0 };
}

export function validateCounts(c: AwarenessCounts): void {
  assertCount('respondents', c.respondents);
  assertCount('passed', c.passed);
  if (c.passed > c.respondents) throw new RangeError(`passed (${c.passed}) cannot exceed respondents (${c.respondents})`);
  const tol = 1e-9 * Math.max(1, c.respondents);
  if (!(c.sumCorrectRate >= -tol && c.sumCorrectRate <= c.respondents + tol)) {
    throw new RangeError(`sumCorrectRate (${c.sumCorrectRate}) must lie in [0, respondents]`);
  }
  if (!(c.sumCorrectRateSq >= -tol && c.sumCorrectRateSq <= c.sumCorrectRate + tol)) {
    // Each rate is in [0, 1], so rate² <= rate.
    throw new RangeError(`sumCorrectRateSq (${c.sumCorrectRateSq}) must lie in [0, sumCorrectRate]`);
  }
}

export function addCounts(a: AwarenessCounts, b: AwarenessCounts): AwarenessCounts {
  return {
    respondents: a.respondents + b.respondents,
    passed: a.passed + b.passed,
    sumCorrectRate: a.sumCorrectRate + b.sumCorrectRate,
    sumCorrectRateSq: a.sumCorrectRateSq + b.sumCorrectRateSq,
  };
}

/** Add up cells (any dimensions are dropped). */
export function combineCells(cells: readonly AwarenessCounts[]): AwarenessCounts {
  let total = emptyCounts();
  for (const c of cells) {
    validateCounts(c);
    total = addCounts(total, c);
  }
  return total;
}

export function countsFromRespondents(respondents: readonly RespondentResult[]): AwarenessCounts {
  const c = emptyCounts();
  for (const r of respondents) {
    if (!(r.correctRate >= 0 && r.correctRate <= 1)) throw new RangeError(`correctRate must lie in [0, 1], got ${r.correctRate}`);
    c.respondents += 1;
    if (r.passed) c.passed += 1;
    c.sumCorrectRate += r.correctRate;
    c.sumCorrectRateSq += r.correctRate * r.correctRate;
  }
  return c;
}

/** Group cells by a key (e.g. `c => c.urbanRural ?? 'unknown'`), adding counts within a group. */
export function groupCells<C extends AwarenessCounts>(cells: readonly C[], key: (cell: C) => string): Map<string, AwarenessCounts> {
  const out = new Map<string, AwarenessCounts>();
  for (const c of cells) {
    validateCounts(c);
    const k = key(c);
    out.set(k, addCounts(out.get(k) ?? emptyCounts(), c));
  }
  return out;
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

// ---------------------------------------------------------------------------------------------
// Summaries with suppression

export interface AwarenessSummary {
  suppressed: false;
  respondents: number;
  passed: number;
  /** passed / respondents */
  passRate: number;
  /** Wilson interval. */
  passRateCi: ConfidenceInterval;
  meanCorrectRate: number;
  /** Normal approximation, clamped to [0, 1]. */
  meanCorrectRateCi: ConfidenceInterval;
  sdCorrectRate: number | null;
}

export interface SuppressedSummary {
  suppressed: true;
  minRespondents: number;
  /** Chinese, shown in place of the figure, e.g. '样本量不足（少于 30 人）'. */
  reason: string;
}

export type AwarenessResult = AwarenessSummary | SuppressedSummary;

export interface SummaryOptions {
  /** Slices with fewer respondents are suppressed. Default 30. */
  minRespondents?: number;
  /** Default 1.96 (95%). */
  z?: number;
}

export function suppressionReason(minRespondents: number): string {
  return `样本量不足（少于 ${minRespondents} 人）`;
}

function resolveMin(options: SummaryOptions | undefined): number {
  const min = options?.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  if (!Number.isInteger(min) || min < 1) throw new RangeError(`minRespondents must be a positive integer, got ${min}`);
  return min;
}

/** Summarise the respondents of one slice (cells are added up first). */
export function summarise(cells: readonly AwarenessCounts[], options?: SummaryOptions): AwarenessResult {
  const min = resolveMin(options);
  const z = options?.z ?? DEFAULT_Z;
  const c = combineCells(cells);
  if (c.respondents < min) return { suppressed: true, minRespondents: min, reason: suppressionReason(min) };
  const mean = meanCorrectRate(c, z);
  return {
    suppressed: false,
    respondents: c.respondents,
    passed: c.passed,
    passRate: c.passed / c.respondents,
    passRateCi: wilsonInterval(c.passed, c.respondents, z),
    meanCorrectRate: mean.mean,
    meanCorrectRateCi: mean.ci,
    sdCorrectRate: mean.sd,
  };
}

/** Summarise individual results (e.g. one campaign's post-test). */
export function summariseRespondents(respondents: readonly RespondentResult[], options?: SummaryOptions): AwarenessResult {
  return summarise([countsFromRespondents(respondents)], options);
}

// ---------------------------------------------------------------------------------------------
// Roll-up by region

export interface RegionTotals {
  regionPath: string;
  /** 1 for the root (city). */
  depth: number;
  counts: AwarenessCounts;
}

function comparePaths(a: string, b: string): number {
  const x = pathIds(a);
  const y = pathIds(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Totals for every region that has respondents in its subtree: each cell counts toward its own
 * region and every ancestor. With `scopePath`, only that region and its descendants are returned
 * (cells outside it are ignored). Sorted depth-first (parent before children, by id).
 */
export function rollUpByRegion(cells: readonly AwarenessCell[], options?: { scopePath?: string }): RegionTotals[] {
  const scope = options?.scopePath;
  const totals = new Map<string, AwarenessCounts>();
  for (const cell of cells) {
    validateCounts(cell);
    if (scope && !isWithin(cell.regionPath, scope)) continue;
    for (const path of ancestorPaths(cell.regionPath)) {
      if (scope && !isWithin(path, scope)) continue;
      totals.set(path, addCounts(totals.get(path) ?? emptyCounts(), cell));
    }
  }
  return [...totals.entries()]
    .map(([regionPath, counts]) => ({ regionPath, depth: pathIds(regionPath).length, counts }))
    .sort((a, b) => comparePaths(a.regionPath, b.regionPath));
}

/** `rollUpByRegion` then `summarise` each region (small regions come back suppressed). */
export function summariseByRegion(
  cells: readonly AwarenessCell[],
  options?: SummaryOptions & { scopePath?: string },
): { regionPath: string; depth: number; result: AwarenessResult }[] {
  return rollUpByRegion(cells, options).map((t) => ({
    regionPath: t.regionPath,
    depth: t.depth,
    result: summarise([t.counts], options),
  }));
}

// ---------------------------------------------------------------------------------------------
// Targets

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
    const key = [
      pathIds(t.regionPath).length,
      t.populationGroup != null ? 1 : 0,
      t.urbanRural != null ? 1 : 0,
      t.year != null ? 1 : 0,
    ];
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
export function compareWithTarget(
  estimate: number | { rate: number; ci?: ConfidenceInterval },
  target: number | AwarenessTarget,
): TargetComparison {
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

// ---------------------------------------------------------------------------------------------
// Post-stratified (population-weighted) estimate

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

// ---------------------------------------------------------------------------------------------
// Pre/post uplift

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

// ---------------------------------------------------------------------------------------------
// Knowledge points ranked by error rate

/** Per-question answer counts, as the server aggregates them. */
export interface QuestionAnswerCounts {
  questionId: string;
  knowledgePoint: KnowledgePointId;
  answered: number;
  /** Fully correct answers. */
  correct: number;
  /** 不知道 answers (already counted as not correct). */
  dontKnow?: number;
}

export interface KnowledgePointErrorRate {
  knowledgePoint: KnowledgePointId;
  text: string;
  questions: number;
  answered: number;
  /** answered − correct; 不知道 counts as an error. */
  errors: number;
  errorRate: number;
  /** Wilson interval of the error rate (answers, not people: a guide for ranking, not a survey figure). */
  errorRateCi: ConfidenceInterval;
  dontKnow: number;
  dontKnowRate: number;
}

/**
 * Knowledge points ranked by error rate, worst first (ties: more answers first, then point id),
 * to show which of the ten points to emphasise in the next campaign. Points with fewer than
 * `minAnswers` answers (default 1) are listed in `insufficient` instead.
 */
export function rankKnowledgePointsByErrorRate(
  counts: readonly QuestionAnswerCounts[],
  options?: { minAnswers?: number; z?: number },
): { ranked: KnowledgePointErrorRate[]; insufficient: KnowledgePointId[] } {
  const minAnswers = Math.max(1, options?.minAnswers ?? 1);
  const z = options?.z ?? DEFAULT_Z;
  const acc = new Map<KnowledgePointId, { questions: Set<string>; answered: number; correct: number; dontKnow: number }>();
  for (const q of counts) {
    assertCount('answered', q.answered);
    assertCount('correct', q.correct);
    assertCount('dontKnow', q.dontKnow ?? 0);
    if (q.correct + (q.dontKnow ?? 0) > q.answered) throw new RangeError(`counts of ${q.questionId} exceed answered`);
    const a = acc.get(q.knowledgePoint) ?? { questions: new Set<string>(), answered: 0, correct: 0, dontKnow: 0 };
    a.questions.add(q.questionId);
    a.answered += q.answered;
    a.correct += q.correct;
    a.dontKnow += q.dontKnow ?? 0;
    acc.set(q.knowledgePoint, a);
  }
  const ranked: KnowledgePointErrorRate[] = [];
  const insufficient: KnowledgePointId[] = [];
  for (const point of KNOWLEDGE_POINT_IDS) {
    const a = acc.get(point);
    if (!a || a.answered < minAnswers) {
      insufficient.push(point);
      continue;
    }
    const errors = a.answered - a.correct;
    ranked.push({
      knowledgePoint: point,
      text: knowledgePointText(point),
      questions: a.questions.size,
      answered: a.answered,
      errors,
      errorRate: errors / a.answered,
      errorRateCi: wilsonInterval(errors, a.answered, z),
      dontKnow: a.dontKnow,
      dontKnowRate: a.dontKnow / a.answered,
    });
  }
  ranked.sort((x, y) => y.errorRate - x.errorRate || y.answered - x.answered || x.knowledgePoint - y.knowledgePoint);
  return { ranked, insufficient };
}
