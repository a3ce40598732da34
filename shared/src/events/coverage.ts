/**
 * Coverage of the yearly "六进" quotas and event statistics. The policy documents (domain README,
 * seeds 000/002) ask for at least 2 lectures a year in each village and community, and at least 1
 * lecture of 60 minutes or more a year in each unit with more than 100 staff. The numbers are
 * defaults an administrator can change.
 */
import { isWithin, type UrbanRural } from '../regions';
import { attendanceRate } from './checkin';
import { chinaMonth, chinaYear } from '../common/time';
import { PLACE_TYPE_LABELS, PLACE_TYPES, effectiveEventStatus, type EventKind, type EventStatus, type PlaceType } from './types';

export interface CoverageRules {
  /** Lectures a year each village/community needs. */
  regionLecturesPerYear: number;
  /** Units with MORE staff than this have a quota. */
  unitStaffThreshold: number;
  /** Lectures a year each such unit needs. */
  unitLecturesPerYear: number;
  /** A unit's lecture counts only if it lasts at least this long. */
  unitMinMinutes: number;
  /** Which kinds of event fill a quota. */
  countedKinds: EventKind[];
}

export const DEFAULT_COVERAGE_RULES: CoverageRules = {
  regionLecturesPerYear: 2,
  unitStaffThreshold: 100,
  unitLecturesPerYear: 1,
  unitMinMinutes: 60,
  countedKinds: ['lecture'],
};

/** A community or village (a leaf of the region tree). */
export interface CoverageRegion {
  id: number;
  name: string;
  path: string;
  urbanRural: UrbanRural | null;
}

/** A unit events are held for (机关, 企业, 学校 …). */
export interface CoverageUnit {
  id: number;
  name: string;
  placeType: PlaceType;
  regionPath: string;
  /** Null while unknown: such a unit cannot be judged and is counted apart. */
  staffCount: number | null;
}

export interface CoverageEvent {
  id: number;
  kind: EventKind;
  placeType: PlaceType;
  status: EventStatus;
  regionPath: string;
  hostUnitId: number | null;
  startsAt: Date;
  endsAt: Date;
}

interface QuotaCounts {
  /** Counted events that have taken place. */
  held: number;
  /** Counted events published for later in the year: they will close the gap if they happen. */
  planned: number;
  required: number;
  /** Lectures still needed, not counting planned ones. */
  missing: number;
  met: boolean;
}

export interface RegionCoverage extends QuotaCounts {
  regionId: number;
  name: string;
  path: string;
  /** `village` for rural regions, `community` otherwise. */
  kind: 'community' | 'village';
}

export interface UnitCoverage extends QuotaCounts {
  unitId: number;
  name: string;
  placeType: PlaceType;
  staffCount: number;
}

export interface CoverageResult {
  year: number;
  regions: RegionCoverage[];
  units: UnitCoverage[];
  /** Units whose staff count is unknown, so whether they have a quota is unknown. */
  unitsWithoutStaffCount: { unitId: number; name: string }[];
}

export interface CoverageInput {
  year: number;
  /** Events end before this to count as held (usually now). */
  asOf: Date;
  regions: readonly CoverageRegion[];
  units: readonly CoverageUnit[];
  /** Any events; those of other years, cancelled or drafts are ignored here. */
  events: readonly CoverageEvent[];
  rules?: Partial<CoverageRules>;
}

type Stage = 'held' | 'planned' | null;

function stageOf(e: CoverageEvent, year: number, asOf: Date): Stage {
  if (chinaYear(e.startsAt) !== year) return null;
  const status = effectiveEventStatus(e.status, e.endsAt, asOf);
  if (status === 'finished') return 'held';
  return status === 'published' ? 'planned' : null;
}

function counts(stages: Stage[], required: number): QuotaCounts {
  const held = stages.filter((s) => s === 'held').length;
  const planned = stages.filter((s) => s === 'planned').length;
  const missing = Math.max(0, required - held);
  return { held, planned, required, missing, met: missing === 0 };
}

