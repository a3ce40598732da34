import { DEFAULT_QUESTION_BANK } from './bank';
import { QuizAnswerError, QuizDrawError, drawQuestions, mulberry32, scoreAttempt, shuffled } from './scoring';
import {
  CAS_LITERACY_PART1_RULE,
  DONT_KNOW_KEY,
  FALSE_KEY,
  KNOWLEDGE_POINT_IDS,
  MOH_2010_RULE,
  TRUE_KEY,
  trueFalseQuestion,
  type KnowledgePointId,
  type QuizQuestion,
} from './types';

/** 20 true/false questions, two per knowledge point, alternating true and false statements. */
const twentyTrueFalse: QuizQuestion[] = Array.from({ length: 20 }, (_, i) =>
  trueFalseQuestion(`tf${i + 1}`, ((i % 10) + 1) as KnowledgePointId, `陈述 ${i + 1}`, i % 2 === 0, `解析 ${i + 1}`),
);
const rightKey = (q: QuizQuestion) => q.correct[0];
const wrongKey = (q: QuizQuestion) => (q.correct[0] === TRUE_KEY ? FALSE_KEY : TRUE_KEY);

/** Answer the first `right` correctly, the next `dontKnow` with 不知道, the rest wrongly. */
function answersFor(right: number, dontKnow: number): Record<string, string> {
  const answers: Record<string, string> = {};
  twentyTrueFalse.forEach((q, i) => {
    answers[q.id] = i < right ? rightKey(q) : i < right + dontKnow ? DONT_KNOW_KEY : wrongKey(q);
  });
  return answers;
}

const multi: QuizQuestion = {
  id: 'm1',
  kind: 'multiple',
  knowledgePoint: 10,
  stem: '下列哪些做法有助于缓解压力？',
  options: [
    { key: 'A', text: '运动' },
    { key: 'B', text: '倾诉' },
    { key: 'C', text: '酗酒' },
    { key: 'D', text: '放松训练' },
  ],
  correct: ['A', 'B', 'D'],
  explanation: '运动、倾诉、放松训练都是科学的减压方法。',
};
const single: QuizQuestion = {
  id: 's1',
  kind: 'single',
  knowledgePoint: 3,
  stem: '全国统一的心理援助热线是？',
  options: [
    { key: 'A', text: '12356' },
    { key: 'B', text: '12315' },
  ],
  correct: ['A'],
  explanation: '12356。',
};

describe('scoreAttempt: CAS 国民心理健康素养问卷 part 1 rule (5 points, 不知道 = 0, pass >= 80)', () => {
  it('16 correct and 4 不知道 scores 80 and passes', () => {
    const r = scoreAttempt(twentyTrueFalse, answersFor(16, 4), CAS_LITERACY_PART1_RULE);
    expect(r.correctCount).toBe(16);
    expect(r.dontKnowCount).toBe(4);
    expect(r.score).toBe(80);
    expect(r.maxScore).toBe(100);
    expect(r.correctRate).toBeCloseTo(0.8, 12);
    expect(r.passed).toBe(true);
  });

  it('15 correct and 5 不知道 scores 75 and fails', () => {
    const r = scoreAttempt(twentyTrueFalse, answersFor(15, 5), CAS_LITERACY_PART1_RULE);
    expect(r.score).toBe(75);
    expect(r.passed).toBe(false);
  });

  it('不知道 scores the same as a wrong answer but is counted separately', () => {
    const withDontKnow = scoreAttempt(twentyTrueFalse, answersFor(15, 5), CAS_LITERACY_PART1_RULE);
    const withWrong = scoreAttempt(twentyTrueFalse, answersFor(15, 0), CAS_LITERACY_PART1_RULE);
    expect(withDontKnow.score).toBe(withWrong.score);
    expect(withWrong.dontKnowCount).toBe(0);
    const dk = withDontKnow.items[15];
    expect(dk).toMatchObject({ dontKnow: true, isCorrect: false, credit: 0, points: 0, explanation: '解析 16' });
  });

  it('reports each item with its correct key and explanation', () => {
    const r = scoreAttempt(twentyTrueFalse, answersFor(20, 0), CAS_LITERACY_PART1_RULE);
    expect(r.items[0]).toEqual({
      questionId: 'tf1',
      knowledgePoint: 1,
      selected: [TRUE_KEY],
      correctKeys: [TRUE_KEY],
      isCorrect: true,
      dontKnow: false,
      credit: 1,
      points: 5,
      explanation: '解析 1',
    });
    expect(r.score).toBe(100);
  });
});

