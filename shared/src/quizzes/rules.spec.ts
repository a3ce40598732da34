import { problemMessages } from '../common/rules';
import type { QuizInput } from './api';
import { QUIZ_RULE_MESSAGES, quizRuleProblems } from './rules';

const survey: QuizInput = {
  title: '2025 年心理健康知识知晓率调查',
  kind: 'survey',
  regionId: 1,
  opensAt: '2025-06-01T00:00:00+08:00',
  closesAt: '2025-07-01T00:00:00+08:00',
  year: 2025,
  pointsPerItem: 5,
  passMark: 0.8,
  draw: { mode: 'fixed', questionIds: ['kp01-01'] },
};
const codes = (input: QuizInput) => quizRuleProblems(input).map((p) => p.code);

describe('quizRuleProblems', () => {
  it('accepts a complete survey wave', () => {
    expect(quizRuleProblems(survey)).toEqual([]);
  });

  it('names the field of each problem with a stable code', () => {
    expect(quizRuleProblems({ ...survey, closesAt: survey.opensAt })).toEqual([{ code: 'survey_window_order', field: 'closesAt' }]);
    expect(quizRuleProblems({ ...survey, opensAt: null, year: null })).toEqual([
      { code: 'survey_window_missing', field: 'opensAt' },
      { code: 'survey_year_missing', field: 'year' },
    ]);
    expect(quizRuleProblems({ ...survey, passMark: 80 })).toEqual([{ code: 'pass_mark_out_of_range', field: 'passMark' }]);
    expect(codes({ ...survey, title: '  ', pointsPerItem: 0 })).toEqual(['title_blank', 'points_per_item_invalid']);
  });

  it('needs a pre/post test linked to a campaign or an event, and only a post-test paired', () => {
    const pre: QuizInput = { ...survey, kind: 'pre_test', opensAt: null, closesAt: null, year: null };
    expect(codes(pre)).toEqual(['test_unlinked']);
    expect(codes({ ...pre, eventId: 3 })).toEqual([]);
    expect(codes({ ...pre, campaignId: 2, pairedQuizId: 9 })).toEqual(['pairing_not_post_test']);
    expect(codes({ ...pre, kind: 'post_test', campaignId: 2, pairedQuizId: 9 })).toEqual([]);
  });

  it('checks the draw spec as free JSON', () => {
    const practice = (draw: unknown): QuizInput => ({ ...survey, kind: 'practice', draw: draw as QuizInput['draw'] });
    expect(codes(practice({ mode: 'fixed', questionIds: [] }))).toEqual(['draw_fixed_empty']);
    expect(codes(practice({ mode: 'fixed', questionIds: ['a', 'a'] }))).toEqual(['draw_fixed_duplicate']);
    expect(codes(practice({ mode: 'fixed', questionIds: Array.from({ length: 201 }, (_, i) => `q${i}`) }))).toEqual(['draw_fixed_too_many']);
    expect(codes(practice({ mode: 'random', perPoint: 21 }))).toEqual(['draw_per_point_invalid']);
    expect(codes(practice({ mode: 'random', perPoint: { 1: -1 } }))).toEqual(['draw_per_point_map_invalid']);
    expect(codes(practice({ mode: 'random', perPoint: { 1: 0 } }))).toEqual(['draw_per_point_none']);
    expect(codes(practice({ mode: 'random', perPoint: { 1: 2, 10: 1 } }))).toEqual([]);
    expect(codes(practice({ mode: 'any' }))).toEqual(['draw_mode_invalid']);
  });

  it('has one zh-CN message per code', () => {
    expect(problemMessages(quizRuleProblems({ ...survey, closesAt: survey.opensAt }), QUIZ_RULE_MESSAGES)).toEqual(['调查的结束时间须晚于开始时间']);
  });
});
