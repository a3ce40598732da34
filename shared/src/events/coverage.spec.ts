import { computeCoverage, summariseEventStats, type CoverageEvent, type CoverageRegion, type CoverageUnit, type EventStatsInput } from './coverage';

const H = 3_600_000;
/** Noon China time on a day of 2026. */
const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date, 4, 0));
const AS_OF = day(7, 1);

const regions: CoverageRegion[] = [
  { id: 10, name: '胜利路社区', path: '/1/2/3/10/', urbanRural: 'urban' },
  { id: 11, name: '红旗村', path: '/1/2/3/11/', urbanRural: 'rural' },
  { id: 12, name: '新华社区', path: '/1/2/3/12/', urbanRural: null },
];
const units: CoverageUnit[] = [
  { id: 1, name: '区教委', placeType: 'agency', regionPath: '/1/2/', staffCount: 150 },
  { id: 2, name: '永川中学', placeType: 'school', regionPath: '/1/2/3/', staffCount: 101 },
  { id: 3, name: '小作坊', placeType: 'enterprise', regionPath: '/1/2/3/', staffCount: 100 },
  { id: 4, name: '某商场', placeType: 'public_place', regionPath: '/1/2/3/', staffCount: null },
];

let nextId = 1;
function ev(over: Partial<CoverageEvent> & Pick<CoverageEvent, 'placeType'>): CoverageEvent {
  const startsAt = over.startsAt ?? day(3, 1);
  return {
    id: nextId++,
    kind: 'lecture',
    status: 'finished',
    regionPath: '/1/2/3/10/',
    hostUnitId: null,
    endsAt: new Date(startsAt.getTime() + 1.5 * H),
    ...over,
    startsAt,
  };
}

describe('computeCoverage', () => {
  it('finds communities and villages below 2 lectures and units over 100 staff below 1', () => {
    const events = [
      ev({ placeType: 'community', regionPath: '/1/2/3/10/' }),
      ev({ placeType: 'community', regionPath: '/1/2/3/10/', startsAt: day(4, 1) }),
      ev({ placeType: 'village', regionPath: '/1/2/3/11/' }),
      ev({ placeType: 'agency', regionPath: '/1/2/', hostUnitId: 1 }),
    ];
    const result = computeCoverage({ year: 2026, asOf: AS_OF, regions, units, events });
    expect(result.regions.map((r) => [r.name, r.kind, r.held, r.missing, r.met])).toEqual([
      ['新华社区', 'community', 0, 2, false],
      ['红旗村', 'village', 1, 1, false],
      ['胜利路社区', 'community', 2, 0, true],
    ]);
    expect(result.units.map((u) => [u.name, u.held, u.missing, u.met])).toEqual([
      ['永川中学', 0, 1, false],
      ['区教委', 1, 0, true],
    ]);
    expect(result.unitsWithoutStaffCount).toEqual([{ unitId: 4, name: '某商场' }]);
  });

  it('counts only lectures actually held in the China-time year', () => {
    const events = [
      ev({ placeType: 'community', status: 'cancelled' }),
      ev({ placeType: 'community', status: 'draft' }),
      ev({ placeType: 'community', kind: 'activity' }),
      // 07:30 on 1 January 2026 China time (still 2025 in UTC): counts.
      ev({ placeType: 'community', startsAt: new Date(Date.UTC(2025, 11, 31, 23, 30)) }),
      // 23:30 on 31 December 2025 and 00:30 on 1 January 2027 China time: other years.
      ev({ placeType: 'community', startsAt: new Date(Date.UTC(2025, 11, 31, 15, 30)) }),
      ev({ placeType: 'community', startsAt: new Date(Date.UTC(2026, 11, 31, 16, 30)) }),
    ];
    const row = computeCoverage({ year: 2026, asOf: new Date(Date.UTC(2027, 1, 1)), regions, units: [], events }).regions.find((r) => r.regionId === 10)!;
    expect(row).toMatchObject({ held: 1, planned: 0, missing: 1 });
  });

  it('shows published events still to come as planned, and a published event that has ended as held', () => {
    const events = [
      ev({ placeType: 'community', status: 'published', startsAt: day(9, 1) }),
      ev({ placeType: 'community', status: 'published', startsAt: day(5, 1) }),
    ];
    const row = computeCoverage({ year: 2026, asOf: AS_OF, regions, units: [], events }).regions.find((r) => r.regionId === 10)!;
    expect(row).toMatchObject({ held: 1, planned: 1, required: 2, missing: 1, met: false });
  });

  it('counts lectures held below a region, and not other place types or other regions', () => {
    const events = [
      ev({ placeType: 'community', regionPath: '/1/2/3/10/99/' }),
      ev({ placeType: 'school', regionPath: '/1/2/3/10/' }),
      ev({ placeType: 'community', regionPath: '/1/2/3/100/' }),
    ];
    const row = computeCoverage({ year: 2026, asOf: AS_OF, regions, units: [], events }).regions.find((r) => r.regionId === 10)!;
    expect(row.held).toBe(1);
  });

  it('counts unit lectures of 60 minutes or more only', () => {
    const short = ev({ placeType: 'school', hostUnitId: 2 });
    short.endsAt = new Date(short.startsAt.getTime() + 59 * 60_000);
    const exact = ev({ placeType: 'school', hostUnitId: 1 });
    exact.endsAt = new Date(exact.startsAt.getTime() + 60 * 60_000);
    const rows = computeCoverage({ year: 2026, asOf: AS_OF, regions: [], units, events: [short, exact] }).units;
    expect(rows.find((u) => u.unitId === 2)).toMatchObject({ held: 0, met: false });
    expect(rows.find((u) => u.unitId === 1)).toMatchObject({ held: 1, met: true });
  });

  it('takes other rules', () => {
    const events = [ev({ placeType: 'community', kind: 'activity' }), ev({ placeType: 'community' })];
    const result = computeCoverage({
      year: 2026,
      asOf: AS_OF,
      regions,
      units,
      events,
      rules: { regionLecturesPerYear: 1, unitStaffThreshold: 99, countedKinds: ['lecture', 'activity'] },
    });
    expect(result.regions.find((r) => r.regionId === 10)).toMatchObject({ held: 2, required: 1, met: true });
    expect(result.units.map((u) => u.unitId).sort()).toEqual([1, 2, 3]);
  });
});

