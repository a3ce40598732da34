/** The availability editor's form values, their problems (worded for the row they concern) and the API input. */
import {
  HOURS_PROBLEM_MESSAGES,
  SESSION_MODE_LABELS,
  WEEKDAY_LABELS,
  validateTimeRanges,
  type AvailabilityBlock,
  type AvailabilityBlockInput,
  type AvailabilityException,
  type AvailabilityExceptionInput,
  type Counsellor,
  type SessionMode,
  type TimeRange,
  type Weekday,
} from '@xinqiao/shared';

/** One block as the editor holds it: any field may still be unpicked. */
export interface BlockFormValue {
  weekday?: Weekday;
  start?: string;
  end?: string;
  mode?: SessionMode;
  stationId?: number | null;
}

type Profile = Pick<Counsellor, 'modes' | 'stationIds'>;

export function blocksToForm(blocks: readonly Pick<AvailabilityBlock, 'weekday' | 'start' | 'end' | 'mode' | 'stationId'>[]): BlockFormValue[] {
  return [...blocks]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((b) => ({ weekday: b.weekday, start: b.start, end: b.end, mode: b.mode, stationId: b.stationId }));
}

/** What a row lacks or gets wrong on its own (no time yet, a station outside the profile …). */
function rowProblems(b: BlockFormValue, profile: Profile, withWeekday: boolean): string[] {
  const out: string[] = [];
  if (withWeekday && !b.weekday) out.push('请选择星期');
  if (!b.start || !b.end) out.push('请选择开始和结束时间');
  if (!b.mode) out.push('请选择咨询方式');
  else if (!profile.modes.includes(b.mode)) out.push(`该咨询师未开通${SESSION_MODE_LABELS[b.mode]}，请先在资质信息中勾选`);
  if (b.mode === 'in_person' && (b.stationId === null || b.stationId === undefined)) out.push('面询须选择站点');
  if (b.stationId !== null && b.stationId !== undefined && !profile.stationIds.includes(b.stationId)) out.push('所选站点不在该咨询师的服务站点中');
  return out;
}

/**
 * Every problem of a list of blocks, per row ("第2行：…"). Blocks of the same day (the same weekday,
 * or all rows of a dated exception) must not overlap: a counsellor is in one place at a time.
 */
export function blockProblems(blocks: readonly BlockFormValue[], profile: Profile, withWeekday = true): string[] {
  const problems: { row: number; text: string }[] = [];
  blocks.forEach((b, row) => rowProblems(b, profile, withWeekday).forEach((text) => problems.push({ row, text })));
  const groups = new Map<number, number[]>();
  blocks.forEach((b, row) => {
    if (!b.start || !b.end || (withWeekday && !b.weekday)) return;
    const key = withWeekday ? b.weekday! : 0;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  for (const rows of groups.values()) {
    const ranges: TimeRange[] = rows.map((r) => ({ start: blocks[r].start!, end: blocks[r].end! }));
    for (const p of validateTimeRanges(ranges)) {
      if (p.index !== undefined) problems.push({ row: rows[p.index], text: HOURS_PROBLEM_MESSAGES[p.code] });
    }
  }
  return problems.sort((a, b) => a.row - b.row).map((p) => `第${p.row + 1}行：${p.text}`);
}

/** Complete rows -> the week as PUT takes it, by weekday and start. */
export function toBlockInputs(blocks: readonly BlockFormValue[]): AvailabilityBlockInput[] {
  return blocks
    .filter((b) => b.weekday && b.start && b.end && b.mode)
    .map((b) => ({ weekday: b.weekday!, start: b.start!, end: b.end!, mode: b.mode!, stationId: b.stationId ?? null }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

/** Hours offered per week: "每周 12.5 小时". */
export function weeklyHoursText(blocks: readonly Pick<AvailabilityBlockInput, 'start' | 'end'>[]): string {
  const minutes = blocks.reduce((n, b) => {
    const [sh, sm] = b.start.split(':').map(Number);
    const [eh, em] = b.end.split(':').map(Number);
    return n + Math.max(0, eh * 60 + em - (sh * 60 + sm));
  }, 0);
  return `每周 ${Math.round((minutes / 60) * 10) / 10} 小时`;
}

/** A block in one line: "周二 09:00-12:00 面询 · 萱花社区心理咨询室". */
export function blockText(
  b: Pick<AvailabilityBlockInput, 'start' | 'end' | 'mode' | 'stationId'> & { weekday?: Weekday },
  stationName: (id: number) => string,
): string {
  const day = b.weekday ? `${WEEKDAY_LABELS[b.weekday]} ` : '';
  const where = b.stationId !== null ? ` · ${stationName(b.stationId)}` : '';
  return `${day}${b.start}-${b.end} ${SESSION_MODE_LABELS[b.mode]}${where}`;
}

/** A dated exception as its modal holds it. */
export interface ExceptionFormValue {
  date: string;
  /** Off all day, or these blocks instead of the week's. */
  off: boolean;
  blocks: BlockFormValue[];
  note?: string | null;
}

export function exceptionProblems(v: ExceptionFormValue, profile: Profile): string[] {
  if (v.off) return [];
  if (!v.blocks?.length) return ['请添加至少一个可预约时段，或选择“全天休息”'];
  return blockProblems(v.blocks, profile, false);
}

export function toExceptionInput(v: ExceptionFormValue): AvailabilityExceptionInput {
  const note = v.note?.trim() ? v.note.trim() : null;
  if (v.off) return { date: v.date, blocks: [], note };
  const blocks = v.blocks
    .filter((b) => b.start && b.end && b.mode)
    .map((b) => ({ start: b.start!, end: b.end!, mode: b.mode!, stationId: b.stationId ?? null }))
    .sort((a, b) => a.start.localeCompare(b.start));
  return { date: v.date, blocks, note };
}

export function exceptionSummary(e: Pick<AvailabilityException, 'blocks'>, stationName: (id: number) => string): string {
  return e.blocks.length ? e.blocks.map((b) => blockText(b, stationName)).join('；') : '全天休息';
}
