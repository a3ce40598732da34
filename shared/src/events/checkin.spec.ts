import { CHECKIN_REFUSAL_LABELS, CHECKIN_REFUSALS, attendanceOf, attendanceRate, checkinWindow, decideCheckin, type CheckinDecisionInput } from './checkin';

const M = 60_000;
const START = Date.UTC(2026, 5, 10, 6, 0);
const END = START + 120 * M;
const ev = { status: 'published' as const, startsAt: new Date(START), endsAt: new Date(END) };
const input = (over: Partial<CheckinDecisionInput> = {}): CheckinDecisionInput => ({
  event: ev,
  registration: { status: 'confirmed', checkedInAt: null },
  via: 'ticket',
  seatsLeft: 0,
  at: new Date(START),
  ...over,
});

describe('checkinWindow', () => {
  it('opens an hour before the start and closes half an hour after the end by default', () => {
    expect(checkinWindow(ev)).toEqual({ opensAt: new Date(START - 60 * M), closesAt: new Date(END + 30 * M) });
    expect(checkinWindow(ev, { opensBeforeMinutes: 0, closesAfterMinutes: 0 })).toEqual({ opensAt: ev.startsAt, closesAt: ev.endsAt });
  });
});

describe('decideCheckin', () => {
  it('checks in a confirmed registration inside the window, edges included', () => {
    expect(decideCheckin(input())).toEqual({ kind: 'check_in', confirm: false });
    expect(decideCheckin(input({ at: new Date(START - 60 * M) }))).toEqual({ kind: 'check_in', confirm: false });
    expect(decideCheckin(input({ at: new Date(END + 30 * M) }))).toEqual({ kind: 'check_in', confirm: false });
  });

  it('refuses outside the window', () => {
    expect(decideCheckin(input({ at: new Date(START - 60 * M - 1) }))).toEqual({ kind: 'refuse', reason: 'too_early' });
    expect(decideCheckin(input({ at: new Date(END + 30 * M + 1) }))).toEqual({ kind: 'refuse', reason: 'too_late' });
  });

  it('refuses cancelled and draft events, whatever the time', () => {
    expect(decideCheckin(input({ event: { ...ev, status: 'cancelled' } }))).toEqual({ kind: 'refuse', reason: 'event_cancelled' });
    expect(decideCheckin(input({ event: { ...ev, status: 'draft' } }))).toEqual({ kind: 'refuse', reason: 'not_published' });
  });

  it('accepts a finished event while its window is still open', () => {
    expect(decideCheckin(input({ event: { ...ev, status: 'finished' }, at: new Date(END + 10 * M) }))).toEqual({ kind: 'check_in', confirm: false });
  });

  it('is idempotent, even when the repeat arrives after the window', () => {
    const done = { status: 'confirmed' as const, checkedInAt: new Date(START) };
    expect(decideCheckin(input({ registration: done }))).toEqual({ kind: 'already_checked_in' });
    expect(decideCheckin(input({ registration: done, at: new Date(END + 600 * M) }))).toEqual({ kind: 'already_checked_in' });
  });

  it('takes turning up on an offer as accepting it', () => {
    expect(decideCheckin(input({ registration: { status: 'offered', checkedInAt: null } }))).toEqual({ kind: 'check_in', confirm: true });
  });

  it('refuses the ticket of a cancelled or expired registration', () => {
    for (const status of ['cancelled', 'expired', 'waitlisted'] as const) {
      expect(decideCheckin(input({ registration: { status, checkedInAt: null }, seatsLeft: 5 }))).toEqual({ kind: 'refuse', reason: 'ticket_revoked' });
    }
  });

  it('registers a walk-in from the screen code or staff when seats remain', () => {
    expect(decideCheckin(input({ via: 'screen_code', registration: null, seatsLeft: 1 }))).toEqual({ kind: 'walk_in' });
    expect(decideCheckin(input({ via: 'manual', registration: null, seatsLeft: 1 }))).toEqual({ kind: 'walk_in' });
    expect(decideCheckin(input({ via: 'screen_code', registration: { status: 'waitlisted', checkedInAt: null }, seatsLeft: 1 }))).toEqual({ kind: 'walk_in' });
    expect(decideCheckin(input({ via: 'screen_code', registration: { status: 'cancelled', checkedInAt: null }, seatsLeft: 1 }))).toEqual({ kind: 'walk_in' });
    expect(decideCheckin(input({ via: 'screen_code', registration: null, seatsLeft: 0 }))).toEqual({ kind: 'refuse', reason: 'full' });
  });

  it('asks a walk-in for the details the event needs, but only when a seat is there to take', () => {
    expect(decideCheckin(input({ via: 'screen_code', registration: null, seatsLeft: 1, detailsMissing: true }))).toEqual({
      kind: 'refuse',
      reason: 'details_required',
    });
    expect(decideCheckin(input({ via: 'screen_code', registration: null, seatsLeft: 0, detailsMissing: true }))).toEqual({ kind: 'refuse', reason: 'full' });
    // Someone holding a seat already gave the details at sign-up.
    expect(decideCheckin(input({ via: 'screen_code', detailsMissing: true }))).toEqual({ kind: 'check_in', confirm: false });
  });

  it('has a message for every refusal', () => {
    for (const r of CHECKIN_REFUSALS) expect(CHECKIN_REFUSAL_LABELS[r]).toBeTruthy();
  });
});

describe('attendanceOf', () => {
  it('is checked in, pending until the window closes, then absent; none for people without a seat', () => {
    const confirmed = { status: 'confirmed' as const, checkedInAt: null };
    expect(attendanceOf({ ...confirmed, checkedInAt: new Date(START) }, ev, new Date(END + 600 * M))).toBe('checked_in');
    expect(attendanceOf(confirmed, ev, new Date(END + 30 * M))).toBe('pending');
    expect(attendanceOf(confirmed, ev, new Date(END + 30 * M + 1))).toBe('absent');
    expect(attendanceOf({ status: 'waitlisted', checkedInAt: null }, ev, new Date(END + 600 * M))).toBe('none');
    expect(attendanceOf({ status: 'cancelled', checkedInAt: null }, ev, new Date(START))).toBe('none');
  });
});

describe('attendanceRate', () => {
  it('divides, and is null when nobody was expected', () => {
    expect(attendanceRate(3, 4)).toBe(0.75);
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(5, 4)).toBe(1);
  });
});
