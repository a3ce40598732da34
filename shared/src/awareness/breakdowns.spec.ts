import { combineCells, countsFromRespondents, groupCells, rollUpByRegion, summarise, summariseByRegion, type AwarenessCell } from '.';
import { respondents, summary } from './awareness.fixtures';

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
