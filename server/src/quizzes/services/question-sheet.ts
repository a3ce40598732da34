/**
 * The question bank as an Excel sheet, one question per row, so offices can edit it offline:
 * 编号 | 题型 | 知识点 | 题干 | 选项A..F | 正确答案 | 含“不知道” | 解析
 * Pure functions: the row <-> question conversion is tested without Excel.
 */
import {
  DONT_KNOW_KEY,
  FALSE_KEY,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  TRUE_FALSE_LABELS,
  TRUE_KEY,
  trueFalseOptions,
  type KnowledgePointId,
  type QuestionKind,
  type QuizOption,
} from '@xinqiao/shared';

export const SHEET_HEADERS = ['编号', '题型', '知识点(1-10)', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '含“不知道”', '解析'];
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface SheetQuestion {
  /** Empty for a new question. */
  code: string;
  kind: QuestionKind;
  knowledgePoint: KnowledgePointId;
  stem: string;
  options: QuizOption[];
  correct: string[];
  explanation: string;
}

export function questionToRow(q: SheetQuestion): string[] {
  const trueFalse = q.kind === 'true_false';
  const optionTexts = LETTERS.map((l) => (trueFalse ? '' : (q.options.find((o) => o.key === l)?.text ?? '')));
  const correct = trueFalse ? TRUE_FALSE_LABELS[q.correct[0] as 'T' | 'F'] : q.correct.join(',');
  const dontKnow = trueFalse ? (q.options.some((o) => o.key === DONT_KNOW_KEY) ? '是' : '否') : '';
  return [q.code, QUESTION_KIND_LABELS[q.kind], String(q.knowledgePoint), q.stem, ...optionTexts, correct, dontKnow, q.explanation];
}

/** One sheet row (cell texts in header order) as a question, or the zh-CN reason it cannot be one. */
export function rowToQuestion(cells: readonly string[]): { ok: true; question: SheetQuestion } | { ok: false; message: string } {
  const cell = (i: number) => (cells[i] ?? '').trim();
  const kind = QUESTION_KINDS.find((k) => QUESTION_KIND_LABELS[k] === cell(1) || k === cell(1));
  if (!kind) return { ok: false, message: `题型“${cell(1)}”无效，应为 判断题、单选题 或 多选题` };
  const point = Number(cell(2));
  if (!Number.isInteger(point) || point < 1 || point > 10) return { ok: false, message: `知识点“${cell(2)}”无效，应为 1-10` };
  const stem = cell(3);
  if (!stem) return { ok: false, message: '题干不能为空' };
  const explanation = cell(12);
  if (!explanation) return { ok: false, message: '解析不能为空' };
  const answer = cell(10).replace(/，/g, ',').replace(/\s+/g, '');

  if (kind === 'true_false') {
    const key = answer === '对' || answer.toUpperCase() === TRUE_KEY ? TRUE_KEY : answer === '错' || answer.toUpperCase() === FALSE_KEY ? FALSE_KEY : null;
    if (!key) return { ok: false, message: `判断题的正确答案应为“对”或“错”，实际为“${cell(10)}”` };
    const withDontKnow = cell(11) !== '否';
    return {
      ok: true,
      question: { code: cell(0), kind, knowledgePoint: point as KnowledgePointId, stem, options: trueFalseOptions(withDontKnow), correct: [key], explanation },
    };
  }

  const options: QuizOption[] = [];
  for (let i = 0; i < LETTERS.length; i++) {
    const text = cell(4 + i);
    if (!text) continue;
    if (options.length !== i) return { ok: false, message: `选项${LETTERS[i]}之前有空选项，请按 A、B、C… 依次填写` };
    options.push({ key: LETTERS[i], text });
  }
  const correct = answer.toUpperCase().split(',').filter(Boolean);
  if (correct.length === 0) return { ok: false, message: '正确答案不能为空，如 A 或 A,C' };
  return { ok: true, question: { code: cell(0), kind, knowledgePoint: point as KnowledgePointId, stem, options, correct, explanation } };
}
