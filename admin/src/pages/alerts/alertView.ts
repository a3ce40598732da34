import dayjs, { type Dayjs } from 'dayjs';
import {
  ALERT_COLOUR_LABELS,
  FOLLOW_UP_TIME_MESSAGES,
  HELP_URGENCY_LABELS,
  followUpTimeProblems,
  problemMessages,
  type AlertColour,
  type AlertDetail,
  type AlertHelpRequest,
  type AlertRow,
  type AlertStatus,
  type AlertSubmission,
  type FollowUpInput,
  type FollowUpMethod,
  type HelpUrgency,
} from '@xinqiao/shared';
import type { AlertSummary } from '@xinqiao/shared';

/** antd Tag colours: "gold" reads as yellow on white, the preset "yellow" is too pale. */
export const ALERT_COLOUR_TAG_COLORS: Record<AlertColour, string> = { red: 'red', yellow: 'gold', green: 'green' };
/** Short names for the summary strip; tags in the table use the full ALERT_COLOUR_LABELS. */
export const ALERT_COLOUR_SHORT_LABELS: Record<AlertColour, string> = { red: '红色', yellow: '黄色', green: '绿色' };
export const ALERT_STATUS_TAG_COLORS: Record<AlertStatus, string> = { open: 'volcano', claimed: 'processing', closed: 'default' };
export const OVERDUE_LABEL = '已超时';
export const ALERT_POLL_MS = 10_000;

/** How many more red alerts `next` counts than `prev`; 0 on the first load (nothing to compare). */
export function redIncrease(prev: AlertSummary | null, next: AlertSummary): number {
  if (!prev) return 0;
  return Math.max(0, next.red - prev.red);
}

export interface AlertPermissions {
  canClaim: boolean;
  canFollowUp: boolean;
  canClose: boolean;
  /** Why 结案 is not offered yet although the counsellor holds the alert. */
  closeHint: string | null;
}

/**
 * What the signed-in counsellor may do, mirroring the server: anyone may try to claim an alert
 * they do not hold (the server answers 409 when a colleague holds it); only the assignee records
 * follow-ups, and closes after at least one.
 */
export function alertPermissions(alert: Pick<AlertDetail, 'status' | 'assigneeId' | 'followUps'>, staffId: number): AlertPermissions {
  const closed = alert.status === 'closed';
  const mine = alert.status === 'claimed' && alert.assigneeId === staffId;
  const hasFollowUp = alert.followUps.length > 0;
  return {
    canClaim: !closed && alert.assigneeId !== staffId,
    canFollowUp: mine,
    canClose: mine && hasFollowUp,
    closeHint: mine && !hasFollowUp ? '请先记录至少一次跟进后再结案' : null,
  };
}

/** "第 9 题：…" for each fired critical item, in item order; unknown ids are shown as they are. */
export function describeCriticalItems(alert: Pick<AlertDetail, 'criticalItems' | 'answers'>): string[] {
  return alert.criticalItems.map((itemId) => {
    const index = alert.answers.findIndex((a) => a.itemId === itemId);
    return index < 0 ? itemId : `第 ${index + 1} 题：${alert.answers[index].text}`;
  });
}

export interface FollowUpFormValues {
  /** ProForm hands over a formatted local string; a Dayjs when the picker value is passed through. */
  at: string | Dayjs;
  method: FollowUpMethod;
  outcome: string;
  nextColour?: AlertColour | null;
}

/** A zh-CN problem with the follow-up time (the shared window the server checks too), or null when it is plausible. */
export function followUpAtError(at: string | Dayjs | null | undefined, alertCreatedAt: string, now: Date = new Date()): string | null {
  if (!at) return '请选择跟进时间';
  const d = dayjs(at);
  if (!d.isValid()) return '请选择跟进时间';
  const problems = followUpTimeProblems(d.toDate(), new Date(alertCreatedAt), now);
  return problems.length ? problemMessages(problems, FOLLOW_UP_TIME_MESSAGES).join('；') : null;
}

export function toFollowUpInput(v: FollowUpFormValues): FollowUpInput {
  return {
    at: dayjs(v.at).toISOString(),
    method: v.method,
    outcome: v.outcome.trim(),
    nextColour: v.nextColour ?? null,
  };
}

/**
 * The results that joined the alert after the one that raised it (the resident answered the same
 * scale again while it was open), with a line for the timeline each.
 */
export function laterSubmissions(alert: Pick<AlertDetail, 'submissions'>): { submission: AlertSubmission; text: string }[] {
  return alert.submissions.slice(1).map((s) => ({
    submission: s,
    text: `再次测评：${s.score} 分（${s.bandLabel}），本次结果对应${ALERT_COLOUR_LABELS[s.colour]}${s.crisis ? '，有危机提示' : ''}`,
  }));
}

/** Short urgency names for the queue; the detail shows the resident's own choice (HELP_URGENCY_LABELS). */
export const HELP_URGENCY_SHORT_LABELS: Record<HelpUrgency, string> = { now: '有危险，需尽快联系', soon: '希望这几天联系', anytime: '不着急' };

/** The queue's "result" cell: a scale's score and band, or a help request's urgency. */
export function alertResultText(row: Pick<AlertRow, 'source' | 'score' | 'bandLabel' | 'helpUrgency'>): { main: string; secondary: string | null } {
  if (row.source === 'help_request') return { main: row.helpUrgency ? HELP_URGENCY_SHORT_LABELS[row.helpUrgency] : '求助', secondary: null };
  return { main: `${row.score ?? '-'} 分`, secondary: row.bandLabel };
}

/** The help requests that joined the alert after the one that raised it, with a line for the timeline each. */
export function laterHelpRequests(alert: Pick<AlertDetail, 'helpRequests'>): { request: AlertHelpRequest; text: string }[] {
  return alert.helpRequests.slice(1).map((r) => ({
    request: r,
    text: `再次求助：${HELP_URGENCY_LABELS[r.urgency]}（对应${ALERT_COLOUR_LABELS[r.colour]}）`,
  }));
}
