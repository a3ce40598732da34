import {
  homeRegion,
  ladderStep,
  nextEscalation,
  nextStep,
  noticeTime,
  parseHm,
  parseQuietHours,
  quietHoursEnd,
  shiftsAt,
  topLevel,
  type LadderRegion,
  type OnDuty,
  type RosterShift,
} from './escalation';

// 2026-03-02 is a Monday. China time is UTC+8: 10:00 in Beijing is 02:00Z.
const shift = (s: Partial<RosterShift>): RosterShift => ({
  regionId: 10,
  staffId: 1,
  weekday: null,
  date: null,
  start: '09:00',
  end: '17:00',
  role: 'primary',
  ...s,
});
const z = (iso: string) => new Date(iso);

describe('parseHm', () => {
  it('reads HH:mm and 24:00, nothing else', () => {
    expect(parseHm('00:00')).toBe(0);
    expect(parseHm('07:30')).toBe(450);
    expect(parseHm('23:59')).toBe(1439);
    expect(parseHm('24:00')).toBe(1440);
    expect(parseHm('24:01')).toBeNull();
    expect(parseHm('9:00')).toBeNull();
    expect(parseHm('12:60')).toBeNull();
  });
});

describe('shiftsAt: who is on duty at an instant', () => {
  it('covers a weekly day shift from its start (included) to its end (excluded), in China time', () => {
    const monday = shift({ weekday: 1 });
    // Monday 10:00 China.
    expect(shiftsAt([monday], z('2026-03-02T02:00:00Z'))).toEqual([{ shift: monday, until: z('2026-03-02T09:00:00Z') }]);
    // Monday 09:00 China is in, 08:59 and 17:00 are out.
    expect(shiftsAt([monday], z('2026-03-02T01:00:00Z'))).toHaveLength(1);
    expect(shiftsAt([monday], z('2026-03-02T00:59:00Z'))).toEqual([]);
    expect(shiftsAt([monday], z('2026-03-02T09:00:00Z'))).toEqual([]);
    // Monday 10:00 UTC is 18:00 China; Tuesday 02:00Z (10:00 China) is a Tuesday.
    expect(shiftsAt([monday], z('2026-03-03T02:00:00Z'))).toEqual([]);
  });

  it('carries an overnight shift into the next morning, counted on the day it starts', () => {
    const night = shift({ weekday: 1, start: '22:00', end: '08:00' });
    // Tuesday 03:00 China = Monday 19:00Z: Monday's night shift, ending Tuesday 08:00 China (00:00Z).
    expect(shiftsAt([night], z('2026-03-02T19:00:00Z'))).toEqual([{ shift: night, until: z('2026-03-03T00:00:00Z') }]);
    // Monday 03:00 China would be Sunday's night shift: not this one.
    expect(shiftsAt([night], z('2026-03-01T19:00:00Z'))).toEqual([]);
    // Monday 22:00 China = 14:00Z.
    expect(shiftsAt([night], z('2026-03-02T14:00:00Z'))).toHaveLength(1);
  });

  it('runs an all-day shift to the next midnight (24:00)', () => {
    const sunday = shift({ weekday: 7, start: '00:00', end: '24:00' });
    // Sunday 2026-03-08 23:59 China = 15:59Z; it ends at Monday 00:00 China = Sunday 16:00Z.
    expect(shiftsAt([sunday], z('2026-03-08T15:59:00Z'))).toEqual([{ shift: sunday, until: z('2026-03-08T16:00:00Z') }]);
    expect(shiftsAt([sunday], z('2026-03-08T16:00:00Z'))).toEqual([]);
  });

  it("lets a region's dated shifts replace its weekly shifts of that day, and only that region's", () => {
    const weekly = shift({ weekday: 2, staffId: 1 });
    const holiday = shift({ date: '2026-03-03', staffId: 2, start: '09:00', end: '12:00' });
    const otherRegion = shift({ weekday: 2, staffId: 3, regionId: 20 });
    const all = [weekly, holiday, otherRegion];
    // Tuesday 10:00 China.
    expect(shiftsAt(all, z('2026-03-03T02:00:00Z')).map((s) => s.shift.staffId)).toEqual([2, 3]);
    // Tuesday 13:00 China: the dated shift is over and the weekly one does not apply that day.
    expect(shiftsAt(all, z('2026-03-03T05:00:00Z')).map((s) => s.shift.staffId)).toEqual([3]);
    // The next Tuesday the weekly shift is back.
    expect(shiftsAt(all, z('2026-03-10T05:00:00Z')).map((s) => s.shift.staffId)).toEqual([1, 3]);
  });

  it("keeps the previous night's weekly shift when the next day has dated shifts", () => {
    const mondayNight = shift({ weekday: 1, staffId: 1, start: '20:00', end: '08:00' });
    const tuesday = shift({ date: '2026-03-03', staffId: 2, start: '08:00', end: '20:00' });
    // Tuesday 07:00 China = Monday 23:00Z.
    expect(shiftsAt([mondayNight, tuesday], z('2026-03-02T23:00:00Z')).map((s) => s.shift.staffId)).toEqual([1]);
    // Tuesday 08:00 China.
    expect(shiftsAt([mondayNight, tuesday], z('2026-03-03T00:00:00Z')).map((s) => s.shift.staffId)).toEqual([2]);
  });
});

