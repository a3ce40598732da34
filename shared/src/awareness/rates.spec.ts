import { countsFromRespondents, meanCorrectRate, summariseRespondents, wilsonInterval } from '.';
import { respondents, expectInterval, summary } from './awareness.fixtures';

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
    expectInterval(s.meanCorrectRateCi, 0.63723, 0.76277, 6);
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
