/** The quiz editor's form values, the draw spec they describe, and their conversion to `QuizInput`. */
import dayjs, { type Dayjs } from 'dayjs';
import {
  DEFAULT_PASS_MARK,
  KNOWLEDGE_POINT_IDS,
  problemMessages,
  QUIZ_RULE_MESSAGES,
  quizRuleProblems,
  type AdminQuestion,
  type AdminQuiz,
  type DrawSpec,
  type KnowledgePointId,
  type MultipleChoiceCredit,
  type QuizInput,
  type QuizKind,
} from '@xinqiao/shared';

export type DrawMode = DrawSpec['mode'];

/** The server accepts 0-20 questions per knowledge point in a random draw. */
export const MAX_PER_POINT = 20;
export type PerPointCounts = Partial<Record<KnowledgePointId, number | null>>;

export interface QuizFormValues {
  title: string;
  description: string;
  kind: QuizKind;
  regionId?: number;
  /** Survey waves: the answering window (local time in the picker). */
  window?: [Dayjs, Dayjs] | null;
  year?: number | null;
  pointsPerItem: number;
  /** The pass mark as a percentage of the maximum score (80 = 0.8). */
  passMarkPercent: number;
  multipleChoice: MultipleChoiceCredit;
  drawMode: DrawMode;
  /** `fixed`: question codes, in order. */
  questionIds: string[];
  /** `random`: how many questions to draw for each knowledge point. */
  perPoint: PerPointCounts;
  shuffle: boolean;
  campaignId?: number | null;
  pairedQuizId?: number | null;
}

export const MULTIPLE_CHOICE_LABELS: Record<MultipleChoiceCredit, string> = {
  all_or_nothing: '全部选对才得分',
  partial: '少选得部分分，错选不得分',
};

export const DRAW_MODE_LABELS: Record<DrawMode, string> = {
  fixed: '固定题目',
  random: '按知识点随机抽题',
};

/** Where residents take a quiz in the mini-program (for a QR code or a link in a notice). */
export function takePath(id: number): string {
  return `/packageQuizzes/pages/take/index?id=${id}`;
}

/** 80 -> 0.8, without floating-point noise. */
export function percentToShare(percent: number): number {
  return Math.round(percent * 100) / 10000;
}

/** 0.8 -> 80 */
export function shareToPercent(share: number): number {
  return Math.round(share * 10000) / 100;
}

export function emptyQuizForm(regionId: number | undefined, now: Date = new Date()): QuizFormValues {
  return {
    title: '',
    description: '',
    kind: 'survey',
    regionId,
    window: null,
    year: now.getFullYear(),
    pointsPerItem: 1,
    passMarkPercent: shareToPercent(DEFAULT_PASS_MARK),
    multipleChoice: 'all_or_nothing',
    drawMode: 'fixed',
    questionIds: [],
    perPoint: {},
    shuffle: false,
    campaignId: null,
    pairedQuizId: null,
  };
}

/** A count per knowledge point, from either form of `perPoint` (one number for every point, or a map). */
export function perPointRecord(perPoint: number | Partial<Record<KnowledgePointId, number>>): Record<KnowledgePointId, number> {
  const out = {} as Record<KnowledgePointId, number>;
  for (const id of KNOWLEDGE_POINT_IDS) out[id] = typeof perPoint === 'number' ? perPoint : (perPoint[id] ?? 0);
  return out;
}

export function quizToForm(q: AdminQuiz): QuizFormValues {
  const draw = q.draw;
  return {
    title: q.title,
    description: q.description,
    kind: q.kind,
    regionId: q.regionId,
    window: q.opensAt && q.closesAt ? [dayjs(q.opensAt), dayjs(q.closesAt)] : null,
    year: q.year ?? null,
    pointsPerItem: q.pointsPerItem,
    passMarkPercent: shareToPercent(q.passMark),
    multipleChoice: q.multipleChoice ?? 'all_or_nothing',
    drawMode: draw.mode,
    questionIds: draw.mode === 'fixed' ? [...draw.questionIds] : [],
    perPoint: draw.mode === 'random' ? perPointRecord(draw.perPoint) : {},
    shuffle: draw.mode === 'random' ? Boolean(draw.shuffle) : false,
    campaignId: q.campaignId ?? null,
    pairedQuizId: q.pairedQuizId ?? null,
  };
}

