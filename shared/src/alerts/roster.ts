/** Checking a roster entry, and the words of the dispatch timeline. */
import { formatChinaDateTime, isChinaDate } from '../common/time';
import { parseHm } from './escalation';
import { ALERT_NOTICE_TITLES, DUTY_ROLES, ESCALATION_STEP_LABELS, type AlertDispatchEvent, type DutyEntryInput } from './types';

export const DUTY_ENTRY_PROBLEM_MESSAGES = {
  weekday_or_date: '请选择每周几或具体日期（二选一）',
  weekday_invalid: '星期应为 1（周一）到 7（周日）',
  date_invalid: '日期应为 YYYY-MM-DD 格式的有效日期',
  date_past: '不能为已经过去的日期排班',
  start_invalid: '开始时间应为 HH:mm（00:00-23:59）',
  end_invalid: '结束时间应为 HH:mm（00:00-24:00）',
  same_time: '开始和结束时间不能相同（结束早于开始表示跨夜到次日）',
  role_invalid: '班次应为主班或备班',
} as const;
export type DutyEntryProblemCode = keyof typeof DUTY_ENTRY_PROBLEM_MESSAGES;

export interface DutyEntryProblem {
  field: 'weekday' | 'date' | 'start' | 'end' | 'role';
  code: DutyEntryProblemCode;
}

/** Every problem of an entry's own values (who and where are checked by the server); `today` is the China date. */
export function validateDutyEntry(input: Omit<DutyEntryInput, 'regionId' | 'staffId'>, today: string): DutyEntryProblem[] {
  const problems: DutyEntryProblem[] = [];
  const hasWeekday = input.weekday !== null && input.weekday !== undefined;
  const hasDate = input.date !== null && input.date !== undefined;
  if (hasWeekday === hasDate) problems.push({ field: hasDate ? 'date' : 'weekday', code: 'weekday_or_date' });
  if (hasWeekday && !(Number.isInteger(input.weekday) && input.weekday! >= 1 && input.weekday! <= 7))
    problems.push({ field: 'weekday', code: 'weekday_invalid' });
  if (hasDate) {
    if (!isChinaDate(input.date!)) problems.push({ field: 'date', code: 'date_invalid' });
    else if (input.date! < today) problems.push({ field: 'date', code: 'date_past' });
  }
  const start = parseHm(input.start);
  const end = parseHm(input.end);
  if (start === null || start === 1440) problems.push({ field: 'start', code: 'start_invalid' });
  if (end === null) problems.push({ field: 'end', code: 'end_invalid' });
  if (start !== null && end !== null && start === end) problems.push({ field: 'end', code: 'same_time' });
  if (!(DUTY_ROLES as readonly string[]).includes(input.role)) problems.push({ field: 'role', code: 'role_invalid' });
  return problems;
}

const names = (e: AlertDispatchEvent) => e.staff.map((s) => s.name).join('、');
// Levels count from 0 in the data; people count steps from 1.
const levelText = (e: AlertDispatchEvent) => (e.level === null ? '' : `第 ${e.level + 1} 级`);
const stepText = (e: AlertDispatchEvent) => `${e.regionName ?? ''}${e.step ? ESCALATION_STEP_LABELS[e.step] : ''}`;

/** One line of the alert's dispatch timeline, as the admin shows it (staff names only, never the resident). */
export function dispatchEventText(e: AlertDispatchEvent): string {
  const colour = e.colour ? ALERT_NOTICE_TITLES[e.colour] : '预警';
  switch (e.kind) {
    case 'dispatched':
      return `${colour}已通知${stepText(e)}（${levelText(e)}）：${names(e)}`;
    case 'escalated':
      return `${e.reason === 'overdue' ? '超过首次跟进时限未跟进' : '超时未认领'}，已升级通知${stepText(e)}（${levelText(e)}）：${names(e)}`;
    case 'no_one_on_duty':
      return `${e.regionName ?? ''}当前无人值班，转上级区域`;
    case 'step_empty':
      return `${stepText(e)}（${levelText(e)}）无人可通知，跳过`;
    case 'deferred':
      return `黄色预警产生于免打扰时段，将于 ${e.until ? formatChinaDateTime(new Date(e.until)) : '免打扰结束时'} 通知值班人员`;
    case 'ladder_end':
      return '已通知到最高一级，不再升级';
    case 'nobody':
      return '从本区域到最上级都无人值班，也没有区域管理员，未能通知到个人';
  }
}
