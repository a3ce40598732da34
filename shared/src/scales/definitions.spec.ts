/**
 * Golden tests for the built-in scales. Every expected value below is computed by hand from the
 * domain notes (items, options, reversed items, factor, cut-offs), never by the code under test.
 */
import { BUILT_IN_SCALES, GAD7, GDS15, K10, PHQ9, PHQ_A, PSS10, SAS, SDS, WHO5, getBuiltInScale } from './definitions';
import { scoreResponse } from './scoring';
import type { ScaleAnswers, ScaleDefinition, ScaleResult } from './types';
import { validateScaleDefinition } from './validate';

/** Answers in item order. */
function ans(def: ScaleDefinition, values: number[]): ScaleAnswers {
  if (values.length !== def.items.length) throw new Error(`${def.code}: ${values.length} values for ${def.items.length} items`);
  return Object.fromEntries(def.items.map((item, i) => [item.id, values[i]]));
}

const rep = (value: number, n: number): number[] => Array.from({ length: n }, () => value);

interface Golden {
  name: string;
  values: number[];
  raw: number;
  score: number;
  severity: number;
  level?: string;
  crisis?: boolean;
  critical?: string[];
}

function check(def: ScaleDefinition, g: Golden): ScaleResult {
  const r = scoreResponse(def, ans(def, g.values));
  expect({ raw: r.raw, score: r.score, severity: r.band.severity }).toEqual({ raw: g.raw, score: g.score, severity: g.severity });
  if (g.level !== undefined) expect(r.band.level).toBe(g.level);
  expect(r.band.min <= r.score && r.score <= r.band.max).toBe(true);
  expect(r.crisis).toBe(g.crisis ?? false);
  expect(r.criticalItems).toEqual(g.critical ?? []);
  return r;
}

describe('built-in scale list', () => {
  it('ships the nine scales with unique codes', () => {
    expect(BUILT_IN_SCALES.map((s) => s.code)).toEqual(['phq-9', 'gad-7', 'phq-a', 'who-5', 'k10', 'pss-10', 'gds-15', 'sds', 'sas']);
  });

  it('finds a scale by code, and nothing for an unknown code', () => {
    expect(getBuiltInScale('phq-9')).toBe(PHQ9);
    expect(getBuiltInScale('sas')).toBe(SAS);
    expect(getBuiltInScale('epds')).toBeUndefined();
  });

  it('is frozen, so callers cannot change a published version', () => {
    expect(Object.isFrozen(PHQ9)).toBe(true);
    expect(Object.isFrozen(PHQ9.items[8])).toBe(true);
    expect(Object.isFrozen(PHQ9.bands)).toBe(true);
  });

  it.each(BUILT_IN_SCALES.map((s) => [s.code, s] as const))('%s passes validateScaleDefinition, also after a JSON round trip', (_code, def) => {
    const direct = validateScaleDefinition(def);
    expect(direct.ok ? [] : direct.errors).toEqual([]);
    const viaJson = validateScaleDefinition(JSON.parse(JSON.stringify(def)));
    expect(viaJson.ok ? [] : viaJson.errors).toEqual([]);
  });

  it.each(BUILT_IN_SCALES.map((s) => [s.code, s] as const))('%s says on every band that it is a screening, not a diagnosis', (_code, def) => {
    for (const band of def.bands) expect(band.interpretation).toMatch(/不是(医学)?诊断/);
  });

  it.each(BUILT_IN_SCALES.map((s) => [s.code, s] as const))('%s points to help (12356) from the moderate bands on', (_code, def) => {
    const max = Math.max(...def.bands.map((b) => b.severity));
    for (const band of def.bands) {
      // Two- and three-band scales: every band of concern; others: severity >= 2.
      const needsHelp = max <= 2 ? band.severity === max : band.severity >= 2;
      if (needsHelp) expect(band.advice).toContain('12356');
    }
  });

  it('records the licences as the domain notes say', () => {
    for (const def of [PHQ9, GAD7, PHQ_A]) {
      expect(def.licence.freeForPublicService).toBe(true);
      expect(def.licence.name).toContain('无需许可');
    }
    expect(WHO5.licence.name).toBe('CC BY-NC-SA 3.0 IGO');
    expect(K10.licence.name).toContain('注明出处');
    expect(PSS10.licence.name).toContain('非商业');
    expect(PSS10.licence.note).toContain('UNVERIFIED');
    expect(GDS15.licence.name).toContain('公有领域');
    for (const def of [SDS, SAS]) {
      expect(def.licence.note).toContain('UNVERIFIED');
      expect(def.licence.freeForPublicService).toBe(false);
    }
    for (const def of BUILT_IN_SCALES) expect(def.citation.length).toBeGreaterThan(20);
  });

  it('has the item counts and reversed items of the domain table', () => {
    const reversedNumbers = (def: ScaleDefinition): number[] => def.items.flatMap((item, i) => (item.reversed ? [i + 1] : []));
    expect([PHQ9.items.length, GAD7.items.length, WHO5.items.length, K10.items.length]).toEqual([9, 7, 5, 10]);
    expect([PSS10.items.length, GDS15.items.length, SDS.items.length, SAS.items.length]).toEqual([10, 15, 20, 20]);
    expect(reversedNumbers(PSS10)).toEqual([4, 5, 7, 8]);
    expect(reversedNumbers(GDS15)).toEqual([1, 5, 7, 11, 13]);
    expect(reversedNumbers(SDS)).toEqual([2, 5, 6, 11, 12, 14, 16, 17, 18, 20]);
    expect(reversedNumbers(SAS)).toEqual([5, 9, 13, 17, 19]);
    for (const def of [PHQ9, GAD7, PHQ_A, WHO5, K10]) expect(reversedNumbers(def)).toEqual([]);
  });
});

