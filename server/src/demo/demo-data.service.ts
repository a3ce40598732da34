import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addChinaDays, BOOKING_CONSENT_VERSION, BOOKING_KINDS, chinaDate, chinaInstant, CHINA_UTC_OFFSET_MINUTES, hmMinutes, regionPath } from '@xinqiao/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { Article } from '../articles/article.entity';
import { sanitizeArticleHtml } from '../articles/sanitize';
import { Region } from '../regions/region.entity';
import { hashPassword } from '../staff/passwords';
import { Staff } from '../staff/staff.entity';
import { Hotline } from '../hotlines/hotline.entity';
import { OutreachEvent } from '../events/entities/event.entity';
import { HostUnit } from '../events/entities/host-unit.entity';
import { CounsellorProfileRow } from '../stations/entities/counsellor-profile.entity';
import { CounsellorStation } from '../stations/entities/counsellor-station.entity';
import { StationExceptionRow } from '../stations/entities/station-exception.entity';
import { Station } from '../stations/entities/station.entity';
import { DEFAULT_BOOKING_SETTINGS } from '../bookings/services/booking-settings.service';
import { activeKeyOf } from '../bookings/services/bookings.service';
import { AvailabilityBlockRow } from '../bookings/entities/availability.entity';
import { Booking, BookingHistoryRow } from '../bookings/entities/booking.entity';
import { BookingSettingsRow } from '../bookings/entities/booking-settings.entity';
import { CallbackLineRow } from '../bookings/entities/callback-line.entity';
import { Resident } from '../residents/resident.entity';
import { DutyEntry } from '../alerts/duty/entities/duty-entry.entity';
import {
  DEMO_ARTICLES,
  DEMO_AVAILABILITY,
  DEMO_BOOKINGS,
  DEMO_CALLBACK_LINE,
  DEMO_RESIDENT,
  DEMO_COUNSELLORS,
  DEMO_DUTY,
  DEMO_EVENTS,
  DEMO_HOST_UNITS,
  DEMO_HOTLINES,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_STAFF,
  DEMO_STATIONS,
  type DemoRegion,
} from './demo-data';

