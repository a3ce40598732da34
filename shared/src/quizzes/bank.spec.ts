import { DEFAULT_QUESTION_BANK } from './bank';
import { scoreAttempt } from './scoring';
import {
  CAS_LITERACY_PART1_RULE,
  DONT_KNOW_KEY,
  KNOWLEDGE_POINTS,
  bankProblems,
  isQuizOpen,
  questionProblems,
  trueFalseQuestion,
  type QuizQuestion,
  type SurveyQuiz,
} from './types';

describe('KNOWLEDGE_POINTS', () => {
  it('are the ten points of 《心理健康素养十条》 in order', () => {
    expect(KNOWLEDGE_POINTS.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(KNOWLEDGE_POINTS[0].text).toBe('心理健康是健康的重要组成部分，身心健康密切关联、相互影响');
    expect(KNOWLEDGE_POINTS[5].text).toBe('服用精神类药物需遵医嘱，不滥用，不自行减停');
    expect(KNOWLEDGE_POINTS[9].text).toBe('用科学的方法缓解压力，不逃避，不消极');
  });
});

describe('DEFAULT_QUESTION_BANK', () => {
  it('has at least 40 questions with unique ids and no problems', () => {
    expect(DEFAULT_QUESTION_BANK.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEFAULT_QUESTION_BANK.map((q) => q.id)).size).toBe(DEFAULT_QUESTION_BANK.length);
    expect(bankProblems(DEFAULT_QUESTION_BANK)).toEqual([]);
  });

  it('covers every knowledge point with at least 3 questions', () => {
    for (const p of KNOWLEDGE_POINTS) {
      expect(DEFAULT_QUESTION_BANK.filter((q) => q.knowledgePoint === p.id).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('mixes all three kinds and both true and false statements', () => {
    const kinds = new Set(DEFAULT_QUESTION_BANK.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['true_false', 'single', 'multiple']));
    const tf = DEFAULT_QUESTION_BANK.filter((q) => q.kind === 'true_false');
    expect(tf.filter((q) => q.correct[0] === 'T').length).toBeGreaterThanOrEqual(8);
    expect(tf.filter((q) => q.correct[0] === 'F').length).toBeGreaterThanOrEqual(8);
  });

  it.each(DEFAULT_QUESTION_BANK.map((q) => [q.id, q] as const))('%s is valid: answer among options, explanation present', (_id, q) => {
    expect(questionProblems(q)).toEqual([]);
    const keys = q.options.map((o) => o.key);
    for (const c of q.correct) expect(keys).toContain(c);
    expect(q.explanation.trim().length).toBeGreaterThan(10);
    expect(q.stem.trim().length).toBeGreaterThan(4);
  });

  it('scores its own answer key as fully correct, and 不知道 as 0', () => {
    const answers = Object.fromEntries(DEFAULT_QUESTION_BANK.map((q) => [q.id, q.correct]));
    const r = scoreAttempt(DEFAULT_QUESTION_BANK, answers, CAS_LITERACY_PART1_RULE);
    expect(r.correctCount).toBe(DEFAULT_QUESTION_BANK.length);
    const tf = DEFAULT_QUESTION_BANK.filter((q) => q.kind === 'true_false');
    const dk = scoreAttempt(tf, Object.fromEntries(tf.map((q) => [q.id, DONT_KNOW_KEY])), CAS_LITERACY_PART1_RULE);
    expect(dk.score).toBe(0);
  });

  it('states the README sample statements with the answers of mainstream guidance', () => {
    const find = (stem: string) => DEFAULT_QUESTION_BANK.find((q) => q.stem.includes(stem));
    expect(find('有洁癖就是得了强迫症')?.correct).toEqual(['F']);
    expect(find('长期的不良情绪可能引发或加重身体疾病')?.correct).toEqual(['T']);
    expect(find('用网上的心理测试问卷')?.correct).toEqual(['F']);
    expect(find('是很容易看出来的')?.correct).toEqual(['F']);
    expect(find('可以自己一边减少药量一边观察')?.correct).toEqual(['F']);
  });
});

describe('validation', () => {
  const good = trueFalseQuestion('x1', 1, '陈述', true, '解析');

  it('finds problems with a question', () => {
    const bad: QuizQuestion = { ...good, correct: ['U'], explanation: ' ' };
    const problems = questionProblems(bad);
    expect(problems).toContain('题目 x1：缺少答案解析');
    expect(problems).toContain('题目 x1：判断题的正确答案须为“对”或“错”');
    const single: QuizQuestion = {
      id: 's',
      kind: 'single',
      knowledgePoint: 2,
      stem: '题干',
      options: [
        { key: 'A', text: '甲' },
        { key: 'B', text: '乙' },
      ],
      correct: ['C'],
      explanation: '解析',
    };
    expect(questionProblems(single)).toEqual(['题目 s：正确答案 C 不在选项中']);
    expect(questionProblems({ ...single, correct: ['A', 'B'] })).toEqual(['题目 s：单选题须有且只有 1 个正确答案']);
    expect(questionProblems({ ...single, knowledgePoint: 11 as never, correct: ['A'] })).toEqual(['题目 s：知识点须为 1-10']);
  });

  it('finds duplicate ids in a bank', () => {
    expect(bankProblems([good, good])).toEqual(['题目编号 x1 重复']);
  });

  const survey: SurveyQuiz = {
    id: 'w1',
    kind: 'survey',
    title: '2025 年心理健康知识知晓率调查',
    regionPath: '/1/',
    scoring: CAS_LITERACY_PART1_RULE,
    questions: { mode: 'fixed', questionIds: ['kp01-01'] },
    opensAt: '2025-06-01T00:00:00+08:00',
    closesAt: '2025-07-01T00:00:00+08:00',
    year: 2025,
  };

  it('knows when a survey wave is open', () => {
    expect(isQuizOpen(survey, new Date('2025-06-15T12:00:00+08:00'))).toBe(true);
    expect(isQuizOpen(survey, new Date('2025-07-01T00:00:00+08:00'))).toBe(false);
    expect(isQuizOpen({ ...survey, kind: 'practice' } as never, new Date(0))).toBe(true);
  });
});
