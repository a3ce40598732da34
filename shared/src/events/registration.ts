/**
 * Sign-up, cancellation and waiting-list rules as pure decisions. The server applies them to counts
 * read under the event's lock (a row lock on MySQL), so these functions decide what should happen
 * and the lock makes sure capacity never overflows when two people race.
 */
import type { EventStatus, RegistrationStatus } from './types';

/** How long a freed seat is held for the next person in the queue, unless configured otherwise. */
export const DEFAULT_OFFER_HOURS = 12;
/**
 * Closer to the start than this, a freed seat is given to the next person outright instead of being
 * offered: an offer could not be answered in time and the seat would stay empty.
 */
export const DEFAULT_MIN_OFFER_MINUTES = 30;

/** The parts of an event the sign-up rules look at. Unset windows default to "from publication until the start". */
export interface EventSignUpWindow {
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
  /** Confirmed seats can be given back until then (default: the start). */
  cancelClosesAt: Date | null;
  capacity: number;
  waitlistEnabled: boolean;
}

export interface SeatCounts {
  confirmed: number;
  /** Seats held by offers that have not expired yet. */
  offered: number;
  /** People in the queue who have no offer. */
  waitlisted: number;
}

/** Seats nobody holds; pending offers count as held. */
export function seatsLeft(capacity: number, counts: Pick<SeatCounts, 'confirmed' | 'offered'>): number {
  return Math.max(0, capacity - counts.confirmed - counts.offered);
}

export const SIGN_UP_REFUSALS = ['not_published', 'event_cancelled', 'event_finished', 'not_open_yet', 'closed', 'full', 'already_registered'] as const;
export type SignUpRefusal = (typeof SIGN_UP_REFUSALS)[number];
export const SIGN_UP_REFUSAL_LABELS: Record<SignUpRefusal, string> = {
  not_published: '活动尚未发布',
  event_cancelled: '活动已取消',
  event_finished: '活动已结束',
  not_open_yet: '报名尚未开始',
  closed: '报名已截止',
  full: '名额已满',
  already_registered: '您已报名或正在候补本活动',
};

export type SignUpDecision = { kind: 'confirm' } | { kind: 'waitlist' } | { kind: 'refuse'; reason: SignUpRefusal };

/**
 * A new sign-up gets a seat when one is free and nobody is queueing for it; otherwise it joins the
 * queue (if the event has one), so nobody overtakes people already waiting. A resident whose earlier
 * sign-up was cancelled or whose offer expired may sign up again, at the back of the queue.
 */
export function decideSignUp(event: EventSignUpWindow, counts: SeatCounts, existing: RegistrationStatus | null, now: Date): SignUpDecision {
  const refuse = (reason: SignUpRefusal): SignUpDecision => ({ kind: 'refuse', reason });
  if (event.status === 'draft') return refuse('not_published');
  if (event.status === 'cancelled') return refuse('event_cancelled');
  const t = now.getTime();
  if (event.status === 'finished' || t >= event.endsAt.getTime()) return refuse('event_finished');
  if (existing === 'confirmed' || existing === 'waitlisted' || existing === 'offered') return refuse('already_registered');
  if (event.signupOpensAt && t < event.signupOpensAt.getTime()) return refuse('not_open_yet');
  if (t >= (event.signupClosesAt ?? event.startsAt).getTime()) return refuse('closed');
  if (seatsLeft(event.capacity, counts) > 0 && counts.waitlisted === 0) return { kind: 'confirm' };
  return event.waitlistEnabled ? { kind: 'waitlist' } : refuse('full');
}

/** One sign-up of a batch decided together: who (`key`, one per resident), their row's status before the batch, and whether they asked to queue. */
export interface BatchedSignUp {
  key: number;
  existing: RegistrationStatus | null;
  joinWaitlist: boolean;
}

