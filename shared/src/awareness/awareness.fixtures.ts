/** Helpers the awareness specs share (kept out of the build by tsconfig's `*.fixtures.ts` exclude). */
import type { AwarenessSummary, summarise } from './small-samples';
import type { RespondentResult } from './counts';

export const respondents = (correctRate: number, count: number, passMark = 0.8): RespondentResult[] =>
  Array.from({ length: count }, () => ({ correctRate, passed: correctRate >= passMark }));

export function expectInterval(actual: { lower: number; upper: number }, lower: number, upper: number, digits = 4) {
  expect(actual.lower).toBeCloseTo(lower, digits);
  expect(actual.upper).toBeCloseTo(upper, digits);
}

export function summary(result: ReturnType<typeof summarise>): AwarenessSummary {
  if (result.suppressed) throw new Error('unexpectedly suppressed');
  return result;
}
