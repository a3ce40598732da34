/** Psychological assistance hotlines: national lines built in, regional lines kept by region admins. */

export const HOTLINE_AUDIENCES = ['all', 'youth', 'women', 'elderly', 'workers'] as const;
export type HotlineAudience = (typeof HOTLINE_AUDIENCES)[number];
export const HOTLINE_AUDIENCE_LABELS: Record<HotlineAudience, string> = {
  all: '所有人',
  youth: '青少年',
  women: '妇女',
  elderly: '老年人',
  workers: '职工',
};

export interface Hotline {
  /** Negative ids are the built-in national lines, which cannot be edited. */
  id: number;
  name: string;
  /** Dialable digits, with `-` allowed between groups (e.g. `023-12356`, `400-161-9995`). */
  number: string;
  /** zh-CN service hours as published, e.g. `24小时` or `每天 8:00-22:00`. */
  hours: string;
  is24h: boolean;
  audiences: HotlineAudience[];
  /** Where the number was published (a notice, a website), so it can be re-checked. */
  source: string | null;
  /** null for a national line. */
  regionId: number | null;
  regionName: string;
  national: boolean;
  sortOrder: number;
}

export interface HotlineInput {
  name: string;
  number: string;
  hours: string;
  is24h: boolean;
  audiences: HotlineAudience[];
  source?: string | null;
  regionId: number;
  sortOrder?: number;
}

export const NATIONAL_REGION_NAME = '全国';

/**
 * National lines (../shared/domain: notice of 2024-12-25 for 12356). 12356 is first everywhere and
 * is always offered on the crisis path; the others are listed in the directory.
 */
export const NATIONAL_HOTLINES: readonly Hotline[] = [
  {
    id: -1,
    name: '全国统一心理援助热线',
    number: '12356',
    hours: '全国统一号码，接通当地心理援助热线（各地服务时段不同，每天不少于 18 小时）',
    is24h: false,
    audiences: ['all'],
    source: '国家卫生健康委 2024 年 12 月 25 日通知',
    regionId: null,
    regionName: NATIONAL_REGION_NAME,
    national: true,
    sortOrder: 0,
  },
  {
    id: -2,
    name: '希望24热线（生命危机干预）',
    number: '400-161-9995',
    hours: '24小时',
    is24h: true,
    audiences: ['all'],
    source: '希望24热线官方公布号码',
    regionId: null,
    regionName: NATIONAL_REGION_NAME,
    national: true,
    sortOrder: 1,
  },
  {
    id: -3,
    name: '12355 青少年服务台',
    number: '12355',
    hours: '各地服务时段不同',
    is24h: false,
    audiences: ['youth'],
    source: '共青团中央青少年服务热线',
    regionId: null,
    regionName: NATIONAL_REGION_NAME,
    national: true,
    sortOrder: 2,
  },
  {
    id: -4,
    name: '12338 妇女维权公益服务热线',
    number: '12338',
    hours: '各地服务时段不同',
    is24h: false,
    audiences: ['women'],
    source: '全国妇联妇女维权热线',
    regionId: null,
    regionName: NATIONAL_REGION_NAME,
    national: true,
    sortOrder: 3,
  },
];

export const CRISIS_HOTLINE_NUMBER = '12356';

/** Digits in groups joined by single hyphens, 3 to 20 digits in all. */
export const HOTLINE_NUMBER_PATTERN = /^\d+(-\d+)*$/;
export function isValidHotlineNumber(number: string): boolean {
  const digits = number.replace(/-/g, '');
  return HOTLINE_NUMBER_PATTERN.test(number) && digits.length >= 3 && digits.length <= 20;
}

/** What `Taro.makePhoneCall` is given: the number without separators. */
export function dialable(number: string): string {
  return number.replace(/-/g, '');
}

/**
 * The lines shown on a crisis card: 12356 first, then the 24-hour lines (the region's own before the
 * national ones, nearest region first as `regional` is ordered), without repeating a number.
 */
export function crisisHotlines(regional: readonly Hotline[]): Hotline[] {
  const first = NATIONAL_HOTLINES.filter((h) => h.number === CRISIS_HOTLINE_NUMBER);
  const round = [...regional.filter((h) => h.is24h), ...NATIONAL_HOTLINES.filter((h) => h.is24h)];
  const seen = new Set(first.map((h) => dialable(h.number)));
  const out = [...first];
  for (const h of round) {
    const key = dialable(h.number);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(h);
    }
  }
  return out;
}

/** The region whose lines are listed (default: the resident's, or for staff their own). */
export interface HotlineQuery {
  regionId?: number;
}
