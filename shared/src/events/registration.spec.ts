import {
  CANCEL_REFUSAL_LABELS,
  CANCEL_REFUSALS,
  OFFER_REFUSAL_LABELS,
  OFFER_REFUSALS,
  SIGN_UP_REFUSAL_LABELS,
  SIGN_UP_REFUSALS,
  decideAcceptOffer,
  decideCancel,
  decideSignUp,
  decideSignUps,
  offerDeadline,
  planOffers,
  seatsLeft,
  waitlistPosition,
  type EventSignUpWindow,
  type QueueEntry,
} from './registration';

const H = 3_600_000;
const START = Date.UTC(2026, 5, 10, 6, 0); // 14:00 China time
const at = (hoursBeforeStart: number) => new Date(START - hoursBeforeStart * H);

const event = (over: Partial<EventSignUpWindow> = {}): EventSignUpWindow => ({
  status: 'published',
  startsAt: new Date(START),
  endsAt: new Date(START + 2 * H),
  signupOpensAt: at(24 * 7),
  signupClosesAt: at(2),
  cancelClosesAt: at(24),
  capacity: 3,
  waitlistEnabled: true,
  ...over,
});

const waiting = (id: number, joinedHoursBefore: number): QueueEntry => ({ id, status: 'waitlisted', joinedAt: at(joinedHoursBefore), offerExpiresAt: null });
const offered = (id: number, expiresHoursBefore: number): QueueEntry => ({ id, status: 'offered', joinedAt: at(100), offerExpiresAt: at(expiresHoursBefore) });

describe('seatsLeft', () => {
  it('counts pending offers as held and never goes below zero', () => {
    expect(seatsLeft(10, { confirmed: 6, offered: 2 })).toBe(2);
    expect(seatsLeft(10, { confirmed: 12, offered: 0 })).toBe(0);
  });
});

describe('decideSignUps', () => {
  const none = { confirmed: 0, offered: 0, waitlisted: 0 };
  const newcomer = (key: number, joinWaitlist = false) => ({ key, existing: null, joinWaitlist });

  it('gives the free seats to the first ones in order and refuses the rest when there is no waiting list', () => {
    const decisions = decideSignUps(
      event({ waitlistEnabled: false }),
      { confirmed: 1, offered: 0, waitlisted: 0 },
      [1, 2, 3, 4].map((k) => newcomer(k)),
      at(48),
    );
    expect(decisions.map((d) => (d.kind === 'refuse' ? d.reason : d.kind))).toEqual(['confirm', 'confirm', 'full', 'full']);
  });

  it('decides each as decideSignUp would after the ones before it', () => {
    const batch = [newcomer(1), newcomer(2, true), newcomer(3, true), newcomer(4), newcomer(5, true)];
    const decisions = decideSignUps(event({ capacity: 1 }), none, batch, at(48));
    expect(decisions.map((d) => d.kind)).toEqual(['confirm', 'waitlist', 'waitlist', 'waitlist', 'waitlist']);
    // Only those who asked to queue took a place: the last one is third in line, behind 2 and 3.
    const alone = decideSignUp(event({ capacity: 1 }), { confirmed: 1, offered: 0, waitlisted: 2 }, null, at(48));
    expect(decisions[4]).toEqual(alone);
  });

  it('takes no seat for someone who is already registered, and treats a resident met twice as registered the second time', () => {
    const batch = [
      { key: 1, existing: 'confirmed' as const, joinWaitlist: false },
      newcomer(2),
      newcomer(2),
      { key: 3, existing: 'cancelled' as const, joinWaitlist: false },
    ];
    const decisions = decideSignUps(event({ capacity: 2, waitlistEnabled: false }), { confirmed: 1, offered: 0, waitlisted: 0 }, batch, at(48));
    expect(decisions).toEqual([
      { kind: 'refuse', reason: 'already_registered' },
      { kind: 'confirm' },
      { kind: 'refuse', reason: 'already_registered' },
      { kind: 'refuse', reason: 'full' },
    ]);
  });

  it('refuses everyone alike outside the sign-up window, whatever the seats', () => {
    expect(decideSignUps(event(), none, [newcomer(1), newcomer(2)], at(1))).toEqual([
      { kind: 'refuse', reason: 'closed' },
      { kind: 'refuse', reason: 'closed' },
    ]);
  });
});

