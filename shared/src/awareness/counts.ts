import { assertCount } from './defaults';
import type { UrbanRural } from '../regions';
import type { AgeBand, Gender, PopulationGroup } from '../residents';

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