/** The draw spec the form describes; points with no (or 0) questions are left out of `perPoint`. */
export function buildDrawSpec(v: Pick<QuizFormValues, 'drawMode' | 'questionIds' | 'perPoint' | 'shuffle'>): DrawSpec {
  if (v.drawMode === 'fixed') return { mode: 'fixed', questionIds: [...(v.questionIds ?? [])] };
  const perPoint: Partial<Record<KnowledgePointId, number>> = {};
  for (const id of KNOWLEDGE_POINT_IDS) {
    const n = v.perPoint?.[id];
    if (typeof n === 'number' && n > 0) perPoint[id] = Math.floor(n);
  }
  return { mode: 'random', perPoint, shuffle: Boolean(v.shuffle) };
}

/** How many questions a resident answers under this spec. */
export function drawQuestionCount(spec: DrawSpec): number {
  if (spec.mode === 'fixed') return spec.questionIds.length;
  return Object.values(perPointRecord(spec.perPoint)).reduce((sum, n) => sum + n, 0);
}

/** "20 题，满分 20 分，及格 16 分" */
export function scoreSummary(questionCount: number, pointsPerItem: number, passMark: number): string {
  if (!questionCount) return '尚未选题';
  const max = questionCount * pointsPerItem;
  const pass = Math.round(max * passMark * 100) / 100;
  return `${questionCount} 题，满分 ${max} 分，及格 ${pass} 分`;
}

/** Form values -> `QuizInput`; only a survey wave carries a window and a year. */
export function toQuizInput(v: QuizFormValues, keep: { eventId?: number | null } = {}): QuizInput {
  if (v.regionId === undefined) throw new Error('regionId is required');
  const survey = v.kind === 'survey';
  const description = v.description?.trim() ?? '';
  return {
    title: v.title.trim(),
    description,
    kind: v.kind,
    regionId: v.regionId,
    opensAt: survey && v.window ? v.window[0].toISOString() : null,
    closesAt: survey && v.window ? v.window[1].toISOString() : null,
    year: survey ? (v.year ?? null) : null,
    pointsPerItem: v.pointsPerItem,
    passMark: percentToShare(v.passMarkPercent),
    multipleChoice: v.multipleChoice,
    draw: buildDrawSpec(v),
    campaignId: v.campaignId ?? null,
    eventId: keep.eventId ?? null,
    pairedQuizId: v.kind === 'post_test' ? (v.pairedQuizId ?? null) : null,
  };
}

/** The shared quiz rules (the server's own) applied to what would be sent, in the server's words. */
export function quizInputProblems(input: QuizInput): string[] {
  return problemMessages(quizRuleProblems(input), QUIZ_RULE_MESSAGES);
}

/** Live questions per knowledge point, for the random draw's upper bounds. */
export function questionsPerPoint(bank: readonly Pick<AdminQuestion, 'knowledgePoint' | 'archived'>[]): Record<KnowledgePointId, number> {
  const out = perPointRecord(0);
  for (const q of bank) if (!q.archived) out[q.knowledgePoint] += 1;
  return out;
}

/** How many of the picked questions cover each knowledge point (codes missing from the bank are skipped). */
export function coverageByPoint(codes: readonly string[], bank: readonly Pick<AdminQuestion, 'code' | 'knowledgePoint'>[]): Record<KnowledgePointId, number> {
  const byCode = new Map(bank.map((q) => [q.code, q.knowledgePoint]));
  const out = perPointRecord(0);
  for (const code of codes) {
    const point = byCode.get(code);
    if (point !== undefined) out[point] += 1;
  }
  return out;
}

/** Move one picked question up (-1) or down (+1); out of range leaves the order as it is. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Add codes at the end, skipping those already picked. */
export function appendCodes(list: readonly string[], codes: readonly string[]): string[] {
  const seen = new Set(list);
  const out = [...list];
  for (const c of codes) {
    if (!seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** "2026-03-01 08:00 至 2026-03-31 18:00" */
export function windowText(opensAt: string | null, closesAt: string | null): string {
  if (!opensAt || !closesAt) return '-';
  return `${dayjs(opensAt).format('YYYY-MM-DD HH:mm')} 至 ${dayjs(closesAt).format('YYYY-MM-DD HH:mm')}`;
}