describe('PHQ-9', () => {
  const cases: Golden[] = [
    { name: 'minimum', values: rep(0, 9), raw: 0, score: 0, severity: 0, level: 'none' },
    { name: '4, top of none', values: [3, 1, 0, 0, 0, 0, 0, 0, 0], raw: 4, score: 4, severity: 0, level: 'none' },
    { name: '5, bottom of mild', values: [3, 2, 0, 0, 0, 0, 0, 0, 0], raw: 5, score: 5, severity: 1, level: 'mild' },
    { name: '9, top of mild', values: [3, 3, 3, 0, 0, 0, 0, 0, 0], raw: 9, score: 9, severity: 1, level: 'mild' },
    { name: '10, bottom of moderate', values: [3, 3, 3, 1, 0, 0, 0, 0, 0], raw: 10, score: 10, severity: 2, level: 'moderate' },
    { name: '14, top of moderate', values: [3, 3, 3, 3, 2, 0, 0, 0, 0], raw: 14, score: 14, severity: 2, level: 'moderate' },
    { name: '15, bottom of moderately severe', values: [3, 3, 3, 3, 3, 0, 0, 0, 0], raw: 15, score: 15, severity: 3, level: 'moderately_severe' },
    { name: '19, top of moderately severe', values: [3, 3, 3, 3, 3, 3, 1, 0, 0], raw: 19, score: 19, severity: 3, level: 'moderately_severe' },
    { name: '20, bottom of severe: crisis by band', values: [3, 3, 3, 3, 3, 3, 2, 0, 0], raw: 20, score: 20, severity: 4, level: 'severe', crisis: true },
    { name: 'maximum', values: rep(3, 9), raw: 27, score: 27, severity: 4, level: 'severe', crisis: true, critical: ['q9'] },
    { name: 'item 9 = 1 alone: crisis by critical item', values: [0, 0, 0, 0, 0, 0, 0, 0, 1], raw: 1, score: 1, severity: 0, crisis: true, critical: ['q9'] },
    { name: 'item 9 = 0 with a mild score: no crisis', values: [1, 1, 1, 1, 1, 1, 1, 1, 0], raw: 8, score: 8, severity: 1 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(PHQ9, c);
  });

  it('returns the band texts and marks the most severe band', () => {
    const r = scoreResponse(PHQ9, ans(PHQ9, rep(3, 9)));
    expect(r.band).toMatchObject({ index: 4, min: 20, max: 27, label: '可能有重度抑郁症状', mostSevere: true });
    expect(r.band.advice).toContain('400-161-9995');
    expect(r).toMatchObject({ scaleCode: 'phq-9', scaleVersion: 1, minScore: 0, maxScore: 27, subscales: {} });
    expect(scoreResponse(PHQ9, ans(PHQ9, rep(0, 9))).band.mostSevere).toBe(false);
  });
});

