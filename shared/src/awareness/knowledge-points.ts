import { KNOWLEDGE_POINT_IDS, knowledgePointText, type KnowledgePointId } from '../quizzes/types';
import { assertCount, DEFAULT_Z } from './defaults';
import { wilsonInterval, type ConfidenceInterval } from './rates';

/** Per-question answer counts, as the server aggregates them. */
export interface QuestionAnswerCounts {
  questionId: string;
  knowledgePoint: KnowledgePointId;
  answered: number;
  /** Fully correct answers. */
  correct: number;
  /** 不知道 answers (already counted as not correct). */
  dontKnow?: number;
}

export interface KnowledgePointErrorRate {
  knowledgePoint: KnowledgePointId;
  text: string;
  questions: number;
  answered: number;
  /** answered − correct; 不知道 counts as an error. */
  errors: number;
  errorRate: number;
  /** Wilson interval of the error rate (answers, not people: a guide for ranking, not a survey figure). */
  errorRateCi: ConfidenceInterval;
  dontKnow: number;
  dontKnowRate: number;
}

/**
 * Knowledge points ranked by error rate, worst first (ties: more answers first, then point id),
 * to show which of the ten points to emphasise in the next campaign. Points with fewer than
 * `minAnswers` answers (default 1) are listed in `insufficient` instead.
 */
export function rankKnowledgePointsByErrorRate(
  counts: readonly QuestionAnswerCounts[],
  options?: { minAnswers?: number; z?: number },
): { ranked: KnowledgePointErrorRate[]; insufficient: KnowledgePointId[] } {
  const minAnswers = Math.max(1, options?.minAnswers ?? 1);
  const z = options?.z ?? DEFAULT_Z;
  const acc = new Map<KnowledgePointId, { questions: Set<string>; answered: number; correct: number; dontKnow: number }>();
  for (const q of counts) {
    assertCount('answered', q.answered);
    assertCount('correct', q.correct);
    assertCount('dontKnow', q.dontKnow ?? 0);
    if (q.correct + (q.dontKnow ?? 0) > q.answered) throw new RangeError(`counts of ${q.questionId} exceed answered`);
    const a = acc.get(q.knowledgePoint) ?? { questions: new Set<string>(), answered: 0, correct: 0, dontKnow: 0 };
    a.questions.add(q.questionId);
    a.answered += q.answered;
    a.correct += q.correct;
    a.dontKnow += q.dontKnow ?? 0;
    acc.set(q.knowledgePoint, a);
  }
  const ranked: KnowledgePointErrorRate[] = [];
  const insufficient: KnowledgePointId[] = [];
  for (const point of KNOWLEDGE_POINT_IDS) {
    const a = acc.get(point);
    if (!a || a.answered < minAnswers) {
      insufficient.push(point);
      continue;
    }
    const errors = a.answered - a.correct;
    ranked.push({
      knowledgePoint: point,
      text: knowledgePointText(point),
      questions: a.questions.size,
      answered: a.answered,
      errors,
      errorRate: errors / a.answered,
      errorRateCi: wilsonInterval(errors, a.answered, z),
      dontKnow: a.dontKnow,
      dontKnowRate: a.dontKnow / a.answered,
    });
  }
  ranked.sort((x, y) => y.errorRate - x.errorRate || y.answered - x.answered || x.knowledgePoint - y.knowledgePoint);
  return { ranked, insufficient };
}
