import { getBuiltInScale } from './definitions';
import { crisisReasons, scaleFits, suggestedArticleCategories, toScaleSummary } from './catalog';
import { scoreResponse } from './scoring';

const phq9 = getBuiltInScale('phq-9')!;
const phqA = getBuiltInScale('phq-a')!;
const gds = getBuiltInScale('gds-15')!;

describe('scaleFits', () => {
  it('offers adolescent scales to 14-17 year olds and adult scales to adults', () => {
    expect(scaleFits(toScaleSummary(phqA), { ageBand: '14to17' })).toBe(true);
    expect(scaleFits(toScaleSummary(phq9), { ageBand: '14to17' })).toBe(false);
    expect(scaleFits(toScaleSummary(phq9), { ageBand: '35to59' })).toBe(true);
    expect(scaleFits(toScaleSummary(phqA), { ageBand: '35to59' })).toBe(false);
  });

  it('offers PHQ-A (from 11) to under-14s, and the elderly scale only from 60', () => {
    expect(scaleFits(toScaleSummary(phqA), { ageBand: 'under14' })).toBe(true);
    expect(scaleFits(toScaleSummary(gds), { ageBand: '35to59' })).toBe(false);
    expect(scaleFits(toScaleSummary(gds), { ageBand: '60plus' })).toBe(true);
    expect(scaleFits(toScaleSummary(phq9), { ageBand: '60plus' })).toBe(true);
  });

  it('offers everything when the age is unknown', () => {
    expect(scaleFits(toScaleSummary(gds), {})).toBe(true);
  });

  it('offers parent-report scales to parents only', () => {
    const parentScale = { audience: 'parent_report' as const, minAge: 4, maxAge: 17 };
    expect(scaleFits(parentScale, { populationGroup: 'parent', ageBand: '35to59' })).toBe(true);
    expect(scaleFits(parentScale, { populationGroup: 'employee', ageBand: '35to59' })).toBe(false);
  });
});

describe('crisisReasons', () => {
  it('names the critical item by its number', () => {
    const answers = Object.fromEntries(phq9.items.map((i) => [i.id, 0]));
    answers[phq9.items[8].id] = 3;
    expect(crisisReasons(phq9, scoreResponse(phq9, answers))).toEqual(['第 9 题的回答提示您可能正承受很大的痛苦']);
  });

  it('gives no reason when the crisis path did not open', () => {
    const answers = Object.fromEntries(phq9.items.map((i) => [i.id, 1]));
    answers[phq9.items[8].id] = 0;
    expect(crisisReasons(phq9, scoreResponse(phq9, answers))).toEqual([]);
  });
});

describe('suggestedArticleCategories', () => {
  it('puts crisis help first when the crisis path opened', () => {
    expect(suggestedArticleCategories(phq9, true)).toEqual(['crisis', 'emotion', 'knowledge']);
  });
  it('suggests the audience’s own category otherwise, without repeats', () => {
    expect(suggestedArticleCategories(phq9, false)).toEqual(['emotion', 'knowledge']);
    expect(suggestedArticleCategories(phqA, false)).toEqual(['youth', 'emotion', 'knowledge']);
  });
});
