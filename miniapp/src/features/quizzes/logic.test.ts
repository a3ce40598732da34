import Taro from '@tarojs/taro';
import { quizPaper, quizSummary, attemptResult } from '../../../test/quizzes';
import { resident } from '../../../test/scales';
import { forgetAccount, logout } from '../../services/auth';
import { STORAGE_KEYS } from '../../services/storage';
import {
  allAnswered,
  answeredQuizCount,
  isAnswer,
  nextQuestionIndex,
  quizProgressPercent,
  resumeQuestionIndex,
  sanitizeQuizAnswers,
  selectOption,
  toAttemptAnswers,
} from './answers';
import {
  DEMOGRAPHIC_FIELDS,
  EMPTY_DEMOGRAPHICS_FORM,
  demographicsFromForm,
  demographicsProblems,
  fieldsToAsk,
  formFromStored,
  listRegionId,
  loadStoredDemographics,
  missingDemographics,
  missingFromError,
  pickDemographics,
  storeDemographics,
  storedToDemographics,
  type DemographicsForm,
} from './demographics';
import { afterSubmitText, alreadyAnsweredText, campaignPeriod, closedReason, quizMeta, signInHint, sortQuizzes } from './display';
import {
  QUIZ_DRAFT_MAX_AGE_MS,
  clearQuizDraft,
  hasQuizDraft,
  loadQuizDraft,
  newQuizDraft,
  parseQuizDraft,
  quizDraftKey,
  saveQuizDraft,
  updateQuizDraft,
} from './draft';
import { answerKeyNote, formatScore, optionLabel, passLine, percentLabel, resultItemViews } from './result';
import { idParam, quizResultUrl, takeQuizUrl } from './routes';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const [tf, single, multiple] = quizPaper().questions;
const codes = quizPaper().questions.map((q) => q.code);
const complete: DemographicsForm = {
  region: { id: 4, name: '萱花社区', level: 'community' },
  populationGroup: 'student',
  ageBand: '18to34',
  gender: 'female',
};

