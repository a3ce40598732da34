import {
  combineCells,
  compareSummaryWithTarget,
  compareWithTarget,
  countsFromRespondents,
  groupCells,
  mcnemarExactP,
  meanCorrectRate,
  pairedCountsFrom,
  pairedUplift,
  postStratifiedEstimate,
  rankKnowledgePointsByErrorRate,
  rollUpByRegion,
  summarise,
  summariseByRegion,
  summariseRespondents,
  targetFor,
  unpairedUplift,
  wilsonInterval,
  WEIGHTED_LABEL,
  type AwarenessCell,
  type AwarenessSummary,
  type AwarenessTarget,
  type RespondentResult,
} from './statistics';

const respondents = (correctRate: number, count: number, passMark = 0.8): RespondentResult[] =>
  Array.from({ length: count }, () => ({ correctRate, passed: correctRate >= passMark }));

function expectInterval(actual: { lower: number; upper: number }, lower: number, upper: number, digits = 4) {
  expect(actual.lower).toBeCloseTo(lower, digits);
  expect(actual.upper).toBeCloseTo(upper, digits);
}

function summary(result: ReturnType<typeof summarise>): AwarenessSummary {
  if (result.suppressed) throw new Error('unexpectedly suppressed');
  return result;
}

describe('wilsonInterval (z = 1.96)', () => {
  it('0/10: lower exactly 0, upper z²/(n+z²) = 3.8416/13.8416 = 0.2775', () => {
    const ci = wilsonInterval(0, 10);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(0.2775, 4);
  });

  it('10/10: lower n/(n+z²) = 10/13.8416 = 0.7225, upper exactly 1', () => {
    const ci = wilsonInterval(10, 10);
    expect(ci.lower).toBeCloseTo(0.7225, 4);
    expect(ci.upper).toBe(1);
  });

  it('7/10 = [0.3968, 0.8922] (the textbook value)', () => {
    expectInterval(wilsonInterval(7, 10), 0.3968, 0.8922);
  });

  it('730/1000 = [0.7016, 0.7566]', () => {
    // centre (0.73 + 0.0019208)/1.0038416 = 0.729120; half 1.96·√(0.0001971 + 0.00000096)/1.0038416 = 0.027478
    expectInterval(wilsonInterval(730, 1000), 0.7016, 0.7566);
  });

  it('n = 0 carries no information: [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1 });
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

describe('pass rate and mean correct rate', () => {
  it('give different figures on the same data', () => {
    // 40 residents: 20 answered 90% correctly (pass), 20 answered 50% (fail).
    const s = summary(summariseRespondents([...respondents(0.9, 20), ...respondents(0.5, 20)]));
    expect(s.respondents).toBe(40);
    expect(s.passRate).toBe(0.5);
    expect(s.meanCorrectRate).toBeCloseTo(0.7, 12);
    // Wilson 20/40
    expectInterval(s.passRateCi, 0.352, 0.648);
    // sd = √(40·0.2²/39) = 0.202548; half = 1.96·0.202548/√40 = 0.062770
    expect(s.sdCorrectRate).toBeCloseTo(0.202548, 6);
    expectInterval(s.meanCorrectRateCi, 0.637230, 0.762770, 6);
  });

  it('everyone just under the pass mark: mean 75%, pass rate 0%', () => {
    const s = summary(summariseRespondents(respondents(0.75, 30)));
    expect(s.meanCorrectRate).toBeCloseTo(0.75, 12);
    expect(s.passRate).toBe(0);
    expect(s.passRateCi.lower).toBe(0);
    // no spread: the normal interval degenerates to the point (documented limitation)
    expect(s.sdCorrectRate).toBeCloseTo(0, 6);
  });

  it('clamps the mean interval to [0, 1]', () => {
    const s = summary(summariseRespondents([...respondents(1, 29), ...respondents(0, 1)]));
    expect(s.meanCorrectRateCi.upper).toBe(1);
    expect(s.meanCorrectRateCi.lower).toBeGreaterThan(0.9);
  });

  it('mean with fewer than two respondents has no SD and an uninformative interval', () => {
    expect(meanCorrectRate(countsFromRespondents(respondents(0.6, 1)))).toEqual({ mean: 0.6, sd: null, ci: { lower: 0, upper: 1 } });
  });
});

describe('cells, suppression and roll-up', () => {
  const cell = (regionPath: string, n: number, passed: number, meanRate: number, over: Partial<AwarenessCell> = {}): AwarenessCell => ({
    regionPath,
    urbanRural: 'urban',
    populationGroup: 'other',
    ageBand: '35to59',
    respondents: n,
    passed,
    sumCorrectRate: n * meanRate,
    sumCorrectRateSq: n * meanRate * meanRate,
    ...over,
  });

  it('combines cells by adding counts and sums', () => {
    const a = countsFromRespondents([...respondents(0.9, 3), ...respondents(0.5, 2)]);
    const b = countsFromRespondents(respondents(0.6, 4));
    const all = countsFromRespondents([...respondents(0.9, 3), ...respondents(0.5, 2), ...respondents(0.6, 4)]);
    const c = combineCells([a, b]);
    expect(c.respondents).toBe(9);
    expect(c.passed).toBe(3);
    expect(c.sumCorrectRate).toBeCloseTo(all.sumCorrectRate, 12);
    expect(c.sumCorrectRateSq).toBeCloseTo(all.sumCorrectRateSq, 12);
  });

  it('rejects inconsistent cells', () => {
    expect(() => combineCells([cell('/1/', 5, 6, 0.5)])).toThrow(RangeError);
    expect(() => combineCells([{ respondents: 5, passed: 1, sumCorrectRate: 6, sumCorrectRateSq: 1 }])).toThrow(RangeError);
  });

  it('suppresses a slice below 30 respondents with a reason instead of a number', () => {
    const small = summarise([cell('/1/2/', 20, 10, 0.7), cell('/1/3/', 9, 5, 0.7)]);
    expect(small).toEqual({ suppressed: true, minRespondents: 30, reason: '样本量不足（少于 30 人）' });
    expect(small).not.toHaveProperty('passRate');
    expect(small).not.toHaveProperty('respondents');
    const enough = summary(summarise([cell('/1/2/', 20, 10, 0.7), cell('/1/3/', 10, 5, 0.7)]));
    expect(enough.respondents).toBe(30);
    expect(enough.passRate).toBe(0.5);
  });

  it('takes a configurable minimum', () => {
    expect(summarise([cell('/1/', 12, 6, 0.7)], { minRespondents: 10 }).suppressed).toBe(false);
    expect(summarise([cell('/1/', 12, 6, 0.7)], { minRespondents: 50 })).toMatchObject({ reason: '样本量不足（少于 50 人）' });
  });

  const cells = [
    cell('/1/2/5/', 20, 10, 0.7),
    cell('/1/2/5/', 5, 5, 0.9, { urbanRural: 'rural' }),
    cell('/1/2/6/', 15, 12, 0.8),
    cell('/1/10/7/', 40, 30, 0.85),
  ];

  it('rolls a cell up to every ancestor, parents before children, ids numerically', () => {
    const totals = rollUpByRegion(cells);
    expect(totals.map((t) => [t.regionPath, t.depth, t.counts.respondents, t.counts.passed])).toEqual([
      ['/1/', 1, 80, 57],
      ['/1/2/', 2, 40, 27],
      ['/1/2/5/', 3, 25, 15],
      ['/1/2/6/', 3, 15, 12],
      ['/1/10/', 2, 40, 30],
      ['/1/10/7/', 3, 40, 30],
    ]);
  });

  it('limits the roll-up to a scope', () => {
    expect(rollUpByRegion(cells, { scopePath: '/1/2/' }).map((t) => t.regionPath)).toEqual(['/1/2/', '/1/2/5/', '/1/2/6/']);
  });

  it('summarises each region, suppressing the small ones', () => {
    const byRegion = Object.fromEntries(summariseByRegion(cells).map((r) => [r.regionPath, r.result]));
    expect(byRegion['/1/2/5/'].suppressed).toBe(true);
    expect(byRegion['/1/2/6/'].suppressed).toBe(true);
    expect(summary(byRegion['/1/2/']).passRate).toBeCloseTo(27 / 40, 12);
    expect(summary(byRegion['/1/']).respondents).toBe(80);
  });

  it('groups cells by any dimension', () => {
    const g = groupCells(cells, (c) => c.urbanRural ?? 'unknown');
    expect(g.get('urban')?.respondents).toBe(75);
    expect(g.get('rural')?.respondents).toBe(5);
  });
});

describe('targets', () => {
  const targets: AwarenessTarget[] = [
    { id: 'city-general', regionPath: '/1/', rate: 0.5 },
    { id: 'city-urban', regionPath: '/1/', urbanRural: 'urban', rate: 0.7 },
    { id: 'city-rural', regionPath: '/1/', urbanRural: 'rural', rate: 0.6 },
    { id: 'city-students', regionPath: '/1/', populationGroup: 'student', rate: 0.9 },
    { id: 'city-2025', regionPath: '/1/', year: 2025, rate: 0.55 },
    { id: 'district-general', regionPath: '/1/2/', rate: 0.65 },
    { id: 'national', regionPath: '/', rate: 0.4 },
  ];
  const pick = (q: Parameters<typeof targetFor>[1]) => targetFor(targets, q)?.id ?? null;

  it('prefers urban/rural-specific over general in the same region', () => {
    expect(pick({ regionPath: '/1/3/7/', populationGroup: 'other', urbanRural: 'urban', year: 2024 })).toBe('city-urban');
    expect(pick({ regionPath: '/1/3/7/', populationGroup: 'other', urbanRural: 'rural', year: 2024 })).toBe('city-rural');
  });

  it('prefers group-specific over urban/rural-specific', () => {
    expect(pick({ regionPath: '/1/3/7/', populationGroup: 'student', urbanRural: 'urban', year: 2024 })).toBe('city-students');
  });

  it('prefers the deepest region over any dimension', () => {
    expect(pick({ regionPath: '/1/2/5/', populationGroup: 'student', urbanRural: 'urban', year: 2025 })).toBe('district-general');
  });

  it('prefers a year-specific target over a standing one', () => {
    expect(pick({ regionPath: '/1/3/', year: 2025 })).toBe('city-2025');
    expect(pick({ regionPath: '/1/3/', year: 2024 })).toBe('city-general');
  });

  it('falls back to a root target, or null when none applies', () => {
    expect(pick({ regionPath: '/9/4/' })).toBe('national');
    expect(targetFor(targets.slice(0, 6), { regionPath: '/9/4/' })).toBeNull();
  });

  it('compares a rate with a target', () => {
    const c = compareWithTarget(0.68, 0.7);
    expect(c.met).toBe(false);
    expect(c.gap).toBeCloseTo(0.02, 12);
    expect(c.margin).toBeCloseTo(-0.02, 12);
    expect(c.confidence).toBeNull();
    expect(compareWithTarget(0.7, { regionPath: '/1/', rate: 0.7 })).toMatchObject({ met: true, gap: 0 });
    expect(compareWithTarget({ rate: 0.68, ci: { lower: 0.6, upper: 0.75 } }, 0.7).confidence).toBe('inconclusive');
    expect(compareWithTarget({ rate: 0.72, ci: { lower: 0.705, upper: 0.735 } }, 0.7).confidence).toBe('above');
    expect(compareWithTarget({ rate: 0.6, ci: { lower: 0.55, upper: 0.65 } }, 0.7).confidence).toBe('below');
  });

  it('compares a summary on the metric of the target, and not when suppressed', () => {
    const s = summariseRespondents([...respondents(0.9, 20), ...respondents(0.5, 20)]);
    expect(compareSummaryWithTarget(s, { regionPath: '/1/', rate: 0.6 })).toMatchObject({ rate: 0.5, met: false });
    expect(compareSummaryWithTarget(s, { regionPath: '/1/', rate: 0.6, metric: 'mean_correct_rate' })?.met).toBe(true);
    expect(compareSummaryWithTarget(summariseRespondents(respondents(0.9, 5)), { regionPath: '/1/', rate: 0.6 })).toBeNull();
  });
});

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

describe('knowledge points ranked by error rate', () => {
  const counts = [
    { questionId: 'q1', knowledgePoint: 5 as const, answered: 100, correct: 40, dontKnow: 30 },
    { questionId: 'q2', knowledgePoint: 5 as const, answered: 100, correct: 60 },
    { questionId: 'q3', knowledgePoint: 1 as const, answered: 50, correct: 45 },
    { questionId: 'q4', knowledgePoint: 9 as const, answered: 80, correct: 40 },
  ];

  it('ranks worst first, ties by more answers; points without answers are listed apart', () => {
    const { ranked, insufficient } = rankKnowledgePointsByErrorRate(counts);
    expect(ranked.map((r) => [r.knowledgePoint, r.errorRate])).toEqual([
      [5, 0.5],
      [9, 0.5],
      [1, 0.1],
    ]);
    expect(ranked[0]).toMatchObject({ questions: 2, answered: 200, errors: 100, dontKnow: 30, dontKnowRate: 0.15 });
    expect(ranked[0].text).toBe('抑郁焦虑可有效防治，需及早评估，积极治疗');
    expect(insufficient).toEqual([2, 3, 4, 6, 7, 8, 10]);
  });

  it('applies a minimum number of answers', () => {
    const { ranked, insufficient } = rankKnowledgePointsByErrorRate(counts, { minAnswers: 60 });
    expect(ranked.map((r) => r.knowledgePoint)).toEqual([5, 9]);
    expect(insufficient).toContain(1);
  });
});
