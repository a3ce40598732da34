import { mcnemarExactP, pairedCountsFrom, pairedUplift, unpairedUplift } from '.';
import { expectInterval } from './awareness.fixtures';

describe('pre/post uplift', () => {
  it('unpaired pass-rate difference uses the Newcombe hybrid score interval (Newcombe 1998, Table II)', () => {
    const count = (respondents: number, passed: number) => ({ respondents, passed, sumCorrectRate: passed, sumCorrectRateSq: passed });
    // 56/70 − 48/80 = 0.2000, method 10: 0.0524 to 0.3339
    const a = unpairedUplift(count(80, 48), count(70, 56));
    expect(a.passRateDifference.estimate).toBeCloseTo(0.2, 12);
    expectInterval(a.passRateDifference.ci, 0.0524, 0.3339);
    // 9/10 − 3/10 = 0.6000, method 10: 0.1705 to 0.8090
    expectInterval(unpairedUplift(count(10, 3), count(10, 9)).passRateDifference.ci, 0.1705, 0.809);
  });

  it('unpaired mean correct rate difference uses √(s₁²/n₁ + s₂²/n₂)', () => {
    // pre: mean 0.65, s² 0.04; post: mean 0.80, s² 0.0225; se = √(0.0004 + 0.000225) = 0.025
    const pre = { respondents: 100, passed: 40, sumCorrectRate: 65, sumCorrectRateSq: 42.25 + 0.04 * 99 };
    const post = { respondents: 100, passed: 70, sumCorrectRate: 80, sumCorrectRateSq: 64 + 0.0225 * 99 };
    const u = unpairedUplift(pre, post);
    expect(u.pre).toEqual({ respondents: 100, passRate: 0.4, meanCorrectRate: 0.65 });
    expect(u.meanCorrectRateDifference.estimate).toBeCloseTo(0.15, 12);
    expectInterval(u.meanCorrectRateDifference.ci, 0.101, 0.199, 9);
  });

  it('paired: mean of differences and pass flips', () => {
    const pairs = [
      { pre: { correctRate: 0.5, passed: false }, post: { correctRate: 0.6, passed: false } },
      { pre: { correctRate: 0.5, passed: false }, post: { correctRate: 0.7, passed: false } },
      { pre: { correctRate: 0.6, passed: false }, post: { correctRate: 0.9, passed: true } },
      { pre: { correctRate: 0.7, passed: false }, post: { correctRate: 0.9, passed: true } },
    ];
    const counts = pairedCountsFrom(pairs);
    expect(counts).toMatchObject({ pairs: 4, bothPassed: 0, bothFailed: 2, gained: 2, lost: 0 });
    const u = pairedUplift(counts);
    // differences 0.1, 0.2, 0.3, 0.2: mean 0.2, sd √(0.02/3) = 0.081650, half 1.96·0.081650/2 = 0.080017
    expect(u.meanDifference).toBeCloseTo(0.2, 12);
    expect(u.sdDifference).toBeCloseTo(0.08165, 5);
    expectInterval(u.meanDifferenceCi, 0.119983, 0.280017, 6);
    expect(u.prePassRate).toBe(0);
    expect(u.postPassRate).toBe(0.5);
  });

  it('paired pass-rate difference with a Wald interval and the exact McNemar p-value', () => {
    const u = pairedUplift({ pairs: 50, sumDiff: 5, sumDiffSq: 1, bothPassed: 20, bothFailed: 10, gained: 15, lost: 5 });
    expect(u.prePassRate).toBe(0.5);
    expect(u.postPassRate).toBe(0.7);
    expect(u.passRateDifference).toBeCloseTo(0.2, 12);
    // se = √(20 − 10²/50)/50 = √18/50 = 0.084853; half = 0.166311
    expectInterval(u.passRateDifferenceCi, 0.033688, 0.366312, 6);
    // 2·P(X ≤ 5), X ~ Bin(20, ½) = 2·21700/1048576
    expect(u.mcnemar).toEqual({ gained: 15, lost: 5, exactP: expect.closeTo(43400 / 1048576, 12) });
  });

  it('McNemar edge cases', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(3, 3)).toBe(1);
    expect(mcnemarExactP(6, 0)).toBeCloseTo(2 / 64, 12);
    expect(mcnemarExactP(2000, 1000)).toBeLessThan(1e-10);
  });

  it('rejects counts that do not add up', () => {
    expect(() => pairedUplift({ pairs: 5, sumDiff: 0, sumDiffSq: 0, bothPassed: 1, bothFailed: 1, gained: 1, lost: 1 })).toThrow(RangeError);
  });
});
