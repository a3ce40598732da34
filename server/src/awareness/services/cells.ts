import type { AttemptScore } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { incrementUpsert } from '../../common/database/increment-upsert';
import type { CountedAttempt } from '../../quizzes/services/attempt-counters';

/**
 * Adds one attempt to the pre-aggregated awareness cell of its respondent profile and to the
 * per-question counts, inside the attempt's transaction: the figures always match the answers.
 */
export async function addToAwareness(
  tx: EntityManager,
  attempt: CountedAttempt,
  scored: Pick<AttemptScore, 'items' | 'passed' | 'correctRate'>,
): Promise<void> {
  const regionId = attempt.regionId ?? 0;
  const regionPath = attempt.regionPath ?? '';
  await incrementUpsert(
    tx,
    'awareness_cells',
    {
      quizId: attempt.quizId,
      regionId,
      populationGroup: attempt.populationGroup ?? '',
      ageBand: attempt.ageBand ?? '',
      gender: attempt.gender ?? '',
      campaignId: attempt.campaignId ?? 0,
      eventId: attempt.eventId ?? 0,
    },
    { respondents: 1, passed: scored.passed ? 1 : 0, sumCorrectRate: scored.correctRate, sumCorrectRateSq: scored.correctRate * scored.correctRate },
    { regionPath, urbanRural: attempt.urbanRural ?? '' },
  );
  for (const item of scored.items) {
    await incrementUpsert(
      tx,
      'awareness_question_counts',
      { quizId: attempt.quizId, regionId, questionCode: item.questionId },
      { answered: 1, correct: item.isCorrect ? 1 : 0, dontKnow: item.dontKnow ? 1 : 0 },
      { regionPath, knowledgePoint: item.knowledgePoint },
    );
  }
}