describe('decideSignUp', () => {
  const none = { confirmed: 0, offered: 0, waitlisted: 0 };

  it('confirms while seats are free and nobody is waiting', () => {
    expect(decideSignUp(event(), none, null, at(48))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(event(), { confirmed: 2, offered: 0, waitlisted: 0 }, null, at(48))).toEqual({ kind: 'confirm' });
  });

  it('queues when full, or when a seat is free but people are already waiting for it', () => {
    expect(decideSignUp(event(), { confirmed: 3, offered: 0, waitlisted: 0 }, null, at(48))).toEqual({ kind: 'waitlist' });
    expect(decideSignUp(event(), { confirmed: 2, offered: 1, waitlisted: 0 }, null, at(48))).toEqual({ kind: 'waitlist' });
    expect(decideSignUp(event(), { confirmed: 2, offered: 0, waitlisted: 1 }, null, at(48))).toEqual({ kind: 'waitlist' });
  });

  it('refuses when full and the event has no waiting list', () => {
    expect(decideSignUp(event({ waitlistEnabled: false }), { confirmed: 3, offered: 0, waitlisted: 0 }, null, at(48))).toEqual({
      kind: 'refuse',
      reason: 'full',
    });
  });

  it('respects the sign-up window, closing at the start when no cut-off is set', () => {
    expect(decideSignUp(event(), none, null, at(24 * 7 + 1))).toEqual({ kind: 'refuse', reason: 'not_open_yet' });
    expect(decideSignUp(event(), none, null, at(24 * 7))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(event(), none, null, new Date(at(2).getTime() - 1))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(event(), none, null, at(2))).toEqual({ kind: 'refuse', reason: 'closed' });
    const open = event({ signupOpensAt: null, signupClosesAt: null });
    expect(decideSignUp(open, none, null, at(1000))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(open, none, null, at(0.01))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(open, none, null, at(0))).toEqual({ kind: 'refuse', reason: 'closed' });
  });

  it('refuses drafts, cancelled and finished events', () => {
    expect(decideSignUp(event({ status: 'draft' }), none, null, at(48))).toEqual({ kind: 'refuse', reason: 'not_published' });
    expect(decideSignUp(event({ status: 'cancelled' }), none, null, at(48))).toEqual({ kind: 'refuse', reason: 'event_cancelled' });
    expect(decideSignUp(event({ status: 'finished' }), none, null, at(48))).toEqual({ kind: 'refuse', reason: 'event_finished' });
    expect(decideSignUp(event({ signupClosesAt: null }), none, null, at(-3))).toEqual({ kind: 'refuse', reason: 'event_finished' });
  });

  it('refuses a second active sign-up but lets a cancelled or expired one sign up again', () => {
    for (const s of ['confirmed', 'waitlisted', 'offered'] as const) {
      expect(decideSignUp(event(), none, s, at(48))).toEqual({ kind: 'refuse', reason: 'already_registered' });
    }
    expect(decideSignUp(event(), none, 'cancelled', at(48))).toEqual({ kind: 'confirm' });
    expect(decideSignUp(event(), { confirmed: 3, offered: 0, waitlisted: 0 }, 'expired', at(48))).toEqual({ kind: 'waitlist' });
  });
});