/**
 * Decides sign-ups in their order against one count, as if each ran alone after the ones before
 * it: a confirmation takes a seat and a queued sign-up a place in the queue from those after it,
 * and a resident met again in the batch is already registered. A `waitlist` decision for someone
 * who did not ask to queue writes nothing, so it takes no place.
 */
export function decideSignUps(event: EventSignUpWindow, counts: SeatCounts, signUps: readonly BatchedSignUp[], now: Date): SignUpDecision[] {
  const running = { ...counts };
  const decided = new Map<number, RegistrationStatus>();
  return signUps.map(({ key, existing, joinWaitlist }) => {
    const decision = decideSignUp(event, running, decided.get(key) ?? existing, now);
    if (decision.kind === 'confirm') {
      running.confirmed++;
      decided.set(key, 'confirmed');
    } else if (decision.kind === 'waitlist' && joinWaitlist) {
      running.waitlisted++;
      decided.set(key, 'waitlisted');
    }
    return decision;
  });
}

export const CANCEL_REFUSALS = ['not_active', 'event_closed', 'cut_off', 'offer_expired'] as const;
export type CancelRefusal = (typeof CANCEL_REFUSALS)[number];
export const CANCEL_REFUSAL_LABELS: Record<CancelRefusal, string> = {
  not_active: '报名已取消或已失效，无需再取消',
  event_closed: '活动已开始、结束或取消，无法取消报名',
  cut_off: '已过取消报名截止时间，如无法参加请联系活动组织者',
  offer_expired: '候补名额已过期',
};

export type CancelDecision = { ok: true; freesSeat: boolean } | { ok: false; reason: CancelRefusal };

/**
 * A confirmed seat can be given back until the cancel cut-off; leaving the queue or declining an
 * offer is allowed until the start (it costs nobody a seat). A checked-in seat cannot be cancelled.
 * `freesSeat` tells the caller to run `planOffers` afterwards.
 */
export function decideCancel(
  event: EventSignUpWindow,
  registration: { status: RegistrationStatus; offerExpiresAt: Date | null; checkedInAt: Date | null },
  now: Date,
): CancelDecision {
  const t = now.getTime();
  const { status } = registration;
  if (status !== 'confirmed' && status !== 'waitlisted' && status !== 'offered') return { ok: false, reason: 'not_active' };
  if (registration.checkedInAt) return { ok: false, reason: 'event_closed' };
  if (event.status !== 'published' || t >= event.startsAt.getTime()) return { ok: false, reason: 'event_closed' };
  if (status === 'waitlisted') return { ok: true, freesSeat: false };
  if (status === 'offered') {
    if (registration.offerExpiresAt && t >= registration.offerExpiresAt.getTime()) return { ok: false, reason: 'offer_expired' };
    return { ok: true, freesSeat: true };
  }
  if (t >= (event.cancelClosesAt ?? event.startsAt).getTime()) return { ok: false, reason: 'cut_off' };
  return { ok: true, freesSeat: true };
}

/** One person in an event's queue: waiting, or holding an offer. */
export interface QueueEntry {
  id: number;
  status: 'waitlisted' | 'offered';
  /** When the person joined the queue; earlier comes first, ties by id. */
  joinedAt: Date;
  offerExpiresAt: Date | null;
}

export interface OfferPolicy {
  offerHours?: number;
  minOfferMinutes?: number;
}

export interface OfferPlanInput {
  status: EventStatus;
  startsAt: Date;
  capacity: number;
  confirmed: number;
  queue: readonly QueueEntry[];
  now: Date;
  policy?: OfferPolicy;
}

export interface OfferPlan {
  /** Offers whose deadline has passed: set them to `expired` (the person is notified). */
  expire: number[];
  /** New offers, first in the queue first: set them to `offered` with this deadline and notify. */
  offer: { id: number; expiresAt: Date }[];
  /** Shortly before the start: confirm these outright (issue a ticket and notify). */
  promote: number[];
}