describe('GAD-7', () => {
  const cases: Golden[] = [
    { name: 'minimum', values: rep(0, 7), raw: 0, score: 0, severity: 0, level: 'none' },
    { name: '4, top of none', values: [3, 1, 0, 0, 0, 0, 0], raw: 4, score: 4, severity: 0, level: 'none' },
    { name: '5, bottom of mild', values: [3, 2, 0, 0, 0, 0, 0], raw: 5, score: 5, severity: 1, level: 'mild' },
    { name: '9, top of mild', values: [3, 3, 3, 0, 0, 0, 0], raw: 9, score: 9, severity: 1, level: 'mild' },
    { name: '10, bottom of moderate', values: [3, 3, 3, 1, 0, 0, 0], raw: 10, score: 10, severity: 2, level: 'moderate' },
    { name: '14, top of moderate', values: [3, 3, 3, 3, 2, 0, 0], raw: 14, score: 14, severity: 2, level: 'moderate' },
    { name: '15, bottom of severe (no crisis: documented)', values: [3, 3, 3, 3, 3, 0, 0], raw: 15, score: 15, severity: 3, level: 'severe' },
    { name: 'maximum', values: rep(3, 7), raw: 21, score: 21, severity: 3, level: 'severe' },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(GAD7, c);
  });
});

