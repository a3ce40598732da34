import { QUIZ_KIND_LABELS, answeringNeedsAccount, type PublicCampaign, type QuizKind, type QuizPaper, type QuizSummary } from '@xinqiao/shared';
import { formatDate, formatDateTime } from '../../utils/format';

/** Survey waves first (they are what the awareness rate is measured by), otherwise the server's order. */
export function sortQuizzes(list: readonly QuizSummary[]): QuizSummary[] {
  return list
    .map((q, i) => ({ q, i }))
    .sort((a, b) => Number(b.q.kind === 'survey') - Number(a.q.kind === 'survey') || a.i - b.i)
    .map((x) => x.q);
}

export function quizKindLabel(kind: QuizKind): string {
  return QUIZ_KIND_LABELS[kind] ?? kind;
}

/** `10 题 · 截止 2026-12-31` (a deadline only for surveys, which close). */
export function quizMeta(q: Pick<QuizSummary, 'questionCount' | 'kind' | 'closesAt'>): string {
  const parts = [`${q.questionCount} 题`];
  if (q.kind === 'survey' && q.closesAt) parts.push(`截止 ${formatDate(q.closesAt)}`);
  return parts.join(' · ');
}

/** `2026-05-01 至 2026-05-31` (the campaign's days are China dates already). */
export function campaignPeriod(c: Pick<PublicCampaign, 'startsOn' | 'endsOn'>): string {
  return c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} 至 ${c.endsOn}`;
}

/** Why a paper that is not open cannot be answered now. */
export function closedReason(paper: Pick<QuizPaper, 'opensAt' | 'closesAt'>, now = new Date()): string {
  if (paper.opensAt && now.getTime() < Date.parse(paper.opensAt)) return `本期调查将于 ${formatDateTime(paper.opensAt)} 开始，届时欢迎参与`;
  if (paper.closesAt && now.getTime() >= Date.parse(paper.closesAt)) return `本期调查已于 ${formatDateTime(paper.closesAt)} 结束，感谢关注`;
  return '这份问答已结束，感谢关注';
}

/** Surveys and pre/post tests count one answer per resident. */
export function alreadyAnsweredText(kind: QuizKind): string {
  return kind === 'survey' ? '您已参加过本期调查，感谢参与' : '您已参加过本次测试，感谢参与';
}

/** What the resident gets after submitting: a survey wave keeps its key until it closes. */
export function afterSubmitText(kind: QuizKind): string {
  return kind === 'survey' ? '提交后可以查看得分；正确答案和解析将在调查结束后公布。' : '提交后可以查看得分、正确答案和解析。';
}

/** Why a survey wave asks to sign in first. */
export function signInHint(kind: QuizKind): string | null {
  return answeringNeedsAccount(kind) ? '参加知晓率调查需要先登录：每人每期只计一次，答题情况只用于统计。' : null;
}
