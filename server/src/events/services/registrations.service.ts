import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CANCEL_REFUSAL_LABELS,
  EVENT_REGISTRATION_CONSENT_VERSION,
  EVENT_REGISTRATION_RETENTION_DAYS,
  OFFER_REFUSAL_LABELS,
  SIGN_UP_REFUSAL_LABELS,
  decideAcceptOffer,
  decideCancel,
  decideSignUp,
  decideSignUps,
  effectiveEventStatus,
  planOffers,
  seatsLeft,
  type CancelRefusal,
  type EventSignUpWindow,
  type MyEventItem,
  type MyRegistration,
  type OfferRefusal,
  type Page,
  type QueueEntry,
  type RegistrationStatus,
  type SeatCounts,
  type SignUpDecision,
  type SignUpRefusal,
} from '@xinqiao/shared';
import { In, LessThanOrEqual, Not, Repository, type EntityManager } from 'typeorm';
import { CacheService } from '../../common/cache/cache.service';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging, type PageQueryDto } from '../../common/http/page-query.dto';
import { JobsService } from '../../common/jobs/jobs.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import type { RegistrationInputDto } from '../dto/registration.dto';
import { EventLocks } from './event-locks';
import { EventNotificationsService, seatNotices, type Notice } from './event-notifications.service';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';
import { EventTokensService } from './event-tokens.service';
import { EVENTS_CACHE, EVENTS_CACHE_MS } from './events-cache';
import { EventViewsService } from './event-views.service';

/** How often every event's waiting list is looked at (expired offers, seats freed by deleted accounts). */
const SWEEP_INTERVAL_MS = 60_000;
/** How often names and phone numbers past EVENT_REGISTRATION_RETENTION_DAYS are looked for. */
const PURGE_INTERVAL_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;
const REQUEST_REUSED = '该请求编号已用于另一次报名，请重新提交';

export function signUpWindow(e: OutreachEvent): EventSignUpWindow {
  return {
    status: e.status,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    signupOpensAt: e.signupOpensAt,
    signupClosesAt: e.signupClosesAt,
    cancelClosesAt: e.cancelClosesAt,
    capacity: e.capacity,
    waitlistEnabled: e.waitlistEnabled,
  };
}

function refused(reason: string, message: string): AppException {
  return new AppException(409, 'REGISTRATION_REFUSED', message, { reason });
}

/**
 * What a locked change returns: the messages to send after commit, and the row or why not. A
 * refusal is returned rather than thrown, so what settling did before it still commits.
 */
type Locked<T, R extends string> = { notices: Notice[] } & ({ ok: true; row: T } | { ok: false; refusal: R });

type SignUpAnswer = { ok: true; row: EventRegistration; duplicate: boolean } | { ok: false; refusal: SignUpRefusal | 'waitlist_offered' | 'request_reused' };

/** A sign-up's answer, with the messages it calls for and the moment it was decided at. */
type SignUpOutcome = SignUpAnswer & { notices: Notice[]; now: Date };

/** A resident's sign-up waiting for the event's next locked transaction (see EventLocks.batch). */
interface PendingSignUp {
  residentId: number;
  dto: RegistrationInputDto;
  details: Pick<EventRegistration, 'name' | 'phone' | 'consentVersion'>;
}

/** What a decision asks of a sign-up: an answer without a write, or the row's new status. */
function answerOf(
  decision: SignUpDecision,
  joinWaitlist: boolean,
): { ok: false; refusal: SignUpRefusal | 'waitlist_offered' } | { write: 'confirmed' | 'waitlisted' } {
  if (decision.kind === 'refuse') return { ok: false, refusal: decision.reason };
  if (decision.kind === 'waitlist' && !joinWaitlist) return { ok: false, refusal: 'waitlist_offered' };
  return { write: decision.kind === 'confirm' ? 'confirmed' : 'waitlisted' };
}

type RawCounts = Record<'confirmed' | 'offered' | 'waitlisted' | 'lapsed', string | number | null>;

function countsOf(row: RawCounts | undefined): SeatCounts & { lapsed: number } {
  return {
    confirmed: Number(row?.confirmed ?? 0),
    offered: Number(row?.offered ?? 0),
    waitlisted: Number(row?.waitlisted ?? 0),
    lapsed: Number(row?.lapsed ?? 0),
  };
}