function queueOrder(a: QueueEntry, b: QueueEntry): number {
  return a.joinedAt.getTime() - b.joinedAt.getTime() || a.id - b.id;
}

/** The deadline of an offer made at `now`: `offerHours` later, but never after the start. */
export function offerDeadline(now: Date, startsAt: Date, offerHours = DEFAULT_OFFER_HOURS): Date {
  return new Date(Math.min(now.getTime() + offerHours * 3_600_000, startsAt.getTime()));
}

/**
 * What to do with the queue now: expire lapsed offers, then give every seat nobody holds to the
 * people at the front of the queue: as an offer with a deadline, or, within `minOfferMinutes` of the
 * start, as a confirmed seat. Run it whenever a seat frees (cancel, decline, expiry, capacity
 * raised) and periodically for expiries. Nothing is handed out once the event has started or is no
 * longer published; seats left then go to walk-ins at check-in.
 */
export function planOffers(input: OfferPlanInput): OfferPlan {
  const { now, policy } = input;
  const t = now.getTime();
  const offerHours = policy?.offerHours ?? DEFAULT_OFFER_HOURS;
  const minOfferMs = (policy?.minOfferMinutes ?? DEFAULT_MIN_OFFER_MINUTES) * 60_000;
  if (!(offerHours > 0)) throw new RangeError(`offerHours must be positive, got ${offerHours}`);

  const expire: number[] = [];
  let liveOffers = 0;
  for (const e of input.queue) {
    if (e.status !== 'offered') continue;
    if (e.offerExpiresAt && e.offerExpiresAt.getTime() <= t) expire.push(e.id);
    else liveOffers++;
  }

  const plan: OfferPlan = { expire, offer: [], promote: [] };
  if (input.status !== 'published' || t >= input.startsAt.getTime()) return plan;
  const expiresAt = offerDeadline(now, input.startsAt, offerHours);
  const direct = expiresAt.getTime() - t < minOfferMs;
  let free = input.capacity - input.confirmed - liveOffers;
  const waiting = input.queue.filter((e) => e.status === 'waitlisted').sort(queueOrder);
  for (const e of waiting) {
    if (free <= 0) break;
    if (direct) plan.promote.push(e.id);
    else plan.offer.push({ id: e.id, expiresAt });
    free--;
  }
  return plan;
}

/** 1-based place of a waiting person among those without an offer, or null if not waiting. */
export function waitlistPosition(queue: readonly QueueEntry[], id: number): number | null {
  const waiting = queue.filter((e) => e.status === 'waitlisted').sort(queueOrder);
  const i = waiting.findIndex((e) => e.id === id);
  return i < 0 ? null : i + 1;
}

export const OFFER_REFUSALS = ['no_offer', 'offer_expired', 'event_closed'] as const;
export type OfferRefusal = (typeof OFFER_REFUSALS)[number];
export const OFFER_REFUSAL_LABELS: Record<OfferRefusal, string> = {
  no_offer: '当前没有待确认的候补名额',
  offer_expired: '候补名额已过确认期限，已顺延给下一位',
  event_closed: '活动已开始、结束或取消',
};

/** Accepting an offer confirms the seat, provided the deadline has not passed. */
export function decideAcceptOffer(
  event: Pick<EventSignUpWindow, 'status' | 'startsAt'>,
  registration: { status: RegistrationStatus; offerExpiresAt: Date | null },
  now: Date,
): { ok: true } | { ok: false; reason: OfferRefusal } {
  if (registration.status === 'expired') return { ok: false, reason: 'offer_expired' };
  if (registration.status !== 'offered') return { ok: false, reason: 'no_offer' };
  const t = now.getTime();
  if (registration.offerExpiresAt && t >= registration.offerExpiresAt.getTime()) return { ok: false, reason: 'offer_expired' };
  if (event.status !== 'published' || t >= event.startsAt.getTime()) return { ok: false, reason: 'event_closed' };
  return { ok: true };
}