describe('demographics', () => {
  it('lists what is missing, in asking order', () => {
    expect(missingDemographics({})).toEqual(['regionId', 'populationGroup', 'ageBand', 'gender']);
    expect(missingDemographics(pickDemographics(resident()))).toEqual(['gender']);
    expect(missingDemographics({ regionId: 4, populationGroup: 'student', ageBand: '18to34', gender: 'male' })).toEqual([]);
    expect(pickDemographics({ regionId: 0, populationGroup: 'alien', ageBand: '18to34', gender: 'x' })).toEqual({ ageBand: '18to34' });
  });

  it('asks nothing for practice, the profile gaps when signed in, all four once without an account', () => {
    const stored = storeDemographics(complete);
    expect(fieldsToAsk('practice', null, null)).toEqual([]);
    expect(fieldsToAsk('survey', resident(), null)).toEqual(['gender']);
    expect(fieldsToAsk('post_test', resident({ regionId: null }), null, { gender: 'male' })).toEqual(['regionId']);
    expect(fieldsToAsk('survey', resident({ gender: 'female' }), null)).toEqual([]);
    expect(fieldsToAsk('survey', null, null)).toEqual([...DEMOGRAPHIC_FIELDS]);
    expect(fieldsToAsk('survey', null, stored)).toEqual([]);
  });

  it('reads the missing fields of a VALIDATION_FAILED answer', () => {
    expect(missingFromError({ missing: ['gender', 'regionId', 'nonsense'] })).toEqual(['regionId', 'gender']);
    expect(missingFromError(undefined)).toEqual([]);
    expect(missingFromError([{ path: 'x' }])).toEqual([]);
  });

  it('needs every shown field, and a community rather than a street', () => {
    expect(demographicsProblems(EMPTY_DEMOGRAPHICS_FORM, DEMOGRAPHIC_FIELDS)).toEqual(['请选择所在社区（村）', '请选择人群', '请选择年龄段', '请选择性别']);
    expect(demographicsProblems(EMPTY_DEMOGRAPHICS_FORM, ['gender'])).toEqual(['请选择性别']);
    expect(demographicsProblems({ ...complete, region: { id: 5, name: '新建街道', level: 'street' } }, DEMOGRAPHIC_FIELDS)).toEqual(['请选择到社区（村）一级']);
    expect(demographicsProblems(complete, DEMOGRAPHIC_FIELDS)).toEqual([]);
    expect(demographicsFromForm(complete, ['gender', 'regionId'])).toEqual({ regionId: 4, gender: 'female' });
  });

  it('remembers a complete form on the device and prefills from it', () => {
    expect(loadStoredDemographics()).toBeNull();
    expect(storeDemographics({ ...complete, gender: null })).toBeNull();
    const stored = storeDemographics(complete, new Date('2026-11-24T00:00:00Z'))!;
    expect(loadStoredDemographics()).toEqual(stored);
    expect(storedToDemographics(stored)).toEqual({ regionId: 4, populationGroup: 'student', ageBand: '18to34', gender: 'female' });
    expect(formFromStored(stored)).toEqual(complete);
    expect(formFromStored(stored, ['regionId', 'gender'])).toEqual({ ...complete, region: null, gender: null });
    expect(formFromStored(null)).toEqual(EMPTY_DEMOGRAPHICS_FORM);
    // Incomplete or foreign values are not trusted.
    Taro.setStorageSync(STORAGE_KEYS.quizDemographics, { ...stored, gender: 'x' });
    expect(loadStoredDemographics()).toBeNull();
  });

  it('scopes lists to the signed-in resident, else to the remembered region', () => {
    expect(listRegionId()).toBeNull();
    storeDemographics({ ...complete, region: { id: 9, name: '红河社区', level: 'community' } });
    expect(listRegionId()).toBe(9);
    Taro.setStorageSync(STORAGE_KEYS.resident, resident({ regionId: 4 }));
    expect(listRegionId()).toBe(4);
  });

  it('is forgotten with the account, kept on sign-out', () => {
    storeDemographics(complete);
    logout();
    expect(loadStoredDemographics()).not.toBeNull();
    forgetAccount();
    expect(loadStoredDemographics()).toBeNull();
  });
});

describe('answers', () => {
  it('single choice and true/false replace the selection; multiple choice toggles it in option order', () => {
    expect(selectOption(tf, ['T'], 'U')).toEqual(['U']);
    expect(selectOption(single, undefined, 'B')).toEqual(['B']);
    expect(selectOption(multiple, ['C'], 'A')).toEqual(['A', 'C']);
    expect(selectOption(multiple, ['A', 'C'], 'A')).toEqual(['C']);
    expect(selectOption(multiple, ['C'], 'C')).toEqual([]);
  });

  it('accepts only known keys, one for single answers, at least one for multiple', () => {
    expect(isAnswer(tf, ['T'])).toBe(true);
    expect(isAnswer(tf, ['T', 'F'])).toBe(false);
    expect(isAnswer(single, ['Z'])).toBe(false);
    expect(isAnswer(multiple, [])).toBe(false);
    expect(isAnswer(multiple, ['A', 'A'])).toBe(false);
    expect(isAnswer(multiple, ['A', 'D'])).toBe(true);
    expect(isAnswer(single, 'B')).toBe(false);
  });

  it('moves to the next open question, back to a skipped one, or to the submit screen', () => {
    const { questions } = quizPaper();
    expect(nextQuestionIndex(questions, { 'KP1-01': ['T'] }, 0)).toBe(1);
    expect(nextQuestionIndex(questions, { 'KP2-01': ['B'], 'KP5-01': ['A'] }, 2)).toBe(0);
    expect(nextQuestionIndex(questions, { 'KP1-01': ['T'], 'KP2-01': ['B'], 'KP5-01': ['A'] }, 1)).toBe(3);
    expect(resumeQuestionIndex(questions, { 'KP1-01': ['T'] }, 3)).toBe(1);
    expect(resumeQuestionIndex(questions, {}, -1)).toBe(0);
    expect(resumeQuestionIndex(questions, { 'KP1-01': ['T'], 'KP2-01': ['B'], 'KP5-01': ['A'] }, 3)).toBe(3);
  });

  it('counts, sanitises and sends answers keyed by question code', () => {
    const { questions } = quizPaper();
    const answers = sanitizeQuizAnswers(questions, { 'KP1-01': ['T'], 'KP2-01': ['Z'], 'KP5-01': ['A', 'C'], gone: ['A'] });
    expect(answers).toEqual({ 'KP1-01': ['T'], 'KP5-01': ['A', 'C'] });
    expect(answeredQuizCount(questions, answers)).toBe(2);
    expect(quizProgressPercent(questions, answers)).toBe(67);
    expect(allAnswered(questions, answers)).toBe(false);
    const all = { ...answers, 'KP2-01': ['B'] };
    expect(allAnswered(questions, all)).toBe(true);
    expect(toAttemptAnswers(questions, all)).toEqual({ 'KP1-01': 'T', 'KP2-01': 'B', 'KP5-01': ['A', 'C'] });
  });
});

