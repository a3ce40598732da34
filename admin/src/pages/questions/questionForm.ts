/** The question editor's form values and their conversion to and from the API's `QuestionInput`. */
import dayjs from 'dayjs';
import {
  DONT_KNOW_KEY,
  FALSE_KEY,
  KNOWLEDGE_POINTS,
  TRUE_KEY,
  TRUE_FALSE_LABELS,
  questionProblems,
  trueFalseOptions,
  type AdminQuestion,
  type KnowledgePointId,
  type QuestionInput,
  type QuestionKind,
  type QuizOption,
} from '@xinqiao/shared';

/** Choice options are keyed by position, as in the default bank. */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const MIN_OPTIONS: Record<'single' | 'multiple', number> = { single: 2, multiple: 3 };
export const MAX_OPTIONS = OPTION_KEYS.length;

export interface QuestionFormValues {
  kind: QuestionKind;
  knowledgePoint?: KnowledgePointId;
  stem: string;
  /** True/false questions: offer 不知道 (always scores 0). */
  withDontKnow: boolean;
  /** True/false: 'T' or 'F'; single choice: the option key. */
  answer?: string;
  /** Multiple choice: the option keys. */
  answers: string[];
  /** Choice questions: option texts in order (A, B, ...). */
  options: { text: string }[];
  explanation: string;
  regionId?: number;
}

export function emptyQuestionForm(regionId?: number): QuestionFormValues {
  return {
    kind: 'true_false',
    stem: '',
    withDontKnow: true,
    answers: [],
    options: [{ text: '' }, { text: '' }, { text: '' }, { text: '' }],
    explanation: '',
    regionId,
  };
}

export function questionToForm(q: AdminQuestion): QuestionFormValues {
  const base = {
    kind: q.kind,
    knowledgePoint: q.knowledgePoint,
    stem: q.stem,
    explanation: q.explanation,
    regionId: q.regionId ?? undefined,
  };
  if (q.kind === 'true_false') {
    return {
      ...base,
      withDontKnow: q.options.some((o) => o.key === DONT_KNOW_KEY),
      answer: q.correct[0],
      answers: [],
      options: emptyQuestionForm().options,
    };
  }
  return {
    ...base,
    withDontKnow: true,
    answer: q.kind === 'single' ? q.correct[0] : undefined,
    answers: q.kind === 'multiple' ? [...q.correct] : [],
    options: q.options.map((o) => ({ text: o.text })),
  };
}

export function choiceOptions(texts: readonly { text?: string }[]): QuizOption[] {
  return texts.slice(0, MAX_OPTIONS).map((o, i) => ({ key: OPTION_KEYS[i], text: (o.text ?? '').trim() }));
}

/** Form values -> `QuestionInput` (trimmed; answers limited to the options that exist). */
export function toQuestionInput(v: QuestionFormValues): QuestionInput {
  if (v.knowledgePoint === undefined) throw new Error('knowledgePoint is required');
  let options: QuizOption[];
  let correct: string[];
  if (v.kind === 'true_false') {
    options = trueFalseOptions(v.withDontKnow);
    correct = v.answer ? [v.answer] : [];
  } else {
    options = choiceOptions(v.options);
    const keys = new Set(options.map((o) => o.key));
    const picked = v.kind === 'single' ? (v.answer ? [v.answer] : []) : (v.answers ?? []);
    correct = OPTION_KEYS.filter((k) => keys.has(k) && picked.includes(k));
  }
  return {
    kind: v.kind,
    knowledgePoint: v.knowledgePoint,
    stem: v.stem.trim(),
    options,
    correct,
    explanation: v.explanation.trim(),
    ...(v.regionId !== undefined ? { regionId: v.regionId } : {}),
  };
}

/**
 * Problems the shared rule finds with the question as it would be sent, without the "题目 X：" prefix
 * (the form is about one question).
 */
