import {
  bookingMarkProblem,
  canCancel,
  canRate,
  canReschedule,
  cancellationStatus,
  cutoffAt,
  isContactPhone,
  reminderPlan,
  validateIntake,
  INTAKE_NOTE_MAX_CHARS,
  INTAKE_PROBLEM_MESSAGES,
} from './rules';
import { BOOKING_CONSENT_VERSION, type IntakeInput } from './types';

const at = (iso: string) => new Date(iso);
// Wed 10 June 2026, 10:00 China = 02:00Z.
const START = at('2026-06-10T02:00:00Z');
const END = at('2026-06-10T02:50:00Z');
const DAY = { cancelCutoffHours: 24 };

describe('cut-off, cancelling, rescheduling, rating', () => {
  it('puts the cut-off cancelCutoffHours before the start', () => {
    expect(cutoffAt(START, DAY).toISOString()).toBe('2026-06-09T02:00:00.000Z'); // 24 h before
    expect(cutoffAt(START, { cancelCutoffHours: 2 }).toISOString()).toBe('2026-06-10T00:00:00.000Z');
  });

  it('counts a cancellation at the cut-off as on time, a millisecond later as late', () => {
    expect(cancellationStatus(at('2026-06-09T02:00:00.000Z'), START, DAY)).toBe('cancelled');
    expect(cancellationStatus(at('2026-06-09T02:00:00.001Z'), START, DAY)).toBe('late_cancelled');
  });

  it('lets a confirmed booking be cancelled until it starts, moved until the cut-off', () => {
    expect(canCancel('confirmed', START, at('2026-06-10T01:59:59Z'))).toBe(true);
    expect(canCancel('confirmed', START, START)).toBe(false);
    expect(canCancel('cancelled', START, at('2026-06-01T00:00:00Z'))).toBe(false);
    expect(canReschedule('confirmed', START, at('2026-06-09T02:00:00Z'), DAY)).toBe(true);
    expect(canReschedule('confirmed', START, at('2026-06-09T02:00:01Z'), DAY)).toBe(false);
    expect(canReschedule('late_cancelled', START, at('2026-06-01T00:00:00Z'), DAY)).toBe(false);
  });

  it('lets an attended session be rated once, after its end', () => {
    expect(canRate('attended', END, END, false)).toBe(true);
    expect(canRate('attended', END, at('2026-06-10T02:49:59Z'), false)).toBe(false);
    expect(canRate('attended', END, END, true)).toBe(false);
    expect(canRate('no_show', END, END, false)).toBe(false);
  });
});

describe('reminderPlan', () => {
  const plan = (bookedAt: string) => reminderPlan(at(bookedAt), START).map((r) => [r.kind, r.dueAt.toISOString()]);

  it('plans the day-before and the two-hour reminder for a booking made days ahead', () => {
    // start − 24 h = 9 June 02:00Z; start − 2 h = 10 June 00:00Z.
    expect(plan('2026-06-01T00:00:00Z')).toEqual([
      ['reminder_day_before', '2026-06-09T02:00:00.000Z'],
      ['reminder_two_hours', '2026-06-10T00:00:00.000Z'],
    ]);
  });

  it('skips the day-before reminder once its time has come', () => {
    // Booked 14 h ahead, and exactly 24 h ahead (the reminder would go out with the confirmation).
    expect(plan('2026-06-09T12:00:00Z')).toEqual([['reminder_two_hours', '2026-06-10T00:00:00.000Z']]);
    expect(plan('2026-06-09T02:00:00Z')).toEqual([['reminder_two_hours', '2026-06-10T00:00:00.000Z']]);
  });

  it('sends the two-hour reminder at once for a booking made less than two hours ahead', () => {
    expect(plan('2026-06-10T01:00:00Z')).toEqual([['reminder_two_hours', '2026-06-10T01:00:00.000Z']]);
    expect(plan('2026-06-10T00:00:00Z')).toEqual([['reminder_two_hours', '2026-06-10T00:00:00.000Z']]);
    expect(plan('2026-06-10T02:00:00Z')).toEqual([]);
    expect(plan('2026-06-10T03:00:00Z')).toEqual([]);
  });
});