describe('scoreAttempt: MoH 2010 rule (1 point per item)', () => {
  it('15 of 20 correct gives 15 points and a 75% correct rate, below the 80% pass mark', () => {
    const r = scoreAttempt(twentyTrueFalse, answersFor(15, 0), MOH_2010_RULE);
    expect(r.score).toBe(15);
    expect(r.maxScore).toBe(20);
    expect(r.correctRate).toBe(0.75);
    expect(r.passed).toBe(false);
  });
});

describe('scoreAttempt: multiple choice', () => {
  const rule = { method: 'per_item' as const, pointsPerItem: 2, passMark: 0.8 };

  it('is all-or-nothing by default', () => {
    expect(scoreAttempt([multi], { m1: ['D', 'A', 'B'] }, rule)).toMatchObject({ correctCount: 1, score: 2 });
    expect(scoreAttempt([multi], { m1: ['A', 'B'] }, rule)).toMatchObject({ correctCount: 0, score: 0, correctRate: 0 });
  });

  it("gives partial credit for a correct subset under 'partial', nothing when a wrong option is chosen", () => {
    const partial = { ...rule, multipleChoice: 'partial' as const };
    const r = scoreAttempt([multi], { m1: ['A', 'B'] }, partial);
    expect(r.items[0].credit).toBeCloseTo(2 / 3, 12);
    expect(r.items[0].isCorrect).toBe(false);
    expect(r.score).toBeCloseTo(4 / 3, 12);
    expect(r.correctCount).toBe(0);
    expect(scoreAttempt([multi], { m1: ['A', 'B', 'C'] }, partial).score).toBe(0);
  });

  it('accepts a bare string for a single-answer question', () => {
    expect(scoreAttempt([single], { s1: 'A' }, rule).passed).toBe(true);
    expect(scoreAttempt([single], { s1: ['B'] }, rule).passed).toBe(false);
  });
});

describe('scoreAttempt: errors', () => {
  const rule = MOH_2010_RULE;
  const expectError = (fn: () => unknown, code: string, questionId: string, messagePart: string) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(QuizAnswerError);
      const err = e as QuizAnswerError;
      expect(err.code).toBe(code);
      expect(err.questionId).toBe(questionId);
      expect(err.message).toContain(messagePart);
      return;
    }
    throw new Error('expected a QuizAnswerError');
  };

  it('rejects a missing answer, naming the question', () => {
    expectError(() => scoreAttempt([single, multi], { s1: 'A' }, rule), 'missing_answer', 'm1', '第 2 题“下列哪些做法有助于缓解压力？”未作答');
    expectError(() => scoreAttempt([multi], { m1: [] }, rule), 'missing_answer', 'm1', '未作答');
  });

  it('rejects an answer to a question outside the quiz', () => {
    expectError(() => scoreAttempt([single], { s1: 'A', x9: 'A' }, rule), 'unknown_question', 'x9', 'x9');
  });

  it('rejects an option the question does not have', () => {
    expectError(() => scoreAttempt([single], { s1: 'E' }, rule), 'invalid_option', 's1', '没有选项“E”');
    // 不知道 is not an option of a choice question
    expectError(() => scoreAttempt([single], { s1: DONT_KNOW_KEY }, rule), 'invalid_option', 's1', '第 1 题');
  });

  it('rejects several answers to a single-answer question, repeats, and 不知道 with another option', () => {
    expectError(() => scoreAttempt([single], { s1: ['A', 'B'] }, rule), 'invalid_selection', 's1', '只能选择一个答案');
    expectError(() => scoreAttempt([multi], { m1: ['A', 'A'] }, rule), 'invalid_selection', 'm1', '重复');
    const q = twentyTrueFalse[0];
    expectError(() => scoreAttempt([q], { [q.id]: [TRUE_KEY, DONT_KNOW_KEY] }, rule), 'invalid_selection', q.id, '只能选择一个答案');
  });

  it('rejects an answer that is not option keys, naming the question (answers arrive as JSON)', () => {
    for (const value of [42, true, { A: 1 }, ['A', 1], [['A']], 1e300]) {
      expectError(
        () => scoreAttempt([single, multi], { s1: 'A', m1: value } as never, rule),
        'invalid_selection',
        'm1',
        '第 2 题“下列哪些做法有助于缓解压力？”的答案须为选项编号',
      );
    }
  });

  it('rejects 不知道 on a true/false question offered without it', () => {
    const q = trueFalseQuestion('x', 1, '陈述', true, '解析', false);
    expectError(() => scoreAttempt([q], { x: DONT_KNOW_KEY }, rule), 'invalid_option', 'x', '没有选项“U”');
  });
});

