import dayjs from 'dayjs';
import type { AdminQuiz } from '@xinqiao/shared';
import {
  appendCodes,
  buildDrawSpec,
  coverageByPoint,
  drawQuestionCount,
  emptyQuizForm,
  moveItem,
  percentToShare,
  perPointRecord,
  questionsPerPoint,
  quizInputProblems,
  quizToForm,
  scoreSummary,
  shareToPercent,
  takePath,
  toQuizInput,
} from './quizForm';

const survey: AdminQuiz = {
  id: 5,
  title: '2026 年心理健康知识知晓率调查',
  description: '春季',
  kind: 'survey',
  status: 'draft',
  regionId: 3,
  regionName: '永川区',
  opensAt: '2026-03-01T00:00:00.000Z',
  closesAt: '2026-03-31T10:00:00.000Z',
  year: 2026,
  pointsPerItem: 5,
  passMark: 0.8,
  multipleChoice: 'partial',
  draw: { mode: 'fixed', questionIds: ['kp01-01', 'kp02-01', 'Q12'] },
  campaignId: null,
  eventId: null,
  pairedQuizId: null,
  questionCodes: [],
  respondents: 0,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
};

describe('pass mark', () => {
  it('converts between percent and share without noise', () => {
    expect(percentToShare(80)).toBe(0.8);
    expect(percentToShare(66.7)).toBe(0.667);
    expect(shareToPercent(0.8)).toBe(80);
    expect(shareToPercent(0.575)).toBe(57.5);
  });
});

describe('draw spec', () => {
  it('builds a fixed spec in the picked order', () => {
    expect(buildDrawSpec({ drawMode: 'fixed', questionIds: ['b', 'a'], perPoint: { 1: 3 }, shuffle: true })).toEqual({
      mode: 'fixed',
      questionIds: ['b', 'a'],
    });
  });

  it('builds a random spec without empty points', () => {
    const spec = buildDrawSpec({ drawMode: 'random', questionIds: ['x'], perPoint: { 1: 2, 2: 0, 3: null, 4: 1.7 }, shuffle: true });
    expect(spec).toEqual({ mode: 'random', perPoint: { 1: 2, 4: 1 }, shuffle: true });
    expect(drawQuestionCount(spec)).toBe(3);
    expect(drawQuestionCount({ mode: 'random', perPoint: 2 })).toBe(20);
    expect(drawQuestionCount({ mode: 'fixed', questionIds: ['a', 'b'] })).toBe(2);
  });

  it('expands one count for every point', () => {
    expect(perPointRecord(2)).toEqual({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 2, 10: 2 });
    expect(perPointRecord({ 3: 1 })[3]).toBe(1);
    expect(perPointRecord({ 3: 1 })[4]).toBe(0);
  });

  it('reorders and appends picked questions', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(appendCodes(['a', 'b'], ['b', 'c', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('counts the bank and the coverage per knowledge point', () => {
    const bank = [
      { code: 'kp01-01', knowledgePoint: 1 as const, archived: false },
      { code: 'kp01-02', knowledgePoint: 1 as const, archived: true },
      { code: 'kp02-01', knowledgePoint: 2 as const, archived: false },
    ];
    expect(questionsPerPoint(bank)[1]).toBe(1);
    expect(questionsPerPoint(bank)[2]).toBe(1);
    expect(coverageByPoint(['kp01-01', 'kp01-02', 'gone'], bank)[1]).toBe(2);
  });
});

describe('quiz form', () => {
  it('round-trips a survey wave', () => {
    const form = quizToForm(survey);
    expect(form.passMarkPercent).toBe(80);
    expect(form.window?.[0].toISOString()).toBe(survey.opensAt);
    const input = toQuizInput(form);
    expect(input).toEqual({
      title: survey.title,
      description: '春季',
      kind: 'survey',
      regionId: 3,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      year: 2026,
      pointsPerItem: 5,
      passMark: 0.8,
      multipleChoice: 'partial',
      draw: survey.draw,
      campaignId: null,
      eventId: null,
      pairedQuizId: null,
    });
    expect(quizInputProblems(input)).toEqual([]);
  });

  it('keeps the window and year for surveys only, and the pre-test for post-tests only', () => {
    const form = { ...quizToForm(survey), kind: 'post_test' as const, campaignId: 4, pairedQuizId: 9 };
    const input = toQuizInput(form, { eventId: 2 });
    expect(input.opensAt).toBeNull();
    expect(input.year).toBeNull();
    expect(input.pairedQuizId).toBe(9);
    expect(input.eventId).toBe(2);
    expect(toQuizInput({ ...form, kind: 'practice' }).pairedQuizId).toBeNull();
  });

  it('starts with the defaults: survey, 1 point per item, 80% pass mark', () => {
    const form = emptyQuizForm(7, new Date(2026, 4, 1));
    expect(form).toMatchObject({ kind: 'survey', regionId: 7, year: 2026, pointsPerItem: 1, passMarkPercent: 80, drawMode: 'fixed' });
  });

  it('reports what is missing in Chinese', () => {
    const blank = toQuizInput(emptyQuizForm(7, new Date(2026, 4, 1)));
    expect(quizInputProblems(blank)).toEqual(expect.arrayContaining(['测验名称不能为空', '固定试卷至少需要 1 道题目', '请设置调查的开始和结束时间']));
    const pre = toQuizInput({ ...quizToForm(survey), kind: 'pre_test', campaignId: null });
    expect(quizInputProblems(pre)).toContain('前测、后测须关联宣传活动或活动');
    expect(quizInputProblems(toQuizInput({ ...quizToForm(survey), kind: 'pre_test', campaignId: null }, { eventId: 3 }))).toEqual([]);
    const backwards = toQuizInput({ ...quizToForm(survey), window: [dayjs('2026-04-01'), dayjs('2026-03-01')] });
    expect(quizInputProblems(backwards)).toContain('调查的结束时间须晚于开始时间');
    expect(quizInputProblems({ ...toQuizInput(quizToForm(survey)), year: null })).toContain('请填写调查年度');
  });

  it('describes the score and the mini-program path', () => {
    expect(scoreSummary(20, 5, 0.8)).toBe('20 题，满分 100 分，及格 80 分');
    expect(scoreSummary(0, 1, 0.8)).toBe('尚未选题');
    expect(takePath(12)).toBe('/packageQuizzes/pages/take/index?id=12');
  });
});