describe('decideCancel', () => {
  const reg = (
    status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'expired',
    over: { offerExpiresAt?: Date | null; checkedInAt?: Date | null } = {},
  ) => ({
    status,
    offerExpiresAt: null,
    checkedInAt: null,
    ...over,
  });

  it('lets a confirmed seat go until the cancel cut-off, and frees it', () => {
    expect(decideCancel(event(), reg('confirmed'), at(25))).toEqual({ ok: true, freesSeat: true });
    expect(decideCancel(event(), reg('confirmed'), at(24))).toEqual({ ok: false, reason: 'cut_off' });
    expect(decideCancel(event({ cancelClosesAt: null }), reg('confirmed'), at(1))).toEqual({ ok: true, freesSeat: true });
  });

  it('lets people leave the queue and decline an offer after the cut-off, until the start', () => {
    expect(decideCancel(event(), reg('waitlisted'), at(1))).toEqual({ ok: true, freesSeat: false });
    expect(decideCancel(event(), reg('offered', { offerExpiresAt: at(0.5) }), at(1))).toEqual({ ok: true, freesSeat: true });
    expect(decideCancel(event(), reg('waitlisted'), at(0))).toEqual({ ok: false, reason: 'event_closed' });
  });

  it('refuses once the offer has lapsed, for final statuses, checked-in seats and closed events', () => {
    expect(decideCancel(event(), reg('offered', { offerExpiresAt: at(2) }), at(1))).toEqual({ ok: false, reason: 'offer_expired' });
    expect(decideCancel(event(), reg('cancelled'), at(48))).toEqual({ ok: false, reason: 'not_active' });
    expect(decideCancel(event(), reg('expired'), at(48))).toEqual({ ok: false, reason: 'not_active' });
    expect(decideCancel(event({ cancelClosesAt: null }), reg('confirmed', { checkedInAt: at(0.5) }), at(0.2))).toEqual({ ok: false, reason: 'event_closed' });
    expect(decideCancel(event({ status: 'cancelled' }), reg('confirmed'), at(48))).toEqual({ ok: false, reason: 'event_closed' });
  });
});