describe('validateIntake', () => {
  const valid: IntakeInput = {
    topic: null,
    note: null,
    contactPhone: '13800138000',
    ageBand: '35to59',
    consent: { version: BOOKING_CONSENT_VERSION, booking: true, sensitive: false },
  };
  const codes = (input: Partial<IntakeInput>, kind: 'in_person' | 'phone' | 'callback' = 'phone') =>
    validateIntake({ ...valid, ...input }, kind).map((p) => p.code);

  it('accepts what is needed and nothing more', () => {
    expect(validateIntake(valid, 'phone')).toEqual([]);
    expect(codes({ contactPhone: '' }, 'in_person')).toEqual([]);
  });

  it('needs a mainland mobile or landline number for phone sessions and call-backs', () => {
    expect(codes({ contactPhone: '' }, 'phone')).toEqual(['phone_required']);
    expect(codes({ contactPhone: '  ' }, 'callback')).toEqual(['phone_required']);
    expect(codes({ contactPhone: '1380013800' }, 'in_person')).toEqual(['phone_invalid']); // 10 digits
    expect(isContactPhone('010-12345678')).toBe(true); // 0 + 2-digit area, 8 digits
    expect(isContactPhone('057187654321')).toBe(true); // 0 + 3-digit area, 8 digits, no hyphen
    expect(isContactPhone('19912345678')).toBe(true);
    expect(isContactPhone('12345678901')).toBe(false); // mobiles begin 13-19
    expect(isContactPhone('+8613800138000')).toBe(false);
  });

  it('needs a guardian, named with the relation, under 14', () => {
    expect(codes({ ageBand: 'under14' })).toEqual(['guardian_required']);
    expect(codes({ ageBand: 'under14', guardian: { name: '王芳', relation: ' ' } })).toEqual(['guardian_required']);
    expect(codes({ ageBand: 'under14', guardian: { name: '王芳', relation: '母亲' } })).toEqual([]);
    expect(codes({ ageBand: '14to17' })).toEqual([]);
  });

  it('needs the separate sensitive consent for a topic or a note', () => {
    expect(codes({ topic: 'sleep' })).toEqual(['sensitive_consent_required']);
    expect(codes({ note: '最近总是失眠' })).toEqual(['sensitive_consent_required']);
    expect(codes({ note: ' \n ' })).toEqual([]);
    expect(codes({ topic: 'sleep', note: '最近总是失眠', consent: { ...valid.consent, sensitive: true } })).toEqual([]);
  });

  it('needs the current booking consent', () => {
    expect(codes({ consent: { ...valid.consent, booking: false as true } })).toEqual(['booking_consent_required']);
    expect(codes({ consent: { ...valid.consent, version: '2025-01-booking-v0' } })).toEqual(['consent_outdated']);
  });

  it('limits the note in characters, not UTF-16 units', () => {
    const sensitive = { ...valid.consent, sensitive: true };
    expect(codes({ note: '很'.repeat(INTAKE_NOTE_MAX_CHARS), consent: sensitive })).toEqual([]);
    expect(codes({ note: '很'.repeat(INTAKE_NOTE_MAX_CHARS + 1), consent: sensitive })).toEqual(['note_too_long']);
    // 500 emoji are 1 000 UTF-16 units but 500 characters.
    expect(codes({ note: '😔'.repeat(INTAKE_NOTE_MAX_CHARS), consent: sensitive })).toEqual([]);
  });

  it('lists every problem in form order with its field and one wording', () => {
    const problems = validateIntake(
      { ...valid, contactPhone: '123', ageBand: 'under14', note: '很'.repeat(501), consent: { version: 'old', booking: true, sensitive: false } },
      'phone',
    );
    expect(problems).toEqual([
      { code: 'phone_invalid', field: 'contactPhone' },
      { code: 'guardian_required', field: 'guardian' },
      { code: 'sensitive_consent_required', field: 'consent.sensitive' },
      { code: 'consent_outdated', field: 'consent' },
      { code: 'note_too_long', field: 'note' },
    ]);
    expect(INTAKE_PROBLEM_MESSAGES.note_too_long).toBe('情况说明最多 500 字');
  });
});

describe('bookingMarkProblem', () => {
  const start = new Date('2026-05-06T02:00:00Z');
  it('lets staff mark a confirmed booking once it has started', () => {
    expect(bookingMarkProblem('confirmed', start, new Date('2026-05-06T01:59:59Z'))).toBe('not_started');
    expect(bookingMarkProblem('confirmed', start, start)).toBeNull();
    expect(bookingMarkProblem('cancelled', start, new Date('2026-05-06T03:00:00Z'))).toBe('not_confirmed');
  });
});
