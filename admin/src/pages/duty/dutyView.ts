import { DUTY_ENTRY_PROBLEM_MESSAGES, parseHm, validateDutyEntry, type DutyEntry, type DutyEntryInput, type Weekday } from '@xinqiao/shared';

export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** `22:00–次日 08:00`, `00:00–24:00`, `09:00–17:00`. */
export function shiftText(e: Pick<DutyEntry, 'start' | 'end'>): string {
  const start = parseHm(e.start);
  const end = parseHm(e.end);
  const overnight = start !== null && end !== null && end <= start;
  return `${e.start}–${overnight ? '次日 ' : ''}${e.end}`;
}

/** The weekly shifts by weekday, each day by start time then role (primary first). */
export function weekColumns(entries: readonly DutyEntry[]): Record<Weekday, DutyEntry[]> {
  const columns = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as DutyEntry[]])) as Record<Weekday, DutyEntry[]>;
  for (const e of entries) if (e.weekday !== null) columns[e.weekday].push(e);
  for (const d of WEEKDAYS) columns[d].sort((a, b) => a.start.localeCompare(b.start) || (a.role === b.role ? a.id - b.id : a.role === 'primary' ? -1 : 1));
  return columns;
}

/** Dated shifts from `today` on, soonest first (past ones no longer matter). */
export function upcomingDated(entries: readonly DutyEntry[], today: string): DutyEntry[] {
  return entries.filter((e) => e.date !== null && e.date >= today).sort((a, b) => a.date!.localeCompare(b.date!) || a.start.localeCompare(b.start));
}

/** Half-hour steps for the time pickers; an end may be 24:00 (midnight at the end of the day). */
export function timeOptions(forEnd: boolean): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let m = forEnd ? 30 : 0; m <= (forEnd ? 1440 : 1410); m += 30) {
    const v = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    out.push({ value: v, label: v });
  }
  return out;
}

export interface DutyFormValues {
  staffId?: number;
  kind: 'weekly' | 'dated';
  /** Several weekdays make one shift each; editing keeps one. */
  weekdays: Weekday[];
  date?: string;
  start: string;
  end: string;
  role: DutyEntryInput['role'];
}

/** The entries a form makes (one per weekday chosen), or the problems in zh, as the server would word them. */
export function dutyInputs(regionId: number, v: DutyFormValues, today: string): { inputs: DutyEntryInput[]; problems: string[] } {
  const problems: string[] = [];
  if (!v.staffId) problems.push('请选择值班人员');
  const base = { regionId, staffId: v.staffId ?? 0, start: v.start, end: v.end, role: v.role };
  const inputs: DutyEntryInput[] =
    v.kind === 'weekly' ? v.weekdays.map((weekday) => ({ ...base, weekday, date: null })) : [{ ...base, weekday: null, date: v.date ?? null }];
  if (v.kind === 'weekly' && !v.weekdays.length) problems.push('请选择每周哪几天值班');
  if (v.kind === 'dated' && !v.date) problems.push('请选择值班日期');
  for (const input of inputs.slice(0, 1)) {
    for (const p of validateDutyEntry(input, today)) {
      const text = DUTY_ENTRY_PROBLEM_MESSAGES[p.code];
      if (!problems.includes(text)) problems.push(text);
    }
  }
  return { inputs, problems };
}
