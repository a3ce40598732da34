import type { Demographics } from '@xinqiao/shared';
import { STORAGE_PREFIXES, readStorage, removeStorage, writeStorage } from '../../services/storage';
import { isUuidV4 } from '../scales/uuid';
import { pickDemographics } from './demographics';
import type { QuizAnswers } from './answers';

/** Bump when the stored shape changes; older drafts are then dropped instead of misread. */
export const QUIZ_DRAFT_SHAPE = 1;
/** Long enough to come back another day; a paper left for longer is started afresh. */
export const QUIZ_DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** A paper in progress, kept in storage after every answer so it survives closing the app. */
export interface QuizDraft {
  shape: typeof QUIZ_DRAFT_SHAPE;
  quizId: number;
  /** The paper's questions when it was started: another set means the draft no longer fits. */
  questionCodes: string[];
  /** Made once per attempt; every retry reuses it so the server stores the attempt only once. */
  clientRequestId: string;
  /** The campaign the quiz was started from, for the campaign's figures. */
  campaignId: number | null;
  answers: QuizAnswers;
  /** Question on screen (0-based); questionCodes.length = the submit screen. */
  index: number;
  /** A signed-in resident's profile gaps, answered in the step; sent with the attempt. */
  demographics: Partial<Demographics>;
  startedAt: string;
  updatedAt: string;
}

export function quizDraftKey(quizId: number): string {
  return `${STORAGE_PREFIXES.quizDraft}${quizId}`;
}

export function newQuizDraft(args: { quizId: number; questionCodes: string[]; clientRequestId: string; campaignId: number | null; now?: Date }): QuizDraft {
  const at = (args.now ?? new Date()).toISOString();
  return {
    shape: QUIZ_DRAFT_SHAPE,
    quizId: args.quizId,
    questionCodes: [...args.questionCodes],
    clientRequestId: args.clientRequestId,
    campaignId: args.campaignId,
    answers: {},
    index: 0,
    demographics: {},
    startedAt: at,
    updatedAt: at,
  };
}

export function updateQuizDraft(
  draft: QuizDraft,
  patch: Partial<Pick<QuizDraft, 'answers' | 'index' | 'demographics' | 'clientRequestId'>>,
  now = new Date(),
): QuizDraft {
  return { ...draft, ...patch, updatedAt: now.toISOString() };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A stored value as the draft of `quizId`, or null when it is missing, malformed, for another quiz
 * or too old. Answers are checked against the paper by the caller (`sanitizeQuizAnswers`).
 */
export function parseQuizDraft(raw: unknown, quizId: number, now = Date.now()): QuizDraft | null {
  if (!isObject(raw) || raw.shape !== QUIZ_DRAFT_SHAPE || raw.quizId !== quizId) return null;
  if (!isStringList(raw.questionCodes) || !isUuidV4(raw.clientRequestId)) return null;
  if (raw.campaignId !== null && !isPositiveInt(raw.campaignId)) return null;
  if (!isObject(raw.answers) || !Object.values(raw.answers).every(isStringList)) return null;
  if (typeof raw.index !== 'number' || !Number.isInteger(raw.index) || raw.index < 0) return null;
  if (!isObject(raw.demographics)) return null;
  if (!isDate(raw.startedAt) || !isDate(raw.updatedAt) || now - Date.parse(raw.updatedAt) > QUIZ_DRAFT_MAX_AGE_MS) return null;
  return { ...(raw as unknown as QuizDraft), demographics: pickDemographics(raw.demographics) };
}

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** The stored draft for this paper, if usable; anything else stored for the quiz is removed. */
export function loadQuizDraft(quizId: number, questionCodes: readonly string[], now = Date.now()): QuizDraft | null {
  const raw = readStorage<unknown>(quizDraftKey(quizId));
  if (raw === null) return null;
  const draft = parseQuizDraft(raw, quizId, now);
  if (draft && sameCodes(draft.questionCodes, questionCodes)) return draft;
  removeStorage(quizDraftKey(quizId));
  return null;
}

/** Whether a paper of this quiz is in progress on the device (for the lists' 继续答题). */
export function hasQuizDraft(quizId: number, now = Date.now()): boolean {
  return parseQuizDraft(readStorage<unknown>(quizDraftKey(quizId)), quizId, now) !== null;
}

export function saveQuizDraft(draft: QuizDraft): void {
  writeStorage(quizDraftKey(draft.quizId), draft);
}

export function clearQuizDraft(quizId: number): void {
  removeStorage(quizDraftKey(quizId));
}