describe('PHQ-A', () => {
  // Nine symptom items, then: past-year low mood, past-month suicidal thoughts, lifetime attempt (0 否 / 1 是).
  const cases: Golden[] = [
    { name: 'minimum', values: [...rep(0, 9), 0, 0, 0], raw: 0, score: 0, severity: 0, level: 'none' },
    { name: '4, top of none', values: [3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 4, score: 4, severity: 0 },
    { name: '5, bottom of mild', values: [3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 5, score: 5, severity: 1 },
    { name: '9, top of mild', values: [3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 9, score: 9, severity: 1 },
    { name: '10, bottom of moderate', values: [3, 3, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0], raw: 10, score: 10, severity: 2 },
    { name: '14, top of moderate', values: [3, 3, 3, 3, 2, 0, 0, 0, 0, 0, 0, 0], raw: 14, score: 14, severity: 2 },
    { name: '15, bottom of moderately severe', values: [3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0], raw: 15, score: 15, severity: 3 },
    { name: '19, top of moderately severe', values: [3, 3, 3, 3, 3, 3, 1, 0, 0, 0, 0, 0], raw: 19, score: 19, severity: 3 },
    { name: '20, severe: crisis by band', values: [3, 3, 3, 3, 3, 3, 2, 0, 0, 0, 0, 0], raw: 20, score: 20, severity: 4, crisis: true },
    {
      name: 'maximum, every suicide question positive',
      values: [...rep(3, 9), 1, 1, 1],
      raw: 27,
      score: 27,
      severity: 4,
      crisis: true,
      critical: ['q9', 'month_suicidal_thoughts', 'lifetime_suicide_attempt'],
    },
    { name: 'yes/no questions are not scored; past-year low mood is not critical', values: [...rep(0, 9), 1, 0, 0], raw: 0, score: 0, severity: 0 },
    {
      name: 'past-month suicidal thoughts alone',
      values: [...rep(0, 9), 0, 1, 0],
      raw: 0,
      score: 0,
      severity: 0,
      crisis: true,
      critical: ['month_suicidal_thoughts'],
    },
    { name: 'lifetime attempt alone', values: [...rep(0, 9), 0, 0, 1], raw: 0, score: 0, severity: 0, crisis: true, critical: ['lifetime_suicide_attempt'] },
    { name: 'item 9 alone', values: [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0], raw: 2, score: 2, severity: 0, crisis: true, critical: ['q9'] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(PHQ_A, c);
  });

  it('is for 11-17 year olds and rejects a 0-3 answer on a yes/no question', () => {
    expect([PHQ_A.audience, PHQ_A.minAge, PHQ_A.maxAge]).toEqual(['student', 11, 17]);
    expect(() => scoreResponse(PHQ_A, ans(PHQ_A, [...rep(0, 9), 0, 2, 0]))).toThrow(/第 11 题/);
  });
});

describe('WHO-5 (raw x 4; a low score is the worrying one)', () => {
  const cases: Golden[] = [
    { name: 'minimum 0', values: rep(0, 5), raw: 0, score: 0, severity: 2 },
    { name: 'raw 7 = 28, top of "likely depression"', values: [2, 2, 2, 1, 0], raw: 7, score: 28, severity: 2 },
    { name: 'raw 8 = 32, first score above 28', values: [2, 2, 2, 1, 1], raw: 8, score: 32, severity: 1 },
    { name: 'raw 12 = 48, last score below 50', values: [3, 3, 2, 2, 2], raw: 12, score: 48, severity: 1 },
    { name: 'raw 13 = 52, first score at or above 50', values: [3, 3, 3, 2, 2], raw: 13, score: 52, severity: 0 },
    { name: 'maximum 100', values: rep(5, 5), raw: 25, score: 100, severity: 0 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(WHO5, c);
  });

  it('reports the 0-100 range', () => {
    const r = scoreResponse(WHO5, ans(WHO5, rep(1, 5)));
    expect([r.raw, r.score, r.minScore, r.maxScore]).toEqual([5, 20, 0, 100]);
  });
});

describe('K10', () => {
  const cases: Golden[] = [
    { name: 'minimum 10', values: rep(1, 10), raw: 10, score: 10, severity: 0, level: 'none' },
    { name: '19, top of well', values: [...rep(2, 9), 1], raw: 19, score: 19, severity: 0, level: 'none' },
    { name: '20, bottom of mild', values: rep(2, 10), raw: 20, score: 20, severity: 1, level: 'mild' },
    { name: '24, top of mild', values: [3, 3, 3, 3, 2, 2, 2, 2, 2, 2], raw: 24, score: 24, severity: 1, level: 'mild' },
    { name: '25, bottom of moderate', values: [3, 3, 3, 3, 3, 2, 2, 2, 2, 2], raw: 25, score: 25, severity: 2, level: 'moderate' },
    { name: '29, top of moderate', values: [...rep(3, 9), 2], raw: 29, score: 29, severity: 2, level: 'moderate' },
    { name: '30, bottom of severe (no crisis: documented)', values: rep(3, 10), raw: 30, score: 30, severity: 3, level: 'severe' },
    { name: 'maximum 50', values: rep(5, 10), raw: 50, score: 50, severity: 3, level: 'severe' },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(K10, c);
  });

  it('rejects 0, which is not a K10 answer', () => {
    expect(() => scoreResponse(K10, ans(K10, rep(0, 10)))).toThrow(/第 1 题/);
  });
});

describe('PSS-10 (items 4, 5, 7, 8 reversed: 4 - value)', () => {
  const cases: Golden[] = [
    { name: 'minimum 0', values: [0, 0, 0, 4, 4, 0, 4, 4, 0, 0], raw: 0, score: 0, severity: 0 },
    { name: '13, top of low', values: [4, 4, 4, 4, 4, 1, 4, 4, 0, 0], raw: 13, score: 13, severity: 0 },
    { name: '14, bottom of moderate', values: [4, 4, 4, 4, 4, 2, 4, 4, 0, 0], raw: 14, score: 14, severity: 1 },
    { name: '26, top of moderate', values: [4, 4, 4, 2, 4, 4, 4, 4, 4, 4], raw: 26, score: 26, severity: 1 },
    { name: '27, bottom of high', values: [4, 4, 4, 1, 4, 4, 4, 4, 4, 4], raw: 27, score: 27, severity: 2 },
    { name: 'maximum 40', values: [4, 4, 4, 0, 0, 4, 0, 0, 4, 4], raw: 40, score: 40, severity: 2 },
    { name: 'all "从不": the four reversed items score 4 each', values: rep(0, 10), raw: 16, score: 16, severity: 1 },
    { name: 'all "总是": six items x 4, reversed items 0', values: rep(4, 10), raw: 24, score: 24, severity: 1 },
    { name: 'all "有时": 2 is its own reverse', values: rep(2, 10), raw: 20, score: 20, severity: 1 },
    { name: 'item 4 answered 0 alone scores 4', values: [0, 0, 0, 0, 4, 0, 4, 4, 0, 0], raw: 4, score: 4, severity: 0 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(PSS10, c);
  });
});

describe('GDS-15 (是 = 1, 否 = 0; items 1, 5, 7, 11, 13 score 1 for 否)', () => {
  const cases: Golden[] = [
    { name: 'minimum 0', values: [1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0], raw: 0, score: 0, severity: 0, level: 'none' },
    { name: '4, top of none', values: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 4, score: 4, severity: 0, level: 'none' },
    { name: 'all 否 = 5, the >= 5 cut-off', values: rep(0, 15), raw: 5, score: 5, severity: 1, level: 'mild' },
    { name: '8, top of mild', values: [0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 8, score: 8, severity: 1, level: 'mild' },
    { name: '9, bottom of moderate', values: [0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], raw: 9, score: 9, severity: 2, level: 'moderate' },
    { name: 'all 是 = 10', values: rep(1, 15), raw: 10, score: 10, severity: 2, level: 'moderate' },
    { name: '11, top of moderate', values: [0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0], raw: 11, score: 11, severity: 2, level: 'moderate' },
    {
      name: '12, bottom of severe: crisis by band',
      values: [0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0],
      raw: 12,
      score: 12,
      severity: 3,
      level: 'severe',
      crisis: true,
    },
    { name: 'maximum 15', values: [0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1], raw: 15, score: 15, severity: 3, level: 'severe', crisis: true },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(GDS15, c);
  });
});

describe('SDS (standard = int(raw x 1.25); reversed 2, 5, 6, 11, 12, 14, 16, 17, 18, 20: 5 - value)', () => {
  // Item order: 1 2r 3 4 5r 6r 7 8 9 10 11r 12r 13 14r 15 16r 17r 18r 19 20r. "Minimum" answers
  // are 1 on plain items and 4 on reversed ones; item 19 stays at 1 unless a case says otherwise.
  const MIN = [1, 4, 1, 1, 4, 4, 1, 1, 1, 1, 4, 4, 1, 4, 1, 4, 4, 4, 1, 4];
  const MAX = [4, 1, 4, 4, 1, 1, 4, 4, 4, 4, 1, 1, 4, 1, 4, 1, 1, 1, 4, 1];
  const cases: Golden[] = [
    { name: 'minimum: raw 20 -> 25', values: MIN, raw: 20, score: 25, severity: 0, level: 'none' },
    // +21 on items 1, 3, 4, 7, 8, 9, 10 (answered 4): raw 41 -> 51.25 -> 51.
    { name: 'raw 41 -> 51.25 -> 51', values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 1, 4, 4, 4, 1, 4], raw: 41, score: 51, severity: 0, level: 'none' },
    // The same plus item 13 answered 2 (+1): raw 42 -> 52.5 -> 52.
    {
      name: 'raw 42 -> 52.5 -> 52, top of normal (round would give 53)',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 4, 4, 4, 1, 4],
      raw: 42,
      score: 52,
      severity: 0,
      level: 'none',
    },
    {
      name: 'raw 43 -> 53.75 -> 53, bottom of mild',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 4, 1, 4, 4, 4, 1, 4],
      raw: 43,
      score: 53,
      severity: 1,
      level: 'mild',
    },
    // All plain items but 19 at 4 (+27 = 47); items 2, 5, 6 answered 3 (+1 each): raw 50 -> 62.5 -> 62.
    {
      name: 'raw 50 -> 62.5 -> 62, top of mild',
      values: [4, 3, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4],
      raw: 50,
      score: 62,
      severity: 1,
      level: 'mild',
    },
    {
      name: 'raw 51 -> 63.75 -> 63, bottom of moderate',
      values: [4, 3, 4, 4, 3, 3, 4, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 1, 4],
      raw: 51,
      score: 63,
      severity: 2,
      level: 'moderate',
    },
    // 47, items 2, 5, 6 answered 1 (+3 each = 56), items 11, 12 answered 3 (+1 each): raw 58 -> 72.5 -> 72.
    {
      name: 'raw 58 -> 72.5 -> 72, top of moderate',
      values: [4, 1, 4, 4, 1, 1, 4, 4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 1, 4],
      raw: 58,
      score: 72,
      severity: 2,
      level: 'moderate',
    },
    {
      name: 'raw 59 -> 73.75 -> 73, bottom of severe: crisis by band',
      values: [4, 1, 4, 4, 1, 1, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 4, 4, 1, 4],
      raw: 59,
      score: 73,
      severity: 3,
      level: 'severe',
      crisis: true,
    },
    { name: 'maximum: raw 80 -> 100', values: MAX, raw: 80, score: 100, severity: 3, level: 'severe', crisis: true, critical: ['q19'] },
    { name: 'all 1: plain 10 x 1 + reversed 10 x 4 = 50 -> 62', values: rep(1, 20), raw: 50, score: 62, severity: 1, level: 'mild' },
    {
      name: 'all 4: plain 10 x 4 + reversed 10 x 1 = 50 -> 62; item 19 at 4 is critical',
      values: rep(4, 20),
      raw: 50,
      score: 62,
      severity: 1,
      crisis: true,
      critical: ['q19'],
    },
    {
      name: 'item 2 answered 1 scores 4: raw 23 -> 28.75 -> 28',
      values: [1, 1, 1, 1, 4, 4, 1, 1, 1, 1, 4, 4, 1, 4, 1, 4, 4, 4, 1, 4],
      raw: 23,
      score: 28,
      severity: 0,
    },
    {
      name: 'item 19 = 2 ("小部分时间"): raw 21 -> 26.25 -> 26, crisis',
      values: [1, 4, 1, 1, 4, 4, 1, 1, 1, 1, 4, 4, 1, 4, 1, 4, 4, 4, 2, 4],
      raw: 21,
      score: 26,
      severity: 0,
      crisis: true,
      critical: ['q19'],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(SDS, c);
  });
});

