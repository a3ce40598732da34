import type { AdminQuestion } from '@xinqiao/shared';
import {
  answerText,
  emptyQuestionForm,
  KNOWLEDGE_POINT_OPTIONS,
  pruneAnswers,
  questionFormProblems,
  questionsExportFileName,
  questionToForm,
  readOnlyReason,
  removeOption,
  rowProblemsFromDetails,
  rowProblemText,
  toQuestionInput,
} from './questionForm';

const base: Omit<AdminQuestion, 'kind' | 'options' | 'correct'> = {
  id: 12,
  code: 'Q12',
  knowledgePoint: 3,
  stem: '出现心理问题主动求助是软弱的表现。',
  explanation: '求助是负责任、有智慧的表现。',
  regionId: 7,
  regionName: '胜利路街道',
  builtIn: false,
  inUse: false,
  archived: false,
  updatedAt: '2026-05-01T00:00:00.000Z',
};

describe('true/false questions', () => {
  it('builds 对/错/不知道 options and the answer', () => {
    const input = toQuestionInput({ ...emptyQuestionForm(7), knowledgePoint: 3, stem: ' 题干 ', answer: 'F', explanation: ' 解析 ' });
    expect(input).toEqual({
      kind: 'true_false',
      knowledgePoint: 3,
      stem: '题干',
      options: [
        { key: 'T', text: '对' },
        { key: 'F', text: '错' },
        { key: 'U', text: '不知道' },
      ],
      correct: ['F'],
      explanation: '解析',
      regionId: 7,
    });
  });

  it('leaves 不知道 out when switched off, and round-trips', () => {
    const q: AdminQuestion = {
      ...base,
      kind: 'true_false',
      options: [
        { key: 'T', text: '对' },
        { key: 'F', text: '错' },
      ],
      correct: ['T'],
    };
    const form = questionToForm(q);
    expect(form.withDontKnow).toBe(false);
    expect(form.answer).toBe('T');
    const input = toQuestionInput(form);
    expect(input.options.map((o) => o.key)).toEqual(['T', 'F']);
    expect(input.correct).toEqual(['T']);
    expect(answerText(q)).toBe('对');
  });
});

describe('choice questions', () => {
  it('keys options A.. by position and keeps answers in option order', () => {
    const input = toQuestionInput({
      ...emptyQuestionForm(),
      kind: 'multiple',
      knowledgePoint: 2,
      stem: '哪些做法有助于缓解压力？',
      options: [{ text: '运动' }, { text: ' 倾诉 ' }, { text: '酗酒' }],
      answers: ['B', 'A', 'E'],
      explanation: '运动和倾诉都有帮助。',
    });
    expect(input.options).toEqual([
      { key: 'A', text: '运动' },
      { key: 'B', text: '倾诉' },
      { key: 'C', text: '酗酒' },
    ]);
    expect(input.correct).toEqual(['A', 'B']);
    expect(input).not.toHaveProperty('regionId');
  });

  it('round-trips a single-choice question', () => {
    const q: AdminQuestion = {
      ...base,
      kind: 'single',
      options: [
        { key: 'A', text: '甲' },
        { key: 'B', text: '乙' },
      ],
      correct: ['B'],
    };
    expect(toQuestionInput(questionToForm(q))).toEqual({
      kind: 'single',
      knowledgePoint: 3,
      stem: q.stem,
      options: q.options,
      correct: ['B'],
      explanation: q.explanation,
      regionId: 7,
    });
    expect(answerText({ kind: 'multiple', correct: ['A', 'C'] })).toBe('A、C');
  });

  it('keeps answers with their options when one is removed', () => {
    const options = [{ text: '运动' }, { text: '倾诉' }, { text: '酗酒' }, { text: '正念' }];
    expect(removeOption({ options, answer: undefined, answers: ['A', 'B', 'D'] }, 2)).toEqual({
      options: [{ text: '运动' }, { text: '倾诉' }, { text: '正念' }],
      answer: undefined,
      answers: ['A', 'B', 'C'],
    });
    expect(removeOption({ options, answer: 'C', answers: [] }, 2).answer).toBeUndefined();
    expect(removeOption({ options, answer: 'D', answers: [] }, 0).answer).toBe('C');
    expect(removeOption({ options, answer: 'A', answers: [] }, 3).answer).toBe('A');
  });

  it('drops answers that no longer fit the kind or the options', () => {
    const v = { ...emptyQuestionForm(), kind: 'multiple' as const, options: [{ text: 'a' }, { text: 'b' }, { text: 'c' }], answers: ['A', 'D'], answer: 'T' };
    expect(pruneAnswers(v)).toEqual({ answer: undefined, answers: ['A'] });
    expect(pruneAnswers({ ...v, kind: 'single', answer: 'C' })).toEqual({ answer: 'C', answers: [] });
    expect(pruneAnswers({ ...v, kind: 'true_false', answer: 'B' })).toEqual({ answer: undefined, answers: [] });
  });
});

describe('client-side check', () => {
  it('reports the shared rule problems without the question prefix', () => {
    expect(questionFormProblems(emptyQuestionForm())).toEqual(['请选择知识点']);
    const problems = questionFormProblems({
      ...emptyQuestionForm(),
      kind: 'multiple',
      knowledgePoint: 1,
      stem: '题干',
      explanation: '解析',
      options: [{ text: 'a' }, { text: '' }],
    });
    expect(problems).toContain('多选题至少需要 3 个选项');
    expect(problems).toContain('多选题至少需要 1 个正确答案');
    expect(problems).toContain('选项编号和内容不能为空');
    expect(problems.every((p) => !p.startsWith('题目'))).toBe(true);
    expect(questionFormProblems({ ...emptyQuestionForm(), knowledgePoint: 1, stem: '题干', explanation: '解析', answer: 'T' })).toEqual([]);
  });

  it('offers the ten knowledge points with their text', () => {
    expect(KNOWLEDGE_POINT_OPTIONS).toHaveLength(10);
    expect(KNOWLEDGE_POINT_OPTIONS[3]).toEqual({ value: 4, label: '4. 睡不好，别忽视，可能是心身健康问题' });
  });

  it('says why a question is read-only', () => {
    expect(readOnlyReason({ builtIn: true, inUse: false, archived: false })).toContain('默认题库');
    expect(readOnlyReason({ builtIn: false, inUse: true, archived: false })).toContain('已被已发布的测验使用');
    expect(readOnlyReason({ builtIn: false, inUse: false, archived: true })).toContain('已归档');
    expect(readOnlyReason({ builtIn: false, inUse: false, archived: false })).toBeNull();
  });
});

describe('import and export', () => {
  it('lists rejected rows in order', () => {
    const details = [{ row: 9, message: '知识点须为 1-10' }, { row: 3, message: '题干不能为空' }, { nonsense: true }];
    expect(rowProblemsFromDetails(details)).toEqual([
      { row: 3, message: '题干不能为空' },
      { row: 9, message: '知识点须为 1-10' },
    ]);
    expect(rowProblemsFromDetails({ errors: [{ row: 2, message: 'x' }] })).toEqual([{ row: 2, message: 'x' }]);
    expect(rowProblemsFromDetails('bad')).toEqual([]);
    expect(rowProblemText({ row: 3, message: '题干不能为空' })).toBe('第 3 行：题干不能为空');
    expect(rowProblemText({ row: 0, message: '工作表缺少“题干”列' })).toBe('工作表缺少“题干”列');
  });

  it('names the export file by date', () => {
    expect(questionsExportFileName(new Date(2026, 4, 25, 9))).toBe('题库_20260525.xlsx');
  });
});