describe('the escalation ladder', () => {
  // community 4 < street 3 < district 2 < city 1; the street has admin 30, the district admin 20.
  const chain: LadderRegion[] = [
    { id: 4, adminIds: [] },
    { id: 3, adminIds: [30] },
    { id: 2, adminIds: [20] },
    { id: 1, adminIds: [] },
  ];
  const duty = (staffId: number, regionId: number, role: OnDuty['role']): OnDuty => ({ staffId, regionId, role });
  const street = [duty(11, 3, 'primary'), duty(12, 3, 'backup'), duty(41, 1, 'primary')];

  it('sends an alert of a community with nobody on duty to the street on duty', () => {
    expect(homeRegion(chain, street)).toEqual({ home: 1, passed: [4] });
    expect(homeRegion(chain, [duty(5, 4, 'backup'), ...street])).toEqual({ home: 0, passed: [] });
  });

  it('climbs primary, backup, region admins, then each centre up to the root', () => {
    expect(ladderStep(0, chain, 1, street)).toEqual({ level: 0, kind: 'primary', regionId: 3, staffIds: [11] });
    expect(ladderStep(1, chain, 1, street)).toEqual({ level: 1, kind: 'backup', regionId: 3, staffIds: [12] });
    expect(ladderStep(2, chain, 1, street)).toEqual({ level: 2, kind: 'region_admin', regionId: 3, staffIds: [30] });
    // Nobody on duty in the district: its region admins are its centre.
    expect(ladderStep(3, chain, 1, street)).toEqual({ level: 3, kind: 'centre_admin', regionId: 2, staffIds: [20] });
    expect(ladderStep(4, chain, 1, street)).toEqual({ level: 4, kind: 'centre_on_duty', regionId: 1, staffIds: [41] });
    expect(ladderStep(5, chain, 1, street)).toBeNull();
    expect(topLevel(chain.length, 1)).toBe(4);
    expect(topLevel(chain.length, 0)).toBe(5);
  });

  it("takes a centre's backup when it has no primary on duty", () => {
    expect(ladderStep(3, chain, 1, [...street, duty(21, 2, 'backup')])).toEqual({ level: 3, kind: 'centre_on_duty', regionId: 2, staffIds: [21] });
  });

  it('passes over empty steps and says which', () => {
    const noBackup = [duty(11, 3, 'primary')];
    expect(nextStep(1, chain, 1, noBackup)).toEqual({
      step: { level: 2, kind: 'region_admin', regionId: 3, staffIds: [30] },
      skipped: [{ level: 1, kind: 'backup', regionId: 3, staffIds: [] }],
    });
    expect(nextStep(0, chain, 1, noBackup).step).toEqual({ level: 0, kind: 'primary', regionId: 3, staffIds: [11] });
  });

  it('goes to the region admins up the chain when nobody is on duty anywhere', () => {
    const { home } = homeRegion(chain, []);
    expect(home).toBe(0);
    const { step, skipped } = nextStep(0, chain, home, []);
    expect(skipped.map((s) => [s.level, s.kind, s.regionId])).toEqual([
      [0, 'primary', 4],
      [1, 'backup', 4],
      [2, 'region_admin', 4],
    ]);
    expect(step).toEqual({ level: 3, kind: 'centre_admin', regionId: 3, staffIds: [30] });
  });

  it('ends when every step from here up is empty', () => {
    const bare: LadderRegion[] = [
      { id: 4, adminIds: [] },
      { id: 1, adminIds: [] },
    ];
    expect(nextStep(0, bare, 0, [])).toEqual({ step: null, skipped: expect.any(Array) });
    expect(nextStep(0, bare, 0, []).skipped).toHaveLength(4);
    expect(nextStep(5, chain, 1, street)).toEqual({ step: null, skipped: [] });
  });

  it('lists each person once, in id order', () => {
    expect(ladderStep(0, chain, 1, [duty(13, 3, 'primary'), duty(11, 3, 'primary'), duty(13, 3, 'primary')])!.staffIds).toEqual([11, 13]);
  });
});

