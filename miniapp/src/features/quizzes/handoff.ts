import type { AttemptResult, QuizPaper } from '@xinqiao/shared';
import { createHandoff } from '../../utils/handoff';

/** What the result page shows: the result, the paper for option texts, and where the quiz came from. */
export interface SubmittedQuiz {
  result: AttemptResult;
  paper: QuizPaper;
  campaignId: number | null;
}

const submitted = createHandoff<SubmittedQuiz>();

export function handOverQuizResult(value: SubmittedQuiz): void {
  submitted.put(value);
}

export function peekQuizResult(quizId: number): SubmittedQuiz | null {
  return submitted.peek((s) => s.result.quizId === quizId);
}
