import type { AttemptInput, QuizPaper } from '@xinqiao/shared';
import { firstOpenIndex, nextOpenIndex, resumeAt } from '../../utils/steps';

export type PaperQuestion = QuizPaper['questions'][number];

/** question code -> the selected option keys, in the options' order. */
export type QuizAnswers = Record<string, string[]>;

/** A usable answer: known keys, no repeats, exactly one unless the question is multiple choice. */
export function isAnswer(question: PaperQuestion, value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  if (question.kind !== 'multiple' && value.length !== 1) return false;
  const keys = question.options.map((o) => o.key);
  return value.every((k) => typeof k === 'string' && keys.includes(k)) && new Set(value).size === value.length;
}

/**
 * The selection after tapping option `key`: single choice and true/false replace it, multiple
 * choice toggles the key (kept in the options' order, so answers compare and display stably).
 */
export function selectOption(question: PaperQuestion, current: readonly string[] | undefined, key: string): string[] {
  if (question.kind !== 'multiple') return [key];
  const chosen = new Set(current ?? []);
  if (chosen.has(key)) chosen.delete(key);
  else chosen.add(key);
  return question.options.map((o) => o.key).filter((k) => chosen.has(k));
}

/** Only the answers that fit the paper (a resumed draft may hold stale ones). */
export function sanitizeQuizAnswers(questions: readonly PaperQuestion[], answers: Record<string, unknown>): QuizAnswers {
  const out: QuizAnswers = {};
  for (const q of questions) {
    const v = answers[q.code];
    if (isAnswer(q, v)) out[q.code] = [...v];
  }
  return out;
}

const answeredIn = (questions: readonly PaperQuestion[], answers: QuizAnswers) => (i: number) => isAnswer(questions[i], answers[questions[i].code]);

export function answeredQuizCount(questions: readonly PaperQuestion[], answers: QuizAnswers): number {
  return questions.filter((q) => isAnswer(q, answers[q.code])).length;
}

export function allAnswered(questions: readonly PaperQuestion[], answers: QuizAnswers): boolean {
  return questions.length > 0 && firstOpenIndex(questions.length, answeredIn(questions, answers)) === -1;
}

/** Where to go after question `index` is answered: the next open question, or the submit screen. */
export function nextQuestionIndex(questions: readonly PaperQuestion[], answers: QuizAnswers, index: number): number {
  return nextOpenIndex(questions.length, answeredIn(questions, answers), index);
}

export function resumeQuestionIndex(questions: readonly PaperQuestion[], answers: QuizAnswers, index: number): number {
  return resumeAt(questions.length, answeredIn(questions, answers), index);
}

/** Answered share, 0-100, for the progress bar. */
export function quizProgressPercent(questions: readonly PaperQuestion[], answers: QuizAnswers): number {
  return questions.length ? Math.round((answeredQuizCount(questions, answers) / questions.length) * 100) : 0;
}

/** `answers` of the attempt: one key for single choice and true/false, a list for multiple choice. */
export function toAttemptAnswers(questions: readonly PaperQuestion[], answers: QuizAnswers): AttemptInput['answers'] {
  const out: AttemptInput['answers'] = {};
  for (const q of questions) {
    const v = answers[q.code];
    if (isAnswer(q, v)) out[q.code] = q.kind === 'multiple' ? v : v[0];
  }
  return out;
}