export function questionFormProblems(v: QuestionFormValues): string[] {
  if (v.knowledgePoint === undefined) return ['请选择知识点'];
  const input = toQuestionInput(v);
  return questionProblems({ id: 'new', ...input }).map((p) => p.replace(/^题目 [^：]*：/, ''));
}

/** Keep the picked answers valid after the kind or the option list changed. */
export function pruneAnswers(v: QuestionFormValues): Pick<QuestionFormValues, 'answer' | 'answers'> {
  if (v.kind === 'true_false') {
    return { answer: v.answer === TRUE_KEY || v.answer === FALSE_KEY ? v.answer : undefined, answers: [] };
  }
  const keys: string[] = OPTION_KEYS.slice(0, Math.min(v.options.length, MAX_OPTIONS));
  return {
    answer: v.kind === 'single' && v.answer && keys.includes(v.answer) ? v.answer : undefined,
    answers: v.kind === 'multiple' ? (v.answers ?? []).filter((k) => keys.includes(k)) : [],
  };
}

type OptionFields = Pick<QuestionFormValues, 'options' | 'answer' | 'answers'>;

/**
 * Remove the option at `index`: later options move up a letter, and the picked answers follow
 * their options (removing C turns a picked D into C; a picked C is dropped).
 */
export function removeOption(v: OptionFields, index: number): OptionFields {
  const shift = (key: string | undefined): string | undefined => {
    const i = key ? (OPTION_KEYS as readonly string[]).indexOf(key) : -1;
    if (i < 0 || i === index) return undefined;
    return i > index ? OPTION_KEYS[i - 1] : key;
  };
  return {
    options: (v.options ?? []).filter((_, i) => i !== index),
    answer: shift(v.answer),
    answers: (v.answers ?? []).map(shift).filter((k): k is string => k !== undefined),
  };
}

/** "1. 心理健康是健康的重要组成部分…" select options. */
export const KNOWLEDGE_POINT_OPTIONS = KNOWLEDGE_POINTS.map((p) => ({ value: p.id as KnowledgePointId, label: `${p.id}. ${p.text}` }));

/** The correct answer as a reader sees it: "对", "B", "A、C、D". */
export function answerText(q: Pick<AdminQuestion, 'kind' | 'correct'>): string {
  if (q.kind === 'true_false') return q.correct.map((k) => TRUE_FALSE_LABELS[k as keyof typeof TRUE_FALSE_LABELS] ?? k).join('、');
  return q.correct.join('、');
}

export interface RowProblem {
  row: number;
  message: string;
}

/**
 * The rejected rows of an import: the 400's `details: [{ row, message }]` (an object wrapping the
 * list in `errors` is accepted too), sorted by row. Anything else yields no rows.
 */
export function rowProblemsFromDetails(details: unknown): RowProblem[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { errors?: unknown }).errors)
      ? (details as { errors: unknown[] }).errors
      : [];
  return list
    .filter((d): d is RowProblem => typeof d === 'object' && d !== null && typeof (d as RowProblem).message === 'string')
    .map((d) => ({ row: Number.isInteger(d.row) ? d.row : 0, message: d.message }))
    .sort((a, b) => a.row - b.row);
}

/** "第 5 行：正确答案 E 不在选项中"; row 0 stands for the file as a whole. */
export function rowProblemText(p: RowProblem): string {
  return p.row > 0 ? `第 ${p.row} 行：${p.message}` : p.message;
}

/** Used when the server does not name the file. */
export function questionsExportFileName(now: Date = new Date()): string {
  return `题库_${dayjs(now).format('YYYYMMDD')}.xlsx`;
}

/** Why a question cannot be edited here, or null when it can. */
export function readOnlyReason(q: Pick<AdminQuestion, 'builtIn' | 'inUse' | 'archived'>): string | null {
  if (q.builtIn) return '默认题库中的题目为只读。如需调整，请新建一道题目。';
  if (q.archived) return '该题已归档，不能修改。';
  if (q.inUse) return '该题已被已发布的测验使用，不能修改（以免影响已收集答卷的统计）。如需调整，请新建题目后将本题归档。';
  return null;
}
