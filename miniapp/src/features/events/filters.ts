import { CHINA_UTC_OFFSET_MINUTES, PLACE_TYPES, PLACE_TYPE_LABELS, type EventListQuery, type PlaceType } from '@xinqiao/shared';

export const EVENTS_PAGE_SIZE = 20;

export const DATE_RANGES = ['all', 'week', 'month'] as const;
export type DateRange = (typeof DATE_RANGES)[number];
export const DATE_RANGE_LABELS: Record<DateRange, string> = { all: '全部时间', week: '本周', month: '本月' };

/**
 * Where to look: around the resident's own community (the default), everywhere, or around a
 * community chosen in the cascade.
 */
export type RegionFilter = { kind: 'home' } | { kind: 'all' } | { kind: 'region'; id: number; name: string };

export interface EventFilters {
  placeType: PlaceType | null;
  region: RegionFilter;
  range: DateRange;
}

export const DEFAULT_EVENT_FILTERS: EventFilters = { placeType: null, region: { kind: 'home' }, range: 'all' };

/** Chip value for "any place"; the six place types keep their own values. */
export const ANY_PLACE = 'any';
export const PLACE_OPTIONS: ReadonlyArray<{ value: PlaceType | typeof ANY_PLACE; label: string }> = [
  { value: ANY_PLACE, label: '全部场所' },
  ...PLACE_TYPES.map((value) => ({ value, label: PLACE_TYPE_LABELS[value] })),
];
export const RANGE_OPTIONS: ReadonlyArray<{ value: DateRange; label: string }> = DATE_RANGES.map((value) => ({ value, label: DATE_RANGE_LABELS[value] }));

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;

/** Midnight China time of the given calendar day (month and day may overflow, as with Date.UTC). */
function chinaMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day) - OFFSET_MS);
}

/**
 * The end of this week (next Monday 00:00) or month (the 1st of next month 00:00) in China time,
 * where the events take place whatever the phone's time zone; null for all dates.
 */
export function rangeEnd(range: DateRange, now: Date): Date | null {
  if (range === 'all') return null;
  const c = new Date(now.getTime() + OFFSET_MS);
  const [y, m, d] = [c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate()];
  if (range === 'month') return chinaMidnight(y, m + 1, 1);
  const daysToMonday = (8 - c.getUTCDay()) % 7 || 7;
  return chinaMidnight(y, m, d + daysToMonday);
}

/** The region to send for the filter; null leaves it to the server. */
export function filterRegionId(region: RegionFilter, homeRegionId: number | null): number | null {
  if (region.kind === 'region') return region.id;
  if (region.kind === 'home') return homeRegionId;
  return null;
}

/**
 * GET /events for the filters. Without `from` the server lists events not yet ended, so a lecture
 * already under way still shows this week. "All regions" goes without the account: a signed-in
 * resident's list is otherwise narrowed to their own region by the server.
 */
export function eventListRequest(
  filters: EventFilters,
  homeRegionId: number | null,
  page: number,
  now: Date,
): { query: EventListQuery; auth: 'optional' | 'none' } {
  const query: EventListQuery = { page, pageSize: EVENTS_PAGE_SIZE };
  if (filters.placeType) query.placeType = filters.placeType;
  const regionId = filterRegionId(filters.region, homeRegionId);
  if (regionId !== null) query.regionId = regionId;
  const end = rangeEnd(filters.range, now);
  if (end) query.to = end.toISOString();
  return { query, auth: filters.region.kind === 'all' ? 'none' : 'optional' };
}
