import type { AdminQuiz } from '@xinqiao/shared';
import { awarenessFilters, awarenessSearch, defaultWaveIds, parseAwarenessView, surveyWaves, waveLabel } from './awarenessQuery';

function quiz(id: number, patch: Partial<AdminQuiz>): AdminQuiz {
  return {
    id,
    title: `第 ${id} 轮`,
    description: '',
    kind: 'survey',
    status: 'published',
    regionId: 1,
    regionName: '永川区',
    opensAt: null,
    closesAt: null,
    year: 2026,
    pointsPerItem: 1,
    passMark: 0.8,
    draw: { mode: 'fixed', questionIds: [] },
    questionCodes: [],
    respondents: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

describe('awareness view in the URL', () => {
  it('reads waves, filters, dimension and tab, ignoring anything malformed', () => {
    const view = parseAwarenessView(
      new URLSearchParams(
        'quizIds=3,x,2,3,-1&dimension=age_band&tab=trend&regionId=7&urbanRural=rural&populationGroup=elderly&ageBand=60plus&gender=robot&campaignId=0&postQuizId=9',
      ),
    );
    expect(view).toEqual({
      quizIds: [3, 2],
      dimension: 'age_band',
      tab: 'trend',
      regionId: 7,
      urbanRural: 'rural',
      populationGroup: 'elderly',
      ageBand: '60plus',
      gender: undefined,
      campaignId: undefined,
      postQuizId: 9,
    });
  });

  it('defaults to the region breakdown on the overview', () => {
    const view = parseAwarenessView(new URLSearchParams(''));
    expect(view.dimension).toBe('region');
    expect(view.tab).toBe('overview');
    expect(view.quizIds).toEqual([]);
    expect(awarenessSearch(view)).toEqual({});
  });

  it('round-trips through the URL', () => {
    const view = parseAwarenessView(new URLSearchParams('quizIds=4,5&dimension=gender&regionId=3&campaignId=2'));
    expect(awarenessSearch(view)).toEqual({ quizIds: '4,5', dimension: 'gender', regionId: '3', campaignId: '2' });
    expect(parseAwarenessView(new URLSearchParams(awarenessSearch(view)))).toEqual(view);
    expect(awarenessFilters(view)).toEqual({
      quizIds: [4, 5],
      regionId: 3,
      urbanRural: undefined,
      populationGroup: undefined,
      ageBand: undefined,
      gender: undefined,
      campaignId: 2,
    });
  });
});

describe('survey waves', () => {
  const list = [
    quiz(1, { opensAt: '2025-03-01T00:00:00.000Z', year: 2025, status: 'closed' }),
    quiz(2, { opensAt: '2026-03-01T00:00:00.000Z' }),
    quiz(3, { status: 'draft', opensAt: '2027-03-01T00:00:00.000Z' }),
    quiz(4, { kind: 'practice' }),
  ];

  it('lists published and closed waves, newest first', () => {
    expect(surveyWaves(list).map((q) => q.id)).toEqual([2, 1]);
    expect(defaultWaveIds(surveyWaves(list))).toEqual([2]);
    expect(defaultWaveIds([])).toEqual([]);
  });

  it('labels a wave with its year and start', () => {
    expect(waveLabel(quiz(2, { title: '春季调查', opensAt: '2026-03-01T10:00:00.000Z' }))).toBe('春季调查（2026 年，2026-03-01 起）');
    expect(waveLabel(quiz(2, { title: '春季调查', year: null }))).toBe('春季调查');
  });
});
