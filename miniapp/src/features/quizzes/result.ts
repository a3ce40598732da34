import { isKnowledgePointId, knowledgePointText, type AttemptResult, type QuizPaper } from '@xinqiao/shared';
import { formatDateTime } from '../../utils/format';
import type { PaperQuestion } from './answers';

/** One question of the result as the page lists it. */
export interface ResultItemView {
  code: string;
  /** 1-based, in the paper's order. */
  number: number;
  stem: string;
  /** The resident's answer in words (`对`, `A. 运动`, several joined by `；`), or 未作答. */
  yourAnswer: string;
  /** The three below are null while a survey wave is open (see `answerKeyNote`). */
  correctAnswer: string | null;
  isCorrect: boolean | null;
  explanation: string | null;
  /** The 《心理健康素养十条》 point the question tests ('' when unknown). */
  knowledgePoint: string;
}

/** An option in words: the text alone for true/false (对/错/不知道), `key. text` for choices. */
export function optionLabel(question: PaperQuestion | undefined, key: string): string {
  const option = question?.options.find((o) => o.key === key);
  if (!question || !option) return key;
  return question.kind === 'true_false' ? option.text : `${option.key}. ${option.text}`;
}

function answerText(question: PaperQuestion | undefined, keys: readonly string[]): string {
  return keys.length ? keys.map((k) => optionLabel(question, k)).join('；') : '未作答';
}

/**
 * The result's items with answers in words. The result carries only option keys, so the texts come
 * from the paper the resident answered (without it the keys are shown as they are).
 */
export function resultItemViews(result: AttemptResult, paper: Pick<QuizPaper, 'questions'> | null): ResultItemView[] {
  const byCode = new Map((paper?.questions ?? []).map((q) => [q.code, q]));
  return result.items.map((item, i) => {
    const q = byCode.get(item.code);
    return {
      code: item.code,
      number: i + 1,
      stem: item.stem,
      yourAnswer: answerText(q, item.selected),
      correctAnswer: item.correct && answerText(q, item.correct),
      isCorrect: item.isCorrect,
      explanation: item.explanation,
      knowledgePoint: isKnowledgePointId(item.knowledgePoint) ? knowledgePointText(item.knowledgePoint) : '',
    };
  });
}

/** Scores may be fractional (partial credit): at most one decimal, none when whole. */
export function formatScore(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** 0.8 -> `80%`, 0.667 -> `66.7%`. */
export function percentLabel(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** `达到 80% 及格线` / `未达到 80% 及格线`. */
export function passLine(result: Pick<AttemptResult, 'passed' | 'passMark'>): string {
  return `${result.passed ? '达到' : '未达到'} ${percentLabel(result.passMark)} 及格线`;
}

/** Why a survey wave's result has no answers yet, and when they come; null when it has them. */
export function answerKeyNote(result: Pick<AttemptResult, 'answerKeyAt'>): string | null {
  return result.answerKeyAt ? `为保证调查公平，正确答案和解析将在本期调查结束（${formatDateTime(result.answerKeyAt)}）后公布。` : null;
}
