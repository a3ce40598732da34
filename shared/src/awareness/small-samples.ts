/** The small-sample rule: slices below the minimum number of respondents are reported without figures. */
import { DEFAULT_Z, resolveMin, type SummaryOptions } from './defaults';
import { combineCells, countsFromRespondents, type AwarenessCounts, type RespondentResult } from './counts';
import { meanCorrectRate, wilsonInterval, type ConfidenceInterval } from './rates';

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

export function suppressionReason(minRespondents: number): string {
  return `样本量不足（少于 ${minRespondents} 人）`;
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