describe('nextEscalation', () => {
  const last = z('2026-03-02T02:00:00Z');
  const red = { colour: 'red' as const, status: 'open' as const, dueAt: z('2026-03-03T02:00:00Z'), firstFollowUpAt: null, lastStepAt: last, done: false };

  it('escalates an unclaimed red alert 30 minutes after the last step', () => {
    expect(nextEscalation(red, 30)).toEqual({ at: z('2026-03-02T02:30:00Z'), reason: 'unclaimed' });
    expect(nextEscalation(red, 5)).toEqual({ at: z('2026-03-02T02:05:00Z'), reason: 'unclaimed' });
  });

  it('stops at claim until the first follow-up deadline passes without a follow-up', () => {
    expect(nextEscalation({ ...red, status: 'claimed' }, 30)).toEqual({ at: z('2026-03-03T02:00:00Z'), reason: 'overdue' });
    // A deadline that passed right after the last step: still 30 minutes between two steps.
    expect(nextEscalation({ ...red, status: 'claimed', dueAt: z('2026-03-02T02:10:00Z') }, 30)).toEqual({ at: z('2026-03-02T02:30:00Z'), reason: 'overdue' });
    expect(nextEscalation({ ...red, status: 'claimed', firstFollowUpAt: z('2026-03-02T03:00:00Z') }, 30)).toBeNull();
  });

  it('never escalates yellow, closed or used-up alerts', () => {
    expect(nextEscalation({ ...red, colour: 'yellow' }, 30)).toBeNull();
    expect(nextEscalation({ ...red, status: 'closed' }, 30)).toBeNull();
    expect(nextEscalation({ ...red, done: true }, 30)).toBeNull();
  });
});

describe('quiet hours', () => {
  it('parses HH:mm-HH:mm and refuses anything else', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ start: 1320, end: 420 });
    expect(parseQuietHours(' 13:00 - 14:00 ')).toEqual({ start: 780, end: 840 });
    expect(parseQuietHours('22:00-24:00')).toEqual({ start: 1320, end: 0 });
    expect(parseQuietHours('')).toBeNull();
    expect(() => parseQuietHours('22:00')).toThrow(RangeError);
    expect(() => parseQuietHours('07:00-07:00')).toThrow(RangeError);
    expect(() => parseQuietHours('00:00-24:00')).toThrow(RangeError);
    expect(() => parseQuietHours('25:00-01:00')).toThrow(RangeError);
  });

  const quiet = { start: 1320, end: 420 };
  it('ends overnight quiet hours the next morning', () => {
    // Monday 23:30 China = 15:30Z -> Tuesday 07:00 China = Monday 23:00Z.
    expect(quietHoursEnd(z('2026-03-02T15:30:00Z'), quiet)).toEqual(z('2026-03-02T23:00:00Z'));
    // Tuesday 06:59 China = Monday 22:59Z -> the same 07:00.
    expect(quietHoursEnd(z('2026-03-02T22:59:00Z'), quiet)).toEqual(z('2026-03-02T23:00:00Z'));
    // 07:00 and 21:59 China are outside.
    expect(quietHoursEnd(z('2026-03-02T23:00:00Z'), quiet)).toBeNull();
    expect(quietHoursEnd(z('2026-03-02T13:59:00Z'), quiet)).toBeNull();
    expect(quietHoursEnd(z('2026-03-02T13:59:00Z'), null)).toBeNull();
  });

  it('ends daytime quiet hours the same day', () => {
    // 13:30 China = 05:30Z -> 14:00 China = 06:00Z.
    expect(quietHoursEnd(z('2026-03-02T05:30:00Z'), { start: 780, end: 840 })).toEqual(z('2026-03-02T06:00:00Z'));
  });

  it('holds yellow notices until quiet hours end, never red ones', () => {
    const night = z('2026-03-02T15:30:00Z');
    expect(noticeTime('yellow', night, quiet)).toEqual(z('2026-03-02T23:00:00Z'));
    expect(noticeTime('red', night, quiet)).toEqual(night);
    expect(noticeTime('yellow', z('2026-03-02T02:00:00Z'), quiet)).toEqual(z('2026-03-02T02:00:00Z'));
    expect(noticeTime('yellow', night, null)).toEqual(night);
  });
});
