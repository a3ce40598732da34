import { postStratifiedEstimate, WEIGHTED_LABEL } from '.';
import { expectInterval } from './awareness.fixtures';

describe('post-stratified estimate', () => {
  const strata = [
    { key: 'urban', population: 60000, respondents: 100, passed: 80, sumCorrectRate: 85, sumCorrectRateSq: 73 },
    { key: 'rural', population: 40000, respondents: 50, passed: 25, sumCorrectRate: 35, sumCorrectRateSq: 25 },
    { key: 'mountain', population: 20000, respondents: 0, passed: 0, sumCorrectRate: 0, sumCorrectRateSq: 0 },
  ];

  it('weights by population share of the sampled strata (hand-computed 2-stratum example)', () => {
    const r = postStratifiedEstimate(strata);
    if (r.suppressed) throw new Error('suppressed');
    expect(r.weighted).toBe(true);
    expect(r.label).toBe(WEIGHTED_LABEL);
    // weights 0.6 / 0.4; estimate 0.6·0.8 + 0.4·0.5 = 0.68 (unweighted would be 105/150 = 0.70)
    expect(r.estimate).toBeCloseTo(0.68, 12);
    expect(r.strata.map((s) => [s.key, s.weight])).toEqual([
      ['urban', 0.6],
      ['rural', 0.4],
    ]);
    // var = 0.36·0.8·0.2/100 + 0.16·0.5·0.5/50 = 0.000576 + 0.0008 = 0.001376
    expect(r.se).toBeCloseTo(Math.sqrt(0.001376), 12);
    expectInterval(r.ci, 0.607295, 0.752705, 6);
    expect(r.missingStrata).toEqual(['mountain']);
    expect(r.populationCoverage).toBeCloseTo(100000 / 120000, 12);
    expect(r.respondents).toBe(150);
  });

  it('can weight the mean correct rate', () => {
    const r = postStratifiedEstimate(strata, { metric: 'mean_correct_rate' });
    if (r.suppressed) throw new Error('suppressed');
    // 0.6·0.85 + 0.4·0.7 = 0.79; s²_urban = (73 − 72.25)/99, s²_rural = (25 − 24.5)/49
    expect(r.estimate).toBeCloseTo(0.79, 12);
    expect(r.se).toBeCloseTo(Math.sqrt((0.36 * (0.75 / 99)) / 100 + (0.16 * (0.5 / 49)) / 50), 12);
  });

  it('is suppressed when the whole sample is too small', () => {
    const r = postStratifiedEstimate([{ key: 'a', population: 10, respondents: 5, passed: 2, sumCorrectRate: 3, sumCorrectRateSq: 2 }]);
    expect(r).toMatchObject({ suppressed: true, reason: '样本量不足（少于 30 人）' });
  });
});
