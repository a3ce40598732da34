import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  attendanceOf,
  effectiveEventStatus,
  seatsLeft,
  type AdminEvent,
  type AdminEventRow,
  type EventCounts,
  type EventDetail,
  type EventSummary,
  type MyRegistration,
} from '@xinqiao/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RegionsService } from '../../regions/regions.service';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';
import { EventTokensService } from './event-tokens.service';
import { HostUnit } from '../entities/host-unit.entity';

export const NO_COUNTS: EventCounts = { confirmed: 0, offered: 0, waitlisted: 0, walkIns: 0, checkedIn: 0 };

/** Sign-up is open now (the waiting list shows only then). */
function signupOpen(e: OutreachEvent, now: Date): boolean {
  const t = now.getTime();
  return (
    effectiveEventStatus(e.status, e.endsAt, now) === 'published' &&
    (!e.signupOpensAt || t >= e.signupOpensAt.getTime()) &&
    t < (e.signupClosesAt ?? e.startsAt).getTime()
  );
}

/** Turns event and registration rows into what the API answers, with seat counts and names. */
@Injectable()
export class EventViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: EventTokensService,
    private readonly regions: RegionsService,
  ) {}

  /**
   * Seat and attendance counts per event. Offers past their deadline no longer hold a seat, even
   * before the sweep marks them expired.
   */
  async counts(eventIds: number[], now: Date, em: EntityManager = this.db.manager): Promise<Map<number, EventCounts>> {
    const out = new Map<number, EventCounts>();
    if (!eventIds.length) return out;
    const rows = await em
      .getRepository(EventRegistration)
      .createQueryBuilder('r')
      .select('r.eventId', 'eventId')
      .addSelect(`SUM(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END)`, 'confirmed')
      .addSelect(`SUM(CASE WHEN r.status = 'offered' AND (r.offerExpiresAt IS NULL OR r.offerExpiresAt > :now) THEN 1 ELSE 0 END)`, 'offered')
      .addSelect(`SUM(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END)`, 'waitlisted')
      .addSelect(`SUM(CASE WHEN r.status = 'confirmed' AND r.source = 'walk_in' THEN 1 ELSE 0 END)`, 'walkIns')
      .addSelect(`SUM(CASE WHEN r.checkedInAt IS NOT NULL THEN 1 ELSE 0 END)`, 'checkedIn')
      .where('r.eventId IN (:...ids)', { ids: eventIds })
      .setParameter('now', now)
      .groupBy('r.eventId')
      .getRawMany<Record<keyof EventCounts | 'eventId', string | number | null>>();
    for (const r of rows) {
      out.set(Number(r.eventId), {
        confirmed: Number(r.confirmed ?? 0),
        offered: Number(r.offered ?? 0),
        waitlisted: Number(r.waitlisted ?? 0),
        walkIns: Number(r.walkIns ?? 0),
        checkedIn: Number(r.checkedIn ?? 0),
      });
    }
    return out;
  }

  async summaries(events: OutreachEvent[], now: Date): Promise<EventSummary[]> {
    const [counts, regions, units] = await Promise.all([
      this.counts(
        events.map((e) => e.id),
        now,
      ),
      this.regions.names(events.map((e) => e.regionId)),
      this.unitNames(events.map((e) => e.hostUnitId)),
    ]);
    return events.map((e) => this.summary(e, counts.get(e.id) ?? NO_COUNTS, regions, units, now));
  }

  async adminRows(events: OutreachEvent[], now: Date): Promise<AdminEventRow[]> {
    const [counts, regions, units] = await Promise.all([
      this.counts(
        events.map((e) => e.id),
        now,
      ),
      this.regions.names(events.map((e) => e.regionId)),
      this.unitNames(events.map((e) => e.hostUnitId)),
    ]);
    return events.map((e) => {
      const c = counts.get(e.id) ?? NO_COUNTS;
      return { ...this.summary(e, c, regions, units, now), hostUnitId: e.hostUnitId, counts: c, updatedAt: e.updatedAt.toISOString() };
    });
  }

  async detail(e: OutreachEvent, now: Date, myRegistration: MyRegistration | null): Promise<EventDetail> {
    const [summary] = await this.summaries([e], now);
    return { ...summary, ...this.details(e), myRegistration };
  }

  async admin(e: OutreachEvent, now: Date): Promise<AdminEvent> {
    const [row] = await this.adminRows([e], now);
    return {
      ...row,
      ...this.details(e),
      regionPath: e.regionPath,
      waitlistEnabled: e.waitlistEnabled,
      offerHours: e.offerHours,
      cancelReason: e.cancelReason,
      publishedAt: e.publishedAt?.toISOString() ?? null,
      version: e.version,
      createdByName: e.createdByName,
      createdAt: e.createdAt.toISOString(),
    };
  }

  /** The resident's own registration: the ticket while the seat is confirmed, the queue place while waiting. */
  async mine(r: EventRegistration, e: OutreachEvent, now: Date): Promise<MyRegistration> {
    const confirmed = r.status === 'confirmed' && e.status !== 'cancelled';
    return {
      status: r.status,
      name: r.name,
      phone: r.phone,
      source: r.source,
      waitlistPosition: r.status === 'waitlisted' ? await this.waitlistPosition(r) : null,
      offerExpiresAt: r.status === 'offered' ? (r.offerExpiresAt?.toISOString() ?? null) : null,
      ticket: confirmed ? { token: await this.tokens.ticket(e.id, r.ticketCode) } : null,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      attendance: attendanceOf(r, e, now),
      createdAt: r.createdAt.toISOString(),
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
    };
  }

  private async unitNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!unique.length) return new Map();
    const rows = await this.db.getRepository(HostUnit).find({ select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** People ahead in the queue (without an offer), ties by id, plus one. */
  private async waitlistPosition(r: EventRegistration): Promise<number> {
    const queuedAt = r.queuedAt ?? r.createdAt;
    const ahead = await this.db
      .getRepository(EventRegistration)
      .createQueryBuilder('q')
      .where('q.eventId = :eventId AND q.status = :waitlisted', { eventId: r.eventId, waitlisted: 'waitlisted' })
      .andWhere('(q.queuedAt < :queuedAt OR (q.queuedAt = :queuedAt AND q.id < :id))', { queuedAt, id: r.id })
      .getCount();
    return ahead + 1;
  }

  private summary(e: OutreachEvent, c: EventCounts, regions: Map<number, string>, units: Map<number, string>, now: Date): EventSummary {
    const left = seatsLeft(e.capacity, c);
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      placeType: e.placeType,
      status: effectiveEventStatus(e.status, e.endsAt, now),
      hostUnitName: e.hostUnitId === null ? null : (units.get(e.hostUnitId) ?? null),
      regionId: e.regionId,
      regionName: regions.get(e.regionId) ?? '',
      venueName: e.venueName,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      signupOpensAt: e.signupOpensAt?.toISOString() ?? null,
      signupClosesAt: e.signupClosesAt?.toISOString() ?? null,
      capacity: e.capacity,
      seatsLeft: left,
      waitlistOpen: e.waitlistEnabled && signupOpen(e, now) && (left === 0 || c.waitlisted > 0),
      coverUrl: e.coverUrl,
      audiences: e.audiences,
    };
  }

  private details(e: OutreachEvent) {
    return {
      description: e.description,
      speakers: e.speakers,
      venue: {
        name: e.venueName,
        address: e.venueAddress,
        location: e.venueLat === null || e.venueLng === null ? null : { lat: e.venueLat, lng: e.venueLng },
      },
      cancelClosesAt: e.cancelClosesAt?.toISOString() ?? null,
      requiredFields: e.requiredFields,
      quizId: e.quizId,
      campaignId: e.campaignId,
    };
  }
}