/** Loads the demo data set; every step checks what exists, so running it again changes nothing. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const regions = new Map<string, Region>();
      await this.seedRegion(tx, DEMO_REGIONS, null, regions);
      const passwordHash = await hashPassword(DEMO_PASSWORD, this.config.BCRYPT_ROUNDS);
      for (const s of DEMO_STAFF) {
        if (await tx.getRepository(Staff).exists({ where: { username: s.username } })) continue;
        const region = regions.get(s.regionCode)!;
        await tx.getRepository(Staff).insert({
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          regionId: region.id,
          regionPath: region.path,
          passwordHash,
          mustChangePassword: false,
        });
      }
      const author = await tx.getRepository(Staff).findOneByOrFail({ username: 'editor_sl' });
      for (const a of DEMO_ARTICLES) {
        if (await tx.getRepository(Article).exists({ where: { title: a.title } })) continue;
        const region = regions.get(a.regionCode)!;
        await tx.getRepository(Article).save(
          tx.getRepository(Article).create({
            title: a.title,
            summary: a.summary,
            category: a.category,
            audiences: a.audiences,
            regionId: region.id,
            regionPath: region.path,
            body: sanitizeArticleHtml(a.body, this.config.CONTENT_IMAGE_HOSTS),
            source: a.source,
            status: a.published ? 'published' : 'draft',
            publishedAt: a.published ? new Date() : null,
            authorId: author.id,
            authorName: author.displayName,
          }),
        );
      }
      for (const { regionCode, ...h } of DEMO_HOTLINES) {
        if (await tx.getRepository(Hotline).exists({ where: { name: h.name } })) continue;
        const region = regions.get(regionCode)!;
        await tx.getRepository(Hotline).insert({ ...h, regionId: region.id, regionPath: region.path, sortOrder: 0 });
      }
      await this.seedEvents(tx, regions);
      await this.seedStations(tx, regions);
      await this.seedBookings(tx, regions);
      await this.seedDuty(tx, regions);
    });
    this.logger.log('demo data in place');
  }

  private async seedEvents(tx: EntityManager, regions: Map<string, Region>): Promise<void> {
    for (const { regionCode, ...u } of DEMO_HOST_UNITS) {
      const region = regions.get(regionCode)!;
      if (await tx.getRepository(HostUnit).exists({ where: { regionId: region.id, name: u.name } })) continue;
      await tx.getRepository(HostUnit).insert({ ...u, regionId: region.id, regionPath: region.path });
    }
    const now = new Date();
    for (const e of DEMO_EVENTS) {
      if (await tx.getRepository(OutreachEvent).exists({ where: { title: e.title } })) continue;
      const region = regions.get(e.regionCode)!;
      const organiser = await tx.getRepository(Staff).findOneByOrFail({ username: e.organiser });
      const unit = e.hostUnit ? await tx.getRepository(HostUnit).findOneByOrFail({ name: e.hostUnit }) : null;
      const startsAt = chinaTimeInDays(now, e.inDays, e.startHour);
      await tx.getRepository(OutreachEvent).save(
        tx.getRepository(OutreachEvent).create({
          title: e.title,
          kind: e.kind,
          placeType: e.placeType,
          status: 'published',
          hostUnitId: unit?.id ?? null,
          regionId: region.id,
          regionPath: region.path,
          venueName: e.venue.name,
          venueAddress: e.venue.address,
          venueLat: e.venue.lat,
          venueLng: e.venue.lng,
          startsAt,
          endsAt: new Date(startsAt.getTime() + e.minutes * 60_000),
          signupOpensAt: null,
          signupClosesAt: null,
          cancelClosesAt: new Date(startsAt.getTime() - 24 * 3_600_000),
          capacity: e.capacity,
          waitlistEnabled: true,
          offerHours: this.config.EVENT_OFFER_HOURS,
          requiredFields: e.requiredFields,
          audiences: e.audiences,
          description: e.description,
          speakers: e.speakers,
          coverUrl: null,
          quizId: null,
          campaignId: null,
          cancelReason: null,
          publishedAt: now,
          cancelledAt: null,
          createdById: organiser.id,
          createdByName: organiser.displayName,
        }),
      );
    }
  }

  private async seedStations(tx: EntityManager, regions: Map<string, Region>): Promise<void> {
    const today = chinaDate(new Date());
    for (const { regionCode, exception, ...st } of DEMO_STATIONS) {
      if (await tx.getRepository(Station).exists({ where: { name: st.name } })) continue;
      const region = regions.get(regionCode)!;
      const saved = await tx.getRepository(Station).save(
        tx.getRepository(Station).create({ ...st, photoUrl: null, published: true, regionId: region.id, regionPath: region.path }),
      );
      if (exception) {
        await tx.getRepository(StationExceptionRow).insert({ stationId: saved.id, date: addChinaDays(today, exception.inDays), hours: exception.hours, note: exception.note });
      }
    }
    // The district office recorded each counsellor's consent to publication.
    const office = await tx.getRepository(Staff).findOneByOrFail({ username: 'region_yc' });
    for (const { regionCode, staff, stations, ...c } of DEMO_COUNSELLORS) {
      if (await tx.getRepository(CounsellorProfileRow).exists({ where: { name: c.name } })) continue;
      const region = regions.get(regionCode)!;
      const account = staff ? await tx.getRepository(Staff).findOneByOrFail({ username: staff }) : null;
      const saved = await tx.getRepository(CounsellorProfileRow).save(
        tx.getRepository(CounsellorProfileRow).create({
          ...c,
          photoUrl: null,
          regionId: region.id,
          regionPath: region.path,
          staffId: account?.id ?? null,
          published: true,
          publishConsentAt: new Date(),
          publishConsentById: office.id,
          publishConsentByName: office.displayName,
        }),
      );
      for (const name of stations) {
        const station = await tx.getRepository(Station).findOneByOrFail({ name });
        await tx.getRepository(CounsellorStation).insert({ counsellorId: saved.id, stationId: station.id });
      }
    }
  }

  /** Booking rules, availability, a call-back line and the demo resident's bookings (once: skipped when the resident exists). */
  private async seedDuty(tx: EntityManager, regions: Map<string, Region>): Promise<void> {
    for (const d of DEMO_DUTY) {
      const region = regions.get(d.regionCode)!;
      if (await tx.getRepository(DutyEntry).exists({ where: { regionId: region.id } })) continue;
      const staff = await tx.getRepository(Staff).findOneByOrFail({ username: d.username });
      for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
        await tx.getRepository(DutyEntry).insert({ regionId: region.id, regionPath: region.path, staffId: staff.id, weekday, date: null, start: '00:00', end: '24:00', role: d.role });
      }
    }
  }

  private async seedBookings(tx: EntityManager, regions: Map<string, Region>): Promise<void> {
    for (const kind of BOOKING_KINDS) {
      if (!(await tx.getRepository(BookingSettingsRow).exists({ where: { kind } }))) await tx.getRepository(BookingSettingsRow).insert(DEFAULT_BOOKING_SETTINGS[kind]);
    }
    const profile = (name: string) => tx.getRepository(CounsellorProfileRow).findOneByOrFail({ name });
    const station = (name: string) => tx.getRepository(Station).findOneByOrFail({ name });
    for (const a of DEMO_AVAILABILITY) {
      const c = await profile(a.counsellor);
      if (await tx.getRepository(AvailabilityBlockRow).exists({ where: { counsellorId: c.id } })) continue;
      for (const { station: stationName, ...b } of a.blocks) {
        await tx.getRepository(AvailabilityBlockRow).insert({ ...b, counsellorId: c.id, stationId: stationName ? (await station(stationName)).id : null });
      }
    }
    const hotline = await tx.getRepository(Hotline).findOneByOrFail({ name: DEMO_CALLBACK_LINE.hotline });
    if (!(await tx.getRepository(CallbackLineRow).exists({ where: { hotlineId: hotline.id } }))) {
      await tx.getRepository(CallbackLineRow).insert({
        hotlineId: hotline.id,
        regionId: hotline.regionId,
        regionPath: hotline.regionPath,
        weeklyHours: DEMO_CALLBACK_LINE.weeklyHours,
        capacityPerWindow: DEMO_CALLBACK_LINE.capacityPerWindow,
        enabled: true,
      });
    }
    if (await tx.getRepository(Resident).exists({ where: { openid: DEMO_RESIDENT.openid } })) return;
    const home = regions.get(DEMO_RESIDENT.regionCode)!;
    const resident = await tx.getRepository(Resident).save(
      tx.getRepository(Resident).create({ openid: DEMO_RESIDENT.openid, unionid: null, nickname: null, regionId: home.id, regionPath: home.path, populationGroup: null, ageBand: DEMO_RESIDENT.ageBand, gender: null }),
    );
    const now = new Date();
    const today = chinaDate(now);
    for (const [i, d] of DEMO_BOOKINGS.entries()) {
      const c = await profile(d.counsellor);
      const st = d.station ? await station(d.station) : null;
      const start = chinaInstant(addChinaDays(today, d.inDays), hmMinutes(d.at)!);
      const end = new Date(start.getTime() + DEFAULT_BOOKING_SETTINGS[d.kind].durationMinutes * 60_000);
      const ownerKey = `c:${c.id}`;
      const occupies = d.status === 'confirmed' || d.status === 'attended' || d.status === 'no_show';
      const saved = await tx.getRepository(Booking).save(
        tx.getRepository(Booking).create({
          residentId: resident.id,
          kind: d.kind,
          status: d.status,
          start,
          end,
          counsellorId: c.id,
          stationId: st?.id ?? null,
          lineId: null,
          ownerKey,
          seat: 0,
          activeKey: occupies ? activeKeyOf(ownerKey, start, 0) : null,
          regionPath: st?.regionPath ?? c.regionPath,
          contactPhone: '13800138000',
          topic: d.topic,
          note: d.note,
          ageBand: DEMO_RESIDENT.ageBand,
          guardianName: null,
          guardianRelation: null,
          consentVersion: BOOKING_CONSENT_VERSION,
          sensitiveConsent: d.topic !== null || d.note !== null,
          clientRequestId: `demo-booking-${i + 1}`,
          cancelReason: d.cancelReason ?? null,
          cancelledAt: d.cancelReason ? now : null,
          ratingScore: d.rating?.score ?? null,
          ratingComment: d.rating?.comment ?? null,
          ratedAt: d.rating ? end : null,
        }),
      );
      const booked = new Date(Math.min(now.getTime(), start.getTime() - 3 * 86_400_000));
      await tx.getRepository(BookingHistoryRow).insert({ bookingId: saved.id, at: booked, action: 'booked', byName: null, note: null });
      if (d.status !== 'confirmed') await tx.getRepository(BookingHistoryRow).insert({ bookingId: saved.id, at: d.status === 'cancelled' ? now : end, action: d.status, byName: d.status === 'cancelled' ? null : c.name, note: d.cancelReason ?? null });
    }
  }

  private async seedRegion(tx: EntityManager, node: DemoRegion, parent: Region | null, out: Map<string, Region>): Promise<void> {
    const repo = tx.getRepository(Region);
    let region = await repo.findOne({ where: { code: node.code } });
    if (!region) {
      region = await repo.save(
        repo.create({
          name: node.name,
          level: node.level,
          code: node.code,
          parentId: parent?.id ?? null,
          urbanRural: node.urbanRural ?? null,
          population: node.population ?? null,
          urbanPopulation: node.urbanPopulation ?? null,
          path: '',
        }),
      );
      region.path = regionPath(parent?.path ?? null, region.id);
      await repo.save(region);
    }
    out.set(node.code, region);
    for (const child of node.children ?? []) await this.seedRegion(tx, child, region, out);
  }
}

/** `days` after `now`, at `hour`:00 China time. */
function chinaTimeInDays(now: Date, days: number, hour: number): Date {
  const offset = CHINA_UTC_OFFSET_MINUTES * 60_000;
  const local = new Date(now.getTime() + offset);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour) - offset);
}
