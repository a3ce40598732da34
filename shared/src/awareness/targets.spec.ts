import { compareSummaryWithTarget, compareWithTarget, summariseRespondents, targetFor, type AwarenessTarget } from '.';
import { respondents } from './awareness.fixtures';

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
