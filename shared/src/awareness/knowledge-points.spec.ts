import { rankKnowledgePointsByErrorRate } from '.';

describe('knowledge points ranked by error rate', () => {
  const counts = [
    { questionId: 'q1', knowledgePoint: 5 as const, answered: 100, correct: 40, dontKnow: 30 },
    { questionId: 'q2', knowledgePoint: 5 as const, answered: 100, correct: 60 },
    { questionId: 'q3', knowledgePoint: 1 as const, answered: 50, correct: 45 },
    { questionId: 'q4', knowledgePoint: 9 as const, answered: 80, correct: 40 },
  ];

  it('ranks worst first, ties by more answers; points without answers are listed apart', () => {
    const { ranked, insufficient } = rankKnowledgePointsByErrorRate(counts);
    expect(ranked.map((r) => [r.knowledgePoint, r.errorRate])).toEqual([
      [5, 0.5],
      [9, 0.5],
      [1, 0.1],
    ]);
    expect(ranked[0]).toMatchObject({ questions: 2, answered: 200, errors: 100, dontKnow: 30, dontKnowRate: 0.15 });
    expect(ranked[0].text).toBe('抑郁焦虑可有效防治，需及早评估，积极治疗');
    expect(insufficient).toEqual([2, 3, 4, 6, 7, 8, 10]);
  });

  it('applies a minimum number of answers', () => {
    const { ranked, insufficient } = rankKnowledgePointsByErrorRate(counts, { minAnswers: 60 });
    expect(ranked.map((r) => r.knowledgePoint)).toEqual([5, 9]);
    expect(insufficient).toContain(1);
  });
});