/** The status the rules see: an offer past its deadline is expired, whether or not settling has marked it yet. */
function statusFor(reg: EventRegistration | null | undefined, now: Date): RegistrationStatus | null {
  if (!reg) return null;
  const lapsed = reg.status === 'offered' && !!reg.offerExpiresAt && reg.offerExpiresAt.getTime() <= now.getTime();
  return lapsed ? 'expired' : reg.status;
}

/**
 * Sign-up, cancellation and the waiting list. Every change runs under the event's lock
 * (EventLocks): it first settles the queue (expired offers pass on), then applies the shared rules
 * (decideSignUp, decideCancel, decideAcceptOffer, planOffers) to counts read under that lock.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  private readonly logger = new Logger('Events');
  /** Events whose last sign-up batch here left a seat free. A hint only: every answer is still read from the database. */
  private readonly seatsFree = new Set<number>();

  constructor(
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    @InjectRepository(EventRegistration) private readonly repo: Repository<EventRegistration>,
    private readonly locks: EventLocks,
    private readonly tokens: EventTokensService,
    private readonly views: EventViewsService,
    private readonly notifications: EventNotificationsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly jobs: JobsService,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.personalData.register({ key: 'events', export: (id) => this.exportFor(id) });
    this.jobs.schedule('events.sweep', SWEEP_INTERVAL_MS, (now) => this.sweep(now), [SWEEP_INTERVAL_MS]);
    this.jobs.schedule('events.purge-details', PURGE_INTERVAL_MS, async (now) => {
      const cleared = await this.purgeExpiredDetails(now);
      if (cleared) this.logger.log({ cleared }, 'deleted registration details past their retention period');
    });
  }

  /**
   * The consent promises names and phone numbers are deleted EVENT_REGISTRATION_RETENTION_DAYS after
   * the event ends or is cancelled. The rows stay, without them, so attendance figures do not move.
   * One event at a time, so no statement holds many rows. Answers how many registrations it cleared.
   */
  async purgeExpiredDetails(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - EVENT_REGISTRATION_RETENTION_DAYS * DAY_MS);
    const due = await this.events
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where(`(e.endsAt <= :cutoff OR (e.status = 'cancelled' AND e.cancelledAt <= :cutoff))`, { cutoff })
      .andWhere('EXISTS (SELECT 1 FROM event_registrations r WHERE r.eventId = e.id AND (r.name IS NOT NULL OR r.phone IS NOT NULL))')
      .getRawMany<{ id: number | string }>();
    let cleared = 0;
    for (const { id } of due) {
      const result = await this.repo
        .createQueryBuilder()
        .update(EventRegistration)
        .set({ name: null, phone: null, phoneIndex: null, phoneTailIndex: null })
        .where('eventId = :id AND (name IS NOT NULL OR phone IS NOT NULL)', { id: Number(id) })
        .execute();
      cleared += result.affected ?? 0;
    }
    return cleared;
  }

  /** An event residents can see (anything but a draft), or 404. */
  async visibleEvent(id: number): Promise<OutreachEvent> {
    const event = await this.events.findOne({ where: { id, status: Not('draft') } });
    if (!event) throw AppException.notFound('活动');
    return event;
  }

  /**
   * An answer that no write under the lock could change (the event is full, closed, or the resident
   * is registered) is given from a read without the lock. The others wait for the event's next
   * locked transaction, which answers every sign-up gathered meanwhile in this process at once
   * (signUpBatch), so a crowd does not queue for the lock one by one. The queue order (queuedAt,
   * then id) is the order in which sign-ups were written under the lock.
   */
  async signUp(residentId: number, eventId: number, dto: RegistrationInputDto): Promise<{ registration: MyRegistration; duplicate: boolean }> {
    const now = new Date();
    // While the last batch here left a seat free the answer most likely needs the lock: the counts are not read first.
    const lockFree = !this.seatsFree.has(eventId);
    // Read side by side: in a crowd every round trip before the answer is waited for in the pool's queue.
    const [event, snapshot, seenFirst] = await Promise.all([
      this.signUpEvent(eventId),
      lockFree ? this.signUpSnapshot(eventId, residentId, dto.clientRequestId, now) : null,
      !lockFree && dto.clientRequestId ? this.repo.findOne({ where: { clientRequestId: dto.clientRequestId } }) : null,
    ]);
    const seen = seenFirst ?? (snapshot?.seen ? await this.repo.findOneBy({ id: snapshot.seen }) : null);
    if (seen) return { registration: await this.replay(seen, residentId, eventId, now), duplicate: true };
    if (!event) throw AppException.notFound('活动');
    const details = this.details(event, dto);
    const counts = snapshot?.counts;
    const existing = snapshot?.mine ? await this.repo.findOneBy({ id: snapshot.mine }) : null;
    const result =
      (counts && this.answerWithoutLock(event, existing, counts, dto, now)) ??
      (await this.locks.batch(
        eventId,
        { residentId, dto, details },
        (tx, items: PendingSignUp[]) => this.signUpBatch(tx, eventId, items),
        (outcomes) => this.notifications.dispatch(outcomes.flatMap((o) => o.notices)),
      ));
    if (!result.ok) {
      if (result.refusal === 'waitlist_offered')
        throw new AppException(409, 'EVENT_FULL', '名额已满，可以加入候补名单', { reason: 'full', waitlistOpen: true });
      if (result.refusal === 'full') throw new AppException(409, 'EVENT_FULL', SIGN_UP_REFUSAL_LABELS.full, { reason: 'full', waitlistOpen: false });
      if (result.refusal === 'request_reused') throw AppException.conflict(REQUEST_REUSED);
      throw refused(result.refusal, SIGN_UP_REFUSAL_LABELS[result.refusal]);
    }
    return { registration: await this.views.mine(result.row, event, result.now), duplicate: result.duplicate };
  }

  /**
   * The event as sign-up checks it, shared by a crowd: kept as the events list is (dropped on every
   * event write, here and on the other instances, and after EVENTS_CACHE_MS), so it may lag an edit
   * on another instance by the bus's delay. Seats are decided on the event as read under the lock.
   * Not to be modified.
   */
  private async signUpEvent(id: number): Promise<OutreachEvent | null> {
    const cached = await this.cache.get([EVENTS_CACHE], `sign-up:${id}`, () => this.events.findOne({ where: { id, status: Not('draft') } }), {
      ttlMs: EVENTS_CACHE_MS,
    });
    return cached.value;
  }

  /**
   * The answer when it needs no write and settling the queue could not change it, else null.
   * Settling only expires lapsed offers (which hold no seat here) and hands free seats to people
   * waiting, so it matters only while a seat is free and someone waits, and only for an answer
   * that depends on seats.
   */
  private answerWithoutLock(
    ev: OutreachEvent,
    existing: EventRegistration | null,
    counts: SeatCounts,
    dto: RegistrationInputDto,
    now: Date,
  ): SignUpOutcome | null {
    const decision = decideSignUp(signUpWindow(ev), counts, statusFor(existing, now), now);
    const exact = seatsLeft(ev.capacity, counts) === 0 || counts.waitlisted === 0 || (decision.kind === 'refuse' && decision.reason !== 'full');
    const answer = answerOf(decision, !!dto.joinWaitlist);
    return exact && !('write' in answer) ? { ...answer, notices: [], now } : null;
  }

  /**
   * The sign-ups gathered for one event, under its lock: settles the queue first when that could
   * change an answer (a seat is free while people wait, or an offer has lapsed), then decides them
   * in order on one count (decideSignUps) and writes the new rows in one statement. Notifications
   * are sent after commit (EventLocks.batch), so the lock covers the counts and the rows written.
   */
  private async signUpBatch(tx: EntityManager, eventId: number, items: PendingSignUp[]): Promise<SignUpOutcome[]> {
    const now = new Date();
    const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id: eventId });
    const regs = tx.getRepository(EventRegistration);
    const residentIds = [...new Set(items.map((i) => i.residentId))];
    const read = () => Promise.all([regs.find({ where: { eventId, residentId: In(residentIds) } }), this.seatCounts(tx, eventId, now)]);
    let [rows, counts] = await read();
    const settled: Notice[] = [];
    if (counts.lapsed > 0 || (counts.waitlisted > 0 && seatsLeft(ev.capacity, counts) > 0)) {
      settled.push(...(await this.settle(tx, ev, now)));
      [rows, counts] = await read();
    }
    const existing = new Map(rows.map((r) => [r.residentId, r]));

    // A request already answered (stored by an earlier transaction, or met earlier in this batch) is
    // answered as it was the first time; only the others are sign-ups to decide.
    const outcomes: SignUpOutcome[] = new Array<SignUpOutcome>(items.length);
    const firstOf = new Map<string, number>();
    const echoes: { index: number; of: number }[] = [];
    const fresh: number[] = [];
    items.forEach(({ residentId, dto }, index) => {
      const id = dto.clientRequestId;
      const row = existing.get(residentId);
      if (id && row?.clientRequestId === id) outcomes[index] = { ok: true, row, duplicate: true, notices: [], now };
      else if (id && firstOf.has(id)) echoes.push({ index, of: firstOf.get(id)! });
      else {
        if (id) firstOf.set(id, index);
        fresh.push(index);
      }
    });
    const decisions = decideSignUps(
      signUpWindow(ev),
      counts,
      fresh.map((i) => ({ key: items[i].residentId, existing: statusFor(existing.get(items[i].residentId), now), joinWaitlist: !!items[i].dto.joinWaitlist })),
      now,
    );
    const inserts: { index: number; row: EventRegistration }[] = [];
    for (const [k, index] of fresh.entries()) {
      const { residentId, dto, details } = items[index];
      const answer = answerOf(decisions[k], !!dto.joinWaitlist);
      if (!('write' in answer)) {
        outcomes[index] = { ...answer, notices: [], now };
        continue;
      }
      const values = this.rowValues(answer.write, dto, details, now);
      const prior = existing.get(residentId);
      if (prior) outcomes[index] = { ok: true, row: await regs.save(Object.assign(prior, values)), duplicate: false, notices: [], now };
      else inserts.push({ index, row: regs.create({ eventId, residentId, ...values }) });
    }
    if (inserts.length) {
      await regs
        .createQueryBuilder()
        .insert()
        .values(inserts.map((x) => x.row))
        .updateEntity(false)
        .execute();
      const written = await regs.find({ where: { eventId, residentId: In(inserts.map((x) => x.row.residentId)) } });
      const byResident = new Map(written.map((r) => [r.residentId, r]));
      for (const x of inserts) outcomes[x.index] = { ok: true, row: byResident.get(x.row.residentId)!, duplicate: false, notices: [], now };
    }
    for (const o of outcomes) if (o.ok && !o.duplicate && o.row.status === 'confirmed') o.notices.push(...seatNotices(o.row.id, false));
    for (const { index, of } of echoes) {
      const first = outcomes[of];
      const same = items[index].residentId === items[of].residentId;
      outcomes[index] = !same
        ? { ok: false, refusal: 'request_reused', notices: [], now }
        : first.ok
          ? { ...first, duplicate: true, notices: [] }
          : { ...first, notices: [] };
    }
    if (outcomes.length) outcomes[0].notices.push(...settled);
    const confirmed = decisions.filter((d) => d.kind === 'confirm').length;
    if (seatsLeft(ev.capacity, { confirmed: counts.confirmed + confirmed, offered: counts.offered }) > 0) this.seatsFree.add(eventId);
    else this.seatsFree.delete(eventId);
    return outcomes;
  }

  /** A (re)registration's columns: a new ticket code, which revokes any older ticket. */
  private rowValues(
    status: 'confirmed' | 'waitlisted',
    dto: RegistrationInputDto,
    details: Pick<EventRegistration, 'name' | 'phone' | 'consentVersion'>,
    now: Date,
  ): Partial<EventRegistration> {
    const confirm = status === 'confirmed';
    return {
      status,
      source: 'online',
      ...details,
      ticketCode: this.tokens.newTicketCode(),
      queuedAt: confirm ? null : now,
      offeredAt: null,
      offerExpiresAt: null,
      confirmedAt: confirm ? now : null,
      cancelledAt: null,
      checkedInAt: null,
      checkinMethod: null,
      checkedInById: null,
      checkedInByName: null,
      clientRequestId: dto.clientRequestId ?? null,
    };
  }

  /** Gives back a seat, leaves the queue, or declines an offer; a freed seat goes to the next in line. */
  async cancelMine(residentId: number, eventId: number, now = new Date()): Promise<MyRegistration> {
    const event = await this.visibleEvent(eventId);
    const result = await this.locks.run(eventId, async (tx): Promise<Locked<EventRegistration, CancelRefusal | 'missing'>> => {
      const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id: eventId });
      const notices = await this.settle(tx, ev, now);
      const reg = await tx.getRepository(EventRegistration).findOne({ where: { eventId, residentId } });
      if (!reg) return { ok: false, refusal: 'missing', notices };
      const decision = decideCancel(signUpWindow(ev), reg, now);
      if (!decision.ok) return { ok: false, refusal: decision.reason, notices };
      reg.status = 'cancelled';
      reg.cancelledAt = now;
      await tx.getRepository(EventRegistration).save(reg);
      if (decision.freesSeat) notices.push(...(await this.settle(tx, ev, now)));
      return { ok: true, row: reg, notices };
    });
    await this.notifications.dispatch(result.notices);
    if (!result.ok) {
      if (result.refusal === 'missing') throw AppException.notFound('报名记录');
      throw refused(result.refusal, CANCEL_REFUSAL_LABELS[result.refusal]);
    }
    return this.views.mine(result.row, event, now);
  }

  /** Accepting an offer confirms the seat; declining passes it on at once. */
  async answerOffer(residentId: number, eventId: number, accept: boolean, now = new Date()): Promise<MyRegistration> {
    const event = await this.visibleEvent(eventId);
    const result = await this.locks.run(eventId, async (tx): Promise<Locked<EventRegistration, OfferRefusal | 'missing'>> => {
      const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id: eventId });
      const notices = await this.settle(tx, ev, now);
      const regs = tx.getRepository(EventRegistration);
      const reg = await regs.findOne({ where: { eventId, residentId } });
      if (!reg) return { ok: false, refusal: 'missing', notices };
      // Declining is allowed exactly when accepting would be: while the offer is open.
      const decision = decideAcceptOffer(ev, reg, now);
      if (!decision.ok) return { ok: false, refusal: decision.reason, notices };
      if (accept) {
        reg.status = 'confirmed';
        reg.confirmedAt = now;
        await regs.save(reg);
        notices.push(...seatNotices(reg.id, true));
      } else {
        reg.status = 'cancelled';
        reg.cancelledAt = now;
        await regs.save(reg);
        notices.push(...(await this.settle(tx, ev, now)));
      }
      return { ok: true, row: reg, notices };
    });
    await this.notifications.dispatch(result.notices);
    if (!result.ok) {
      if (result.refusal === 'missing') throw AppException.notFound('报名记录');
      throw refused(result.refusal, OFFER_REFUSAL_LABELS[result.refusal]);
    }
    return this.views.mine(result.row, event, now);
  }

  async mineFor(residentId: number, event: OutreachEvent, now = new Date()): Promise<MyRegistration | null> {
    const reg = await this.repo.findOne({ where: { eventId: event.id, residentId } });
    return reg ? this.views.mine(reg, event, now) : null;
  }

  /** Passes on the event's lapsed offers before a page shows it, rather than waiting for the timer. */
  async settleIfDue(eventId: number, now = new Date()): Promise<void> {
    const lapsed = await this.repo.exists({ where: { eventId, status: 'offered', offerExpiresAt: LessThanOrEqual(now) } });
    if (lapsed) await this.settleEvent(eventId, now);
  }

  /** "我的活动": upcoming events first (soonest first), then past ones (latest first). */
  async myEvents(residentId: number, q: PageQueryDto, now = new Date()): Promise<Page<MyEventItem>> {
    const p = paging(q);
    const regs = await this.repo.find({ where: { residentId } });
    const events = regs.length
      ? new Map((await this.events.find({ where: { id: In(regs.map((r) => r.eventId)) } })).map((e) => [e.id, e]))
      : new Map<number, OutreachEvent>();
    const t = now.getTime();
    const sorted = regs
      .map((r) => ({ r, e: events.get(r.eventId)! }))
      .sort((a, b) => {
        const pastA = a.e.endsAt.getTime() <= t;
        const pastB = b.e.endsAt.getTime() <= t;
        if (pastA !== pastB) return pastA ? 1 : -1;
        const diff = a.e.startsAt.getTime() - b.e.startsAt.getTime();
        return (pastA ? -diff : diff) || a.r.id - b.r.id;
      });
    const page = sorted.slice(p.skip, p.skip + p.pageSize);
    const summaries = await this.views.summaries(
      page.map((x) => x.e),
      now,
    );
    const items: MyEventItem[] = [];
    for (const [i, { r, e }] of page.entries()) items.push({ event: summaries[i], registration: await this.views.mine(r, e, now) });
    return pageOf(items, sorted.length, p);
  }

  /**
   * What the recurring job runs, and what tests call with a chosen `now`: marks ended events
   * finished, and settles every event whose queue may move (an offer lapsed, or people wait while a
   * seat may have come free).
   */
  async sweep(now = new Date()): Promise<void> {
    await this.events
      .createQueryBuilder()
      .update(OutreachEvent)
      .set({ status: 'finished' })
      .where('status = :published AND endsAt <= :now', { published: 'published', now })
      .execute();
    const rows = await this.repo
      .createQueryBuilder('r')
      .innerJoin(OutreachEvent, 'e', 'e.id = r.eventId')
      .select('DISTINCT r.eventId', 'eventId')
      .where(`(r.status = 'offered' AND r.offerExpiresAt <= :now) OR (r.status = 'waitlisted' AND e.status = 'published' AND e.startsAt > :now)`, { now })
      .getRawMany<{ eventId: number | string }>();
    for (const { eventId } of rows) await this.settleEvent(Number(eventId), now);
  }

  /** Settles one event's queue under its lock and sends what that calls for. */
  async settleEvent(eventId: number, now = new Date()): Promise<void> {
    const notices = await this.locks.run(eventId, async (tx) => {
      const ev = await tx.getRepository(OutreachEvent).findOneBy({ id: eventId });
      return ev ? this.settle(tx, ev, now) : [];
    });
    await this.notifications.dispatch(notices);
  }

  /**
   * Applies planOffers inside the event's lock: lapsed offers expire, free seats are offered to the
   * front of the queue (or given outright shortly before the start). Returns the messages to send.
   */
  async settle(tx: EntityManager, ev: OutreachEvent, now: Date): Promise<Notice[]> {
    const regs = tx.getRepository(EventRegistration);
    const rows = await regs.find({
      select: { id: true, status: true, queuedAt: true, createdAt: true, offerExpiresAt: true },
      where: { eventId: ev.id, status: In(['confirmed', 'offered', 'waitlisted']) },
    });
    const queue: QueueEntry[] = rows
      .filter((r) => r.status !== 'confirmed')
      .map((r) => ({ id: r.id, status: r.status as QueueEntry['status'], joinedAt: r.queuedAt ?? r.createdAt, offerExpiresAt: r.offerExpiresAt }));
    const plan = planOffers({
      status: effectiveEventStatus(ev.status, ev.endsAt, now),
      startsAt: ev.startsAt,
      capacity: ev.capacity,
      confirmed: rows.length - queue.length,
      queue,
      now,
      policy: { offerHours: ev.offerHours },
    });
    if (plan.expire.length) await regs.update({ id: In(plan.expire), status: 'offered' }, { status: 'expired' });
    const notices: Notice[] = [];
    for (const o of plan.offer) {
      await regs.update({ id: o.id }, { status: 'offered', offeredAt: now, offerExpiresAt: o.expiresAt });
      notices.push({ kind: 'waitlist_offer', registrationId: o.id });
    }
    for (const id of plan.promote) {
      await regs.update({ id }, { status: 'confirmed', confirmedAt: now });
      notices.push(...seatNotices(id, true));
    }
    return notices;
  }

  /**
   * Counts for the shared rules: an offer past its deadline holds no seat (`lapsed` counts those
   * settling has not marked expired yet). One row per event read through the (eventId, status) index.
   */
  async seatCounts(tx: EntityManager, eventId: number, now: Date): Promise<SeatCounts & { lapsed: number }> {
    return countsOf(await this.countsQuery(tx, eventId, now).getRawOne<RawCounts>());
  }

  /**
   * The lock-free read of a sign-up, in one statement so its parts agree: the counts, the id of the
   * resident's row among those counted (confirmed, offered or waitlisted), and the id of the row
   * stored by this request before (`seen`, any event's), if any.
   */
  private async signUpSnapshot(eventId: number, residentId: number, clientRequestId: string | undefined, now: Date) {
    const query = this.countsQuery(this.repo.manager, eventId, now)
      .addSelect('MAX(CASE WHEN r.residentId = :residentId THEN r.id END)', 'mine')
      .addSelect('(SELECT s.id FROM event_registrations s WHERE s.clientRequestId = :clientRequestId)', 'seen')
      .setParameters({ residentId, clientRequestId: clientRequestId ?? null });
    const row = await query.getRawOne<RawCounts & Record<'mine' | 'seen', string | number | null>>();
    const id = (x: string | number | null | undefined) => (x == null ? null : Number(x));
    return { counts: countsOf(row), mine: id(row?.mine), seen: id(row?.seen) };
  }

  private countsQuery(tx: EntityManager, eventId: number, now: Date) {
    return tx
      .getRepository(EventRegistration)
      .createQueryBuilder('r')
      .select(`SUM(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END)`, 'confirmed')
      .addSelect(`SUM(CASE WHEN r.status = 'offered' AND (r.offerExpiresAt IS NULL OR r.offerExpiresAt > :now) THEN 1 ELSE 0 END)`, 'offered')
      .addSelect(`SUM(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END)`, 'waitlisted')
      .addSelect(`SUM(CASE WHEN r.status = 'offered' AND r.offerExpiresAt <= :now THEN 1 ELSE 0 END)`, 'lapsed')
      .where(`r.eventId = :eventId AND r.status IN ('confirmed', 'offered', 'waitlisted')`, { eventId, now });
  }

  /** Only the details the event asks for are kept, with the consent given for them. */
  private details(event: OutreachEvent, dto: RegistrationInputDto): Pick<EventRegistration, 'name' | 'phone' | 'consentVersion'> {
    const needName = event.requiredFields.includes('name');
    const needPhone = event.requiredFields.includes('phone');
    const missing = [needName && !dto.name?.trim() ? '姓名' : null, needPhone && !dto.phone ? '手机号' : null].filter(Boolean);
    if (missing.length) throw AppException.badRequest(`本活动报名需要填写${missing.join('和')}`, undefined, 'VALIDATION_FAILED');
    if (!needName && !needPhone) return { name: null, phone: null, consentVersion: null };
    if (dto.consentVersion !== EVENT_REGISTRATION_CONSENT_VERSION) {
      throw new AppException(409, 'CONSENT_REQUIRED', '报名信息使用说明已更新，请重新阅读并确认后再报名', {
        currentVersion: EVENT_REGISTRATION_CONSENT_VERSION,
      });
    }
    return { name: needName ? dto.name!.trim() : null, phone: needPhone ? dto.phone! : null, consentVersion: dto.consentVersion };
  }

  private async replay(seen: EventRegistration, residentId: number, eventId: number, now: Date): Promise<MyRegistration> {
    if (seen.residentId !== residentId || seen.eventId !== eventId) throw AppException.conflict(REQUEST_REUSED);
    return this.views.mine(seen, await this.visibleEvent(eventId), now);
  }

  private async exportFor(residentId: number) {
    const regs = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    const titles = regs.length
      ? new Map((await this.events.find({ select: { id: true, title: true }, where: { id: In(regs.map((r) => r.eventId)) } })).map((e) => [e.id, e.title]))
      : new Map<number, string>();
    return {
      registrations: regs.map((r) => ({
        eventId: r.eventId,
        eventTitle: titles.get(r.eventId) ?? null,
        status: r.status,
        source: r.source,
        name: r.name,
        phone: r.phone,
        consentVersion: r.consentVersion,
        createdAt: r.createdAt.toISOString(),
        confirmedAt: r.confirmedAt?.toISOString() ?? null,
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
      })),
    };
  }
}