describe('mulberry32 and drawQuestions', () => {
  it('mulberry32 is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('draws N per knowledge point, reproducibly for a seed', () => {
    const first = drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'random', perPoint: 3 }, mulberry32(2024));
    const again = drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'random', perPoint: 3 }, mulberry32(2024));
    expect(again.map((q) => q.id)).toEqual(first.map((q) => q.id));
    expect(first).toHaveLength(30);
    expect(new Set(first.map((q) => q.id)).size).toBe(30);
    for (const point of KNOWLEDGE_POINT_IDS) {
      expect(first.filter((q) => q.knowledgePoint === point)).toHaveLength(3);
    }
    // ordered by knowledge point when not shuffled
    expect(first.map((q) => q.knowledgePoint)).toEqual([...first.map((q) => q.knowledgePoint)].sort((x, y) => x - y));
    const other = drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'random', perPoint: 3 }, mulberry32(7));
    expect(other.map((q) => q.id)).not.toEqual(first.map((q) => q.id));
  });

  it('draws per-point counts and shuffles the same draw when asked', () => {
    const spec = { mode: 'random' as const, perPoint: { 1: 2, 5: 1, 9: 3 } };
    const drawn = drawQuestions(DEFAULT_QUESTION_BANK, spec, mulberry32(1));
    expect(drawn.map((q) => q.knowledgePoint)).toEqual([1, 1, 5, 9, 9, 9]);
    const mixed = drawQuestions(DEFAULT_QUESTION_BANK, { ...spec, shuffle: true }, mulberry32(1));
    expect([...mixed.map((q) => q.id)].sort()).toEqual([...drawn.map((q) => q.id)].sort());
  });

  it('every question of a point can be drawn (no index bias at the ends)', () => {
    const seen = new Set<string>();
    const rng = mulberry32(99);
    for (let i = 0; i < 200; i++) drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'random', perPoint: { 2: 1 } }, rng).forEach((q) => seen.add(q.id));
    expect(seen.size).toBe(DEFAULT_QUESTION_BANK.filter((q) => q.knowledgePoint === 2).length);
  });

  it('returns a fixed set in order and rejects unknown or repeated ids', () => {
    const ids = ['kp05-04', 'kp01-02', 'kp09-01'];
    expect(drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'fixed', questionIds: ids }, mulberry32(1)).map((q) => q.id)).toEqual(ids);
    expect(() => drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'fixed', questionIds: ['nope'] }, Math.random)).toThrow(QuizDrawError);
    expect(() => drawQuestions(DEFAULT_QUESTION_BANK, { mode: 'fixed', questionIds: ['kp01-01', 'kp01-01'] }, Math.random)).toThrow('重复');
  });

  it('fails clearly when a point has too few questions', () => {
    const spec = { mode: 'random' as const, perPoint: { 2: 99 } };
    expect(() => drawQuestions(DEFAULT_QUESTION_BANK, spec, mulberry32(1))).toThrow(QuizDrawError);
    expect(() => drawQuestions(DEFAULT_QUESTION_BANK, spec, mulberry32(1))).toThrow(/知识点 2 只有 \d+ 道题/);
  });

  it('shuffled keeps every element', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    const ys = shuffled(xs, mulberry32(5));
    expect([...ys].sort((a, b) => a - b)).toEqual(xs);
    expect(ys).not.toEqual(xs);
  });
});
