import { isValidHotlineNumber, type Hotline, type HotlineAudience, type HotlineInput } from '@xinqiao/shared';

export interface HotlineFormValues {
  name: string;
  number: string;
  hours: string;
  is24h: boolean;
  audiences: HotlineAudience[];
  source?: string | null;
  regionId?: number;
  sortOrder?: number | null;
}

export const HOTLINE_NUMBER_HINT = '3-20 位数字，分组之间可用一个短横线分隔，如 023-12356、400-161-9995';
/** What residents see for a round-the-clock line; filled in when 24 小时 is switched on. */
export const HOURS_24 = '24小时';

/** zh-CN problem with a typed number, or null when it can be saved. */
export function hotlineNumberError(number: string | null | undefined): string | null {
  const value = (number ?? '').trim();
  if (!value) return '请输入电话号码';
  if (/\s/.test(value)) return '号码中不能有空格';
  return isValidHotlineNumber(value) ? null : `号码格式不正确：${HOTLINE_NUMBER_HINT}`;
}

export function emptyHotlineForm(regionId: number): HotlineFormValues {
  return { name: '', number: '', hours: '', is24h: false, audiences: ['all'], source: '', regionId, sortOrder: 0 };
}

export function hotlineToForm(h: Hotline): HotlineFormValues {
  return {
    name: h.name,
    number: h.number,
    hours: h.hours,
    is24h: h.is24h,
    audiences: h.audiences,
    source: h.source ?? '',
    regionId: h.regionId ?? undefined,
    sortOrder: h.sortOrder,
  };
}

/** Validated form values -> `HotlineInput` (trimmed; an empty source becomes null, no audience means everyone). */
export function toHotlineInput(v: HotlineFormValues): HotlineInput {
  if (v.regionId === undefined) throw new Error('regionId is required');
  const source = v.source?.trim();
  return {
    name: v.name.trim(),
    number: v.number.trim(),
    hours: v.hours.trim(),
    is24h: v.is24h,
    audiences: v.audiences?.length ? v.audiences : ['all'],
    source: source ? source : null,
    regionId: v.regionId,
    sortOrder: v.sortOrder ?? 0,
  };
}

/** National lines are built in: shown for reference, never edited here. */
export function isEditableHotline(h: Pick<Hotline, 'national' | 'id'>): boolean {
  return !h.national && h.id > 0;
}