/** Below-quota rows first, the furthest behind first, then by name. */
function byNeed<T extends QuotaCounts & { name: string }>(a: T, b: T): number {
  return Number(a.met) - Number(b.met) || b.missing - a.missing || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Which villages/communities and which units have (not yet) had their yearly lectures.
 * - a village/community counts the lectures held in it (its region or below) into 农村 or 社区;
 * - a unit counts the lectures held for it (its host unit) of at least `unitMinMinutes`, any place type;
 * - only units with more than `unitStaffThreshold` staff have a quota.
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const rules: CoverageRules = { ...DEFAULT_COVERAGE_RULES, ...input.rules };
  const counted = input.events
    .filter((e) => rules.countedKinds.includes(e.kind))
    .map((e) => ({ e, stage: stageOf(e, input.year, input.asOf) }))
    .filter((x) => x.stage !== null);

  const regions = input.regions.map((r): RegionCoverage => {
    const stages = counted.filter(({ e }) => (e.placeType === 'community' || e.placeType === 'village') && isWithin(e.regionPath, r.path)).map((x) => x.stage);
    return {
      regionId: r.id,
      name: r.name,
      path: r.path,
      kind: r.urbanRural === 'rural' ? 'village' : 'community',
      ...counts(stages, rules.regionLecturesPerYear),
    };
  });

  const minMs = rules.unitMinMinutes * 60_000;
  const units: UnitCoverage[] = [];
  const unitsWithoutStaffCount: CoverageResult['unitsWithoutStaffCount'] = [];
  for (const u of input.units) {
    if (u.staffCount === null) {
      unitsWithoutStaffCount.push({ unitId: u.id, name: u.name });
      continue;
    }
    if (u.staffCount <= rules.unitStaffThreshold) continue;
    const stages = counted.filter(({ e }) => e.hostUnitId === u.id && e.endsAt.getTime() - e.startsAt.getTime() >= minMs).map((x) => x.stage);
    units.push({ unitId: u.id, name: u.name, placeType: u.placeType, staffCount: u.staffCount, ...counts(stages, rules.unitLecturesPerYear) });
  }

  return { year: input.year, regions: regions.sort(byNeed), units: units.sort(byNeed), unitsWithoutStaffCount };
}

export const EVENT_STATS_GROUPS = ['placeType', 'region', 'month'] as const;
export type EventStatsGroup = (typeof EVENT_STATS_GROUPS)[number];
export const EVENT_STATS_GROUP_LABELS: Record<EventStatsGroup, string> = { placeType: '按场所类型', region: '按地区', month: '按月份' };

/** One event with its counts, as the statistics read it. */
export interface EventStatsInput {
  placeType: PlaceType;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  /** The region to report it under (the caller rolls events up to e.g. the streets of a district). */
  region: { id: number; name: string };
  /** Seats confirmed at the event (online sign-ups and walk-ins). */
  signUps: number;
  /** People checked in. */
  attended: number;
}

export interface EventStatsRow {
  key: string;
  label: string;
  /** Events that have taken place. */
  eventsHeld: number;
  /** Published events still to come. */
  eventsPlanned: number;
  /** Sign-ups of the events held. */
  signUps: number;
  attended: number;
  /** attended / signUps of the events held, null when there were none. */
  attendanceRate: number | null;
}

/**
 * Events held, sign-ups and attendance grouped by place type, region or China-time month. Drafts
 * and cancelled events are left out. Rows follow PLACE_TYPES order, region id, or month.
 */
export function summariseEventStats(events: readonly EventStatsInput[], groupBy: EventStatsGroup, asOf: Date): { rows: EventStatsRow[]; total: EventStatsRow } {
  const rows = new Map<string, EventStatsRow & { order: number | string }>();
  const blank = (key: string, label: string): EventStatsRow => ({
    key,
    label,
    eventsHeld: 0,
    eventsPlanned: 0,
    signUps: 0,
    attended: 0,
    attendanceRate: null,
  });
  const total = blank('total', '合计');
  for (const e of events) {
    const status = effectiveEventStatus(e.status, e.endsAt, asOf);
    if (status !== 'finished' && status !== 'published') continue;
    let key: string;
    let label: string;
    let order: number | string;
    if (groupBy === 'placeType') [key, label, order] = [e.placeType, PLACE_TYPE_LABELS[e.placeType], PLACE_TYPES.indexOf(e.placeType)];
    else if (groupBy === 'region') [key, label, order] = [String(e.region.id), e.region.name, e.region.id];
    else [key, label, order] = [chinaMonth(e.startsAt), chinaMonth(e.startsAt), chinaMonth(e.startsAt)];
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ...blank(key, label), order }));
    for (const r of [row, total]) {
      if (status === 'finished') {
        r.eventsHeld++;
        r.signUps += e.signUps;
        r.attended += e.attended;
      } else r.eventsPlanned++;
    }
  }
  const out = [...rows.values()]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((row): EventStatsRow => ({
      key: row.key,
      label: row.label,
      eventsHeld: row.eventsHeld,
      eventsPlanned: row.eventsPlanned,
      signUps: row.signUps,
      attended: row.attended,
      attendanceRate: attendanceRate(row.attended, row.signUps),
    }));
  return { rows: out, total: { ...total, attendanceRate: attendanceRate(total.attended, total.signUps) } };
}
