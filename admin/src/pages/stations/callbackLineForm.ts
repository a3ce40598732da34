/** The call-back line form: a hotline, its weekly call-back hours, calls per window, enabled. */
import type { CallbackLine, CallbackLineInput, Hotline } from '@xinqiao/shared';
import { formToWeekly, weeklyFormProblems, weeklyToForm, type WeeklyFormValue } from './stationForm';

export interface CallbackLineFormValues {
  hotlineId?: number;
  weekly: WeeklyFormValue;
  capacityPerWindow?: number;
  enabled: boolean;
}

const DAY = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '17:00' },
];

/** A new line starts with weekday office hours and 2 calls per window. */
export function emptyCallbackLineForm(): CallbackLineFormValues {
  return { weekly: { ...weeklyToForm({}), 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY }, capacityPerWindow: 2, enabled: true };
}

export function callbackLineToForm(l: CallbackLine): CallbackLineFormValues {
  return { hotlineId: l.hotlineId, weekly: weeklyToForm(l.weeklyHours), capacityPerWindow: l.capacityPerWindow, enabled: l.enabled };
}

export function callbackLineProblems(v: CallbackLineFormValues): string[] {
  const problems: string[] = [];
  if (v.hotlineId === undefined) problems.push('请选择热线');
  if (!v.capacityPerWindow || v.capacityPerWindow < 1 || v.capacityPerWindow > 50) problems.push('每个时段可回电数须为 1 到 50');
  problems.push(...weeklyFormProblems(v.weekly));
  if (v.enabled && !Object.keys(formToWeekly(v.weekly)).length) problems.push('启用的回电热线须至少设置一个回电时段');
  return problems;
}

export function toCallbackLineInput(v: CallbackLineFormValues): CallbackLineInput {
  if (v.hotlineId === undefined || v.capacityPerWindow === undefined) throw new Error('hotlineId and capacityPerWindow are required');
  return { hotlineId: v.hotlineId, weeklyHours: formToWeekly(v.weekly), capacityPerWindow: v.capacityPerWindow, enabled: v.enabled };
}

/**
 * Hotlines a call-back line may use: the region's own lines (national lines are answered by
 * others' duty staff, who do not take our call-backs), less those already used by another line.
 */
export function hotlineChoices(
  hotlines: readonly Hotline[],
  lines: readonly Pick<CallbackLine, 'id' | 'hotlineId'>[],
  editingId: number | null,
): { value: number; label: string; disabled: boolean }[] {
  const used = new Set(lines.filter((l) => l.id !== editingId).map((l) => l.hotlineId));
  return hotlines
    .filter((h) => !h.national && h.id > 0)
    .map((h) => ({ value: h.id, label: `${h.name}（${h.number} · ${h.regionName}）${used.has(h.id) ? ' · 已设置回电' : ''}`, disabled: used.has(h.id) }));
}