describe('planOffers', () => {
  const base = { status: 'published' as const, startsAt: new Date(START), capacity: 3 };

  it('offers a freed seat to the person who joined first, with a 12 hour deadline', () => {
    const queue = [waiting(12, 40), waiting(11, 50), waiting(13, 30)];
    const plan = planOffers({ ...base, confirmed: 2, queue, now: at(72) });
    expect(plan).toEqual({ expire: [], offer: [{ id: 11, expiresAt: at(60) }], promote: [] });
  });

  it('breaks ties of the same joining time by id', () => {
    const plan = planOffers({ ...base, confirmed: 2, queue: [waiting(8, 40), waiting(5, 40)], now: at(72) });
    expect(plan.offer.map((o) => o.id)).toEqual([5]);
  });

  it('offers nothing while pending offers hold the free seats', () => {
    const plan = planOffers({ ...base, confirmed: 2, queue: [offered(4, 60), waiting(5, 40)], now: at(72) });
    expect(plan).toEqual({ expire: [], offer: [], promote: [] });
  });

  it('passes an expired offer to the next person in the same plan', () => {
    const queue = [offered(4, 60), waiting(5, 40), waiting(6, 30)];
    const stillOpen = planOffers({ ...base, confirmed: 2, queue, now: new Date(at(60).getTime() - 1) });
    expect(stillOpen).toEqual({ expire: [], offer: [], promote: [] });
    const lapsed = planOffers({ ...base, confirmed: 2, queue, now: at(60) });
    expect(lapsed).toEqual({ expire: [4], offer: [{ id: 5, expiresAt: at(48) }], promote: [] });
  });

  it('fills several free seats in queue order and stops when the queue runs out', () => {
    const plan = planOffers({ ...base, capacity: 10, confirmed: 5, queue: [waiting(3, 20), waiting(1, 30)], now: at(72) });
    expect(plan.offer.map((o) => o.id)).toEqual([1, 3]);
  });

  it('offers nothing when the capacity was lowered below the seats taken', () => {
    expect(planOffers({ ...base, capacity: 2, confirmed: 3, queue: [waiting(1, 30)], now: at(72) }).offer).toEqual([]);
  });

  it('uses a configurable deadline, capped at the start', () => {
    expect(planOffers({ ...base, confirmed: 2, queue: [waiting(1, 80)], now: at(72), policy: { offerHours: 2 } }).offer).toEqual([
      { id: 1, expiresAt: at(70) },
    ]);
    expect(planOffers({ ...base, confirmed: 2, queue: [waiting(1, 80)], now: at(5) }).offer).toEqual([{ id: 1, expiresAt: at(0) }]);
    expect(offerDeadline(at(5), new Date(START), 12)).toEqual(at(0));
    expect(offerDeadline(at(48), new Date(START), 12)).toEqual(at(36));
    expect(() => planOffers({ ...base, confirmed: 0, queue: [], now: at(72), policy: { offerHours: 0 } })).toThrow(RangeError);
  });

  it('confirms the next person outright when an offer could not be answered before the start', () => {
    const plan = planOffers({ ...base, confirmed: 2, queue: [waiting(1, 80), waiting(2, 70)], now: at(0.25) });
    expect(plan).toEqual({ expire: [], offer: [], promote: [1] });
    const custom = planOffers({ ...base, confirmed: 2, queue: [waiting(1, 80)], now: at(0.75), policy: { minOfferMinutes: 60 } });
    expect(custom.promote).toEqual([1]);
  });

  it('hands out nothing after the start or for an event that is not published, but still expires offers', () => {
    const queue = [offered(4, 0), waiting(5, 40)];
    expect(planOffers({ ...base, confirmed: 2, queue, now: at(0) })).toEqual({ expire: [4], offer: [], promote: [] });
    expect(planOffers({ ...base, status: 'cancelled', confirmed: 0, queue: [waiting(5, 40)], now: at(72) })).toEqual({ expire: [], offer: [], promote: [] });
  });
});

describe('waitlistPosition', () => {
  it('counts only people without an offer, in queue order', () => {
    const queue = [waiting(3, 10), offered(9, 5), waiting(1, 30), waiting(2, 20)];
    expect(waitlistPosition(queue, 1)).toBe(1);
    expect(waitlistPosition(queue, 2)).toBe(2);
    expect(waitlistPosition(queue, 3)).toBe(3);
    expect(waitlistPosition(queue, 9)).toBeNull();
    expect(waitlistPosition(queue, 99)).toBeNull();
  });
});

describe('decideAcceptOffer', () => {
  it('accepts before the deadline only', () => {
    const reg = { status: 'offered' as const, offerExpiresAt: at(10) };
    expect(decideAcceptOffer(event(), reg, at(11))).toEqual({ ok: true });
    expect(decideAcceptOffer(event(), reg, at(10))).toEqual({ ok: false, reason: 'offer_expired' });
    expect(decideAcceptOffer(event(), { status: 'expired', offerExpiresAt: at(10) }, at(11))).toEqual({ ok: false, reason: 'offer_expired' });
    expect(decideAcceptOffer(event(), { status: 'waitlisted', offerExpiresAt: null }, at(11))).toEqual({ ok: false, reason: 'no_offer' });
    expect(decideAcceptOffer(event({ status: 'cancelled' }), reg, at(11))).toEqual({ ok: false, reason: 'event_closed' });
  });
});

it('has a message for every refusal', () => {
  for (const r of SIGN_UP_REFUSALS) expect(SIGN_UP_REFUSAL_LABELS[r]).toBeTruthy();
  for (const r of CANCEL_REFUSALS) expect(CANCEL_REFUSAL_LABELS[r]).toBeTruthy();
  for (const r of OFFER_REFUSALS) expect(OFFER_REFUSAL_LABELS[r]).toBeTruthy();
});