describe('SAS (standard = int(raw x 1.25); reversed 5, 9, 13, 17, 19: 5 - value)', () => {
  // Item order: 1 2 3 4 5r 6 7 8 9r 10 11 12 13r 14 15 16 17r 18 19r 20.
  const MIN = [1, 1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1];
  const MAX = [4, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 1, 4];
  const cases: Golden[] = [
    { name: 'minimum: raw 20 -> 25', values: MIN, raw: 20, score: 25, severity: 0, level: 'none' },
    // Items 1, 2, 3, 4, 6, 7 at 4 (+18) and item 8 at 2 (+1): raw 39 -> 48.75 -> 48 (49 cannot occur).
    {
      name: 'raw 39 -> 48.75 -> 48, highest normal score',
      values: [4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1],
      raw: 39,
      score: 48,
      severity: 0,
      level: 'none',
    },
    {
      name: 'raw 40 -> 50, bottom of mild',
      values: [4, 4, 4, 4, 4, 4, 4, 3, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1],
      raw: 40,
      score: 50,
      severity: 1,
      level: 'mild',
    },
    { name: 'raw 41 -> 51.25 -> 51', values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1], raw: 41, score: 51, severity: 1, level: 'mild' },
    {
      name: 'raw 42 -> 52.5 -> 52 (round would give 53)',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1],
      raw: 42,
      score: 52,
      severity: 1,
      level: 'mild',
    },
    // Items 1-4, 6, 7, 8, 10 at 4 (+24) and item 11 at 4 (+3): raw 47 -> 58.75 -> 58.
    {
      name: 'raw 47 -> 58.75 -> 58, highest mild score',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 1, 1, 1, 4, 1, 4, 1],
      raw: 47,
      score: 58,
      severity: 1,
      level: 'mild',
    },
    {
      name: 'raw 48 -> 60, bottom of moderate',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 1, 1, 4, 1, 4, 1],
      raw: 48,
      score: 60,
      severity: 2,
      level: 'moderate',
    },
    // Eleven plain items at 4 (+33) and item 15 at 3 (+2): raw 55 -> 68.75 -> 68.
    {
      name: 'raw 55 -> 68.75 -> 68, highest moderate score',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 1, 4, 1, 4, 1],
      raw: 55,
      score: 68,
      severity: 2,
      level: 'moderate',
    },
    {
      name: 'raw 56 -> 70, bottom of severe (no crisis: documented)',
      values: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 1, 4, 1],
      raw: 56,
      score: 70,
      severity: 3,
      level: 'severe',
    },
    { name: 'maximum: raw 80 -> 100', values: MAX, raw: 80, score: 100, severity: 3, level: 'severe' },
    { name: 'all 1: plain 15 x 1 + reversed 5 x 4 = 35 -> 43.75 -> 43', values: rep(1, 20), raw: 35, score: 43, severity: 0 },
    { name: 'all 4: plain 15 x 4 + reversed 5 x 1 = 65 -> 81.25 -> 81', values: rep(4, 20), raw: 65, score: 81, severity: 3 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    check(SAS, c);
  });

  it('rounds with the scale rule: the same raw 42 gives 53 when a copy uses "round"', () => {
    const rounded: ScaleDefinition = { ...SAS, scoring: { ...SAS.scoring, rounding: 'round' } };
    const values = [4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1];
    expect(scoreResponse(rounded, ans(SAS, values)).score).toBe(53);
    expect(scoreResponse(SAS, ans(SAS, values)).score).toBe(52);
  });
});
