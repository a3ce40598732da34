/**
 * The rules a quiz must meet to be saved, checked by the admin form before sending and by the server
 * on every save: one implementation, stable codes, one zh-CN wording per code.
 */
import type { RuleProblem } from '../common/rules';
import type { QuizInput } from './api';
import { isKnowledgePointId, QUIZ_KINDS } from './types';

export const QUIZ_RULE_MESSAGES = {
  title_blank: '测验名称不能为空',
  kind_invalid: '测验类型无效',
  points_per_item_invalid: '每题分值须大于 0',
  pass_mark_out_of_range: '及格线须在 0 到 1 之间（按满分的比例）',
  multiple_choice_invalid: '多选题计分方式无效',
  survey_window_missing: '请设置调查的开始和结束时间',
  survey_window_order: '调查的结束时间须晚于开始时间',
  survey_year_missing: '请填写调查年度',
  test_unlinked: '前测、后测须关联宣传活动或活动',
  pairing_not_post_test: '只有后测可以关联前测',
  /** Checked by the server only: the linked rows must exist within the staff member's region. */
  campaign_not_found: '所选宣传活动不存在或不在本辖区',
  paired_quiz_not_found: '关联的前测不存在或不是前测',
  draw_mode_invalid: '抽题方式须为固定试卷（fixed）或按知识点随机抽题（random）',
  draw_fixed_empty: '固定试卷至少需要 1 道题目',
  draw_fixed_code_invalid: '题目编号须为文本',
  draw_fixed_duplicate: '试卷中有重复的题目',
  draw_fixed_too_many: '一份试卷最多 200 道题',
  draw_per_point_invalid: '每个知识点抽题数须为 1-20 的整数',
  draw_per_point_missing: '请为每个知识点设置抽题数',
  draw_per_point_map_invalid: '抽题设置须为知识点 1-10 对应 0-20 的整数',
  draw_per_point_none: '至少为一个知识点设置抽题数',
} as const;
export type QuizRuleCode = keyof typeof QUIZ_RULE_MESSAGES;
export type QuizRuleProblem = RuleProblem<QuizRuleCode>;

export const MAX_FIXED_QUESTIONS = 200;
export const MAX_PER_POINT = 20;

/** The per-item scoring rule's problems. */
export function scoringRuleCodes(rule: Pick<QuizInput, 'pointsPerItem' | 'passMark' | 'multipleChoice'>): QuizRuleProblem[] {
  const problems: QuizRuleProblem[] = [];
  if (!(Number.isFinite(rule.pointsPerItem) && rule.pointsPerItem > 0)) problems.push({ code: 'points_per_item_invalid', field: 'pointsPerItem' });
  if (!(Number.isFinite(rule.passMark) && rule.passMark >= 0 && rule.passMark <= 1)) problems.push({ code: 'pass_mark_out_of_range', field: 'passMark' });
  if (rule.multipleChoice !== undefined && rule.multipleChoice !== 'all_or_nothing' && rule.multipleChoice !== 'partial') {
    problems.push({ code: 'multiple_choice_invalid', field: 'multipleChoice' });
  }
  return problems;
}

/** The draw spec may arrive as free JSON: say precisely what is wrong with it. */
export function drawRuleCodes(draw: unknown): QuizRuleProblem[] {
  const problem = (code: QuizRuleCode): QuizRuleProblem[] => [{ code, field: 'draw' }];
  const d = draw as { mode?: unknown; questionIds?: unknown; perPoint?: unknown } | null;
  if (d?.mode === 'fixed') {
    const ids = d.questionIds;
    if (!Array.isArray(ids) || ids.length === 0) return problem('draw_fixed_empty');
    if (ids.some((x) => typeof x !== 'string' || !x)) return problem('draw_fixed_code_invalid');
    if (ids.length > MAX_FIXED_QUESTIONS) return problem('draw_fixed_too_many');
    if (new Set(ids).size !== ids.length) return problem('draw_fixed_duplicate');
    return [];
  }
  if (d?.mode === 'random') {
    const per = d.perPoint;
    const count = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_PER_POINT;
    if (typeof per === 'number') return count(per, 1) ? [] : problem('draw_per_point_invalid');
    if (typeof per !== 'object' || per === null) return problem('draw_per_point_missing');
    const entries = Object.entries(per as Record<string, unknown>);
    if (entries.some(([k, v]) => !isKnowledgePointId(Number(k)) || !count(v, 0))) return problem('draw_per_point_map_invalid');
    if (!entries.some(([, v]) => (v as number) > 0)) return problem('draw_per_point_none');
    return [];
  }
  return problem('draw_mode_invalid');
}

/** Every problem with a quiz as it would be saved; empty when it can be. */
export function quizRuleProblems(input: QuizInput): QuizRuleProblem[] {
  const problems: QuizRuleProblem[] = [];
  if (!input.title?.trim()) problems.push({ code: 'title_blank', field: 'title' });
  if (!QUIZ_KINDS.includes(input.kind)) problems.push({ code: 'kind_invalid', field: 'kind' });
  problems.push(...scoringRuleCodes(input));
  if (input.kind === 'survey') {
    const opens = input.opensAt ? Date.parse(input.opensAt) : NaN;
    const closes = input.closesAt ? Date.parse(input.closesAt) : NaN;
    if (Number.isNaN(opens) || Number.isNaN(closes)) problems.push({ code: 'survey_window_missing', field: 'opensAt' });
    else if (closes <= opens) problems.push({ code: 'survey_window_order', field: 'closesAt' });
    if (!Number.isInteger(input.year)) problems.push({ code: 'survey_year_missing', field: 'year' });
  }
  if ((input.kind === 'pre_test' || input.kind === 'post_test') && !input.campaignId && !input.eventId)
    problems.push({ code: 'test_unlinked', field: 'campaignId' });
  if (input.pairedQuizId && input.kind !== 'post_test') problems.push({ code: 'pairing_not_post_test', field: 'pairedQuizId' });
  problems.push(...drawRuleCodes(input.draw));
  return problems;
}