describe('draft', () => {
  const start = (now = new Date('2026-11-24T00:00:00Z')) => newQuizDraft({ quizId: 3, questionCodes: codes, clientRequestId: ID, campaignId: 8, now });

  it('round-trips through storage and drops a draft for another question set', () => {
    const draft = updateQuizDraft(start(), { answers: { 'KP1-01': ['T'] }, index: 1, demographics: { gender: 'male' } });
    saveQuizDraft(draft);
    expect(hasQuizDraft(3, Date.parse('2026-11-24T01:00:00Z'))).toBe(true);
    expect(loadQuizDraft(3, codes, Date.parse('2026-11-24T01:00:00Z'))).toEqual(draft);
    expect(loadQuizDraft(3, ['KP1-01'], Date.parse('2026-11-24T01:00:00Z'))).toBeNull();
    expect(Taro.getStorageSync(quizDraftKey(3))).toBe('');
  });

  it('expires after a week and rejects malformed values', () => {
    const draft = start(new Date());
    expect(parseQuizDraft(draft, 3, Date.parse(draft.updatedAt) + QUIZ_DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(parseQuizDraft(draft, 4)).toBeNull();
    expect(parseQuizDraft({ ...draft, clientRequestId: 'x' }, 3)).toBeNull();
    expect(parseQuizDraft({ ...draft, answers: { a: 'T' } }, 3)).toBeNull();
    expect(parseQuizDraft({ ...draft, demographics: { gender: 'x', ageBand: '60plus' } }, 3)!.demographics).toEqual({ ageBand: '60plus' });
  });

  it('is removed on sign-out', () => {
    saveQuizDraft(start(new Date()));
    logout();
    expect(hasQuizDraft(3)).toBe(false);
    saveQuizDraft(start(new Date()));
    clearQuizDraft(3);
    expect(hasQuizDraft(3)).toBe(false);
  });
});

describe('result', () => {
  it('shows answers in words: 对/错/不知道 for true/false, key and text for choices', () => {
    expect(optionLabel(tf, 'U')).toBe('不知道');
    expect(optionLabel(single, 'B')).toBe('B. 适量运动');
    expect(optionLabel(undefined, 'B')).toBe('B');
    const items = resultItemViews(attemptResult(), quizPaper());
    expect(items.map((i) => [i.number, i.yourAnswer, i.correctAnswer, i.isCorrect])).toEqual([
      [1, '对', '对', true],
      [2, 'B. 适量运动', 'B. 适量运动', true],
      [3, 'A. 情绪低落', 'A. 情绪低落；C. 兴趣减退；D. 睡眠问题', false],
    ]);
    expect(items[2].knowledgePoint).toBe('抑郁焦虑可有效防治，需及早评估，积极治疗');
    const unanswered = attemptResult({ items: [{ ...attemptResult().items[0], selected: [] }] });
    expect(resultItemViews(unanswered, null)[0]).toMatchObject({ yourAnswer: '未作答', correctAnswer: 'T' });
  });

  it('leaves out what a survey wave still open withholds, and says when it comes', () => {
    const withheld = attemptResult({
      items: attemptResult().items.map((i) => ({ ...i, correct: null, isCorrect: null, explanation: null })),
      answerKeyAt: '2026-12-31T16:00:00.000Z',
    });
    expect(resultItemViews(withheld, quizPaper())[2]).toMatchObject({ yourAnswer: 'A. 情绪低落', correctAnswer: null, isCorrect: null, explanation: null });
    expect(answerKeyNote(withheld)).toMatch(/^为保证调查公平，正确答案和解析将在本期调查结束（.+）后公布。$/);
    expect(answerKeyNote(attemptResult())).toBeNull();
  });

  it('formats scores and the pass line', () => {
    expect(formatScore(85)).toBe('85');
    expect(formatScore(2 + 1 / 3)).toBe('2.3');
    expect(percentLabel(0.8)).toBe('80%');
    expect(percentLabel(2 / 3)).toBe('66.7%');
    expect(passLine({ passed: true, passMark: 0.8 })).toBe('达到 80% 及格线');
    expect(passLine({ passed: false, passMark: 0.6 })).toBe('未达到 60% 及格线');
  });
});

describe('display and routes', () => {
  it('asks to sign in for survey waves only, and says when the key comes', () => {
    expect(signInHint('survey')).toBe('参加知晓率调查需要先登录：每人每期只计一次，答题情况只用于统计。');
    expect([signInHint('practice'), signInHint('pre_test'), signInHint('post_test')]).toEqual([null, null, null]);
    expect(afterSubmitText('survey')).toBe('提交后可以查看得分；正确答案和解析将在调查结束后公布。');
    expect(afterSubmitText('practice')).toBe('提交后可以查看得分、正确答案和解析。');
  });

  it('lists survey waves first, otherwise in the server order', () => {
    const list = [
      quizSummary({ id: 1, kind: 'practice' }),
      quizSummary({ id: 2, kind: 'survey' }),
      quizSummary({ id: 3, kind: 'pre_test' }),
      quizSummary({ id: 4, kind: 'survey' }),
    ];
    expect(sortQuizzes(list).map((q) => q.id)).toEqual([2, 4, 1, 3]);
  });

  it('describes quizzes, campaigns and closed papers', () => {
    expect(quizMeta(quizSummary({ closesAt: '2026-12-31T04:00:00.000Z' }))).toMatch(/^3 题 · 截止 2026-12-31$/);
    expect(quizMeta(quizSummary({ kind: 'practice', closesAt: null }))).toBe('3 题');
    expect(campaignPeriod({ startsOn: '2026-05-01', endsOn: '2026-05-31' })).toBe('2026-05-01 至 2026-05-31');
    expect(campaignPeriod({ startsOn: '2026-05-25', endsOn: '2026-05-25' })).toBe('2026-05-25');
    const now = new Date('2026-11-24T00:00:00Z');
    expect(closedReason({ opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-31T00:00:00Z' }, now)).toMatch(
      /^本期调查将于 2026-12-0\d \d\d:\d\d 开始，届时欢迎参与$/,
    );
    expect(closedReason({ opensAt: '2026-10-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' }, now)).toMatch(/^本期调查已于 .* 结束，感谢关注$/);
    expect(closedReason({ opensAt: null, closesAt: null }, now)).toBe('这份问答已结束，感谢关注');
    expect(alreadyAnsweredText('survey')).toBe('您已参加过本期调查，感谢参与');
    expect(alreadyAnsweredText('post_test')).toBe('您已参加过本次测试，感谢参与');
  });

  it('builds and reads page URLs', () => {
    expect(takeQuizUrl(3)).toBe('/packageQuizzes/pages/take/index?id=3');
    expect(takeQuizUrl(3, 8)).toBe('/packageQuizzes/pages/take/index?id=3&campaignId=8');
    expect(quizResultUrl(3)).toBe('/packageQuizzes/pages/result/index?quizId=3');
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBeNull();
    expect(idParam('1e3')).toBeNull();
    expect(idParam(undefined)).toBeNull();
  });
});
