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
export { DEFAULT_MIN_RESPONDENTS, DEFAULT_Z, type SummaryOptions } from './defaults';
export * from './rates';
export * from './counts';
export * from './small-samples';
export * from './breakdowns';
export * from './targets';
export * from './weighting';
export * from './uplift';
export * from './knowledge-points';
export * from './api';