describe('summariseEventStats', () => {
  const row = (over: Partial<EventStatsInput>): EventStatsInput => ({
    placeType: 'community',
    status: 'finished',
    startsAt: day(3, 1),
    endsAt: new Date(day(3, 1).getTime() + 2 * H),
    region: { id: 3, name: '胜利路街道' },
    signUps: 10,
    attended: 8,
    ...over,
  });
  const events = [
    row({}),
    row({ placeType: 'school', signUps: 30, attended: 27, region: { id: 4, name: '中山路街道' } }),
    row({ placeType: 'community', signUps: 0, attended: 0, startsAt: day(4, 2), endsAt: day(4, 3) }),
    row({ placeType: 'agency', status: 'published', startsAt: day(8, 1), endsAt: day(8, 2) }),
    row({ placeType: 'agency', status: 'cancelled' }),
    row({ placeType: 'agency', status: 'draft' }),
  ];

  it('groups by place type in the six-places order, with a total', () => {
    const { rows, total } = summariseEventStats(events, 'placeType', AS_OF);
    expect(rows.map((r) => [r.label, r.eventsHeld, r.eventsPlanned, r.signUps, r.attended, r.attendanceRate])).toEqual([
      ['机关', 0, 1, 0, 0, null],
      ['学校', 1, 0, 30, 27, 0.9],
      ['社区', 2, 0, 10, 8, 0.8],
    ]);
    expect(total).toMatchObject({ key: 'total', eventsHeld: 3, eventsPlanned: 1, signUps: 40, attended: 35, attendanceRate: 35 / 40 });
  });

  it('groups by region and by China-time month', () => {
    expect(summariseEventStats(events, 'region', AS_OF).rows.map((r) => [r.key, r.label, r.eventsHeld + r.eventsPlanned])).toEqual([
      ['3', '胜利路街道', 3],
      ['4', '中山路街道', 1],
    ]);
    const late = row({ startsAt: new Date(Date.UTC(2026, 2, 31, 17, 0)), endsAt: new Date(Date.UTC(2026, 2, 31, 18, 0)) });
    expect(summariseEventStats([...events, late], 'month', AS_OF).rows.map((r) => [r.key, r.eventsHeld])).toEqual([
      ['2026-03', 2],
      ['2026-04', 2],
      ['2026-08', 0],
    ]);
  });
});
