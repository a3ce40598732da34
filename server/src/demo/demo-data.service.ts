import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addChinaDays, chinaDate, CHINA_UTC_OFFSET_MINUTES } from '@xinqiao/shared';
import { DataSource } from 'typeorm';
import { seedDemoDuty } from '../alerts/duty/demo-seed';
import { seedDemoArticles } from '../articles/demo-seed';
import { seedDemoBookings } from '../bookings/services/demo-seed';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { seedDemoEvents } from '../events/services/demo-seed';
import { seedDemoHotlines } from '../hotlines/demo-seed';
import { RegionsService } from '../regions/regions.service';
import { seedDemoResident } from '../residents/demo-seed';
import { seedDemoStaff } from '../staff/demo-seed';
import { hashPassword } from '../staff/passwords';
import { seedDemoStations } from '../stations/services/demo-seed';
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
} from './demo-data';

/**
 * Loads the demo data set, in one transaction; every owner module seeds its own rows (each step
 * checks what exists, so running it again changes nothing) and this service only orchestrates them.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
  ) {}

  async seed(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const regions = await this.regions.seedDemo(tx, DEMO_REGIONS);
      const region = (code: string) => {
        const r = regions.get(code);
        if (!r) throw new Error(`demo data names an unknown region ${code}`);
        return { id: r.id, path: r.path };
      };
      const passwordHash = await hashPassword(DEMO_PASSWORD, this.config.BCRYPT_ROUNDS);
      const accounts = await seedDemoStaff(
        tx,
        DEMO_STAFF.map(({ regionCode, ...s }) => ({ ...s, region: region(regionCode) })),
        passwordHash,
      );
      const person = (username: string) => {
        const account = accounts.get(username);
        if (!account) throw new Error(`demo data names an unknown account ${username}`);
        return account;
      };
      await seedDemoArticles(
        tx,
        DEMO_ARTICLES.map(({ regionCode, ...a }) => ({ ...a, region: region(regionCode) })),
        person('editor_sl'),
        this.config.CONTENT_IMAGE_HOSTS,
      );
      const hotlines = await seedDemoHotlines(
        tx,
        DEMO_HOTLINES.map(({ regionCode, ...h }) => ({ ...h, region: region(regionCode) })),
      );
      const now = new Date();
      await seedDemoEvents(
        tx,
        DEMO_HOST_UNITS.map(({ regionCode, ...u }) => ({ ...u, region: region(regionCode) })),
        DEMO_EVENTS.map(({ regionCode, organiser, inDays, startHour, ...e }) => ({
          ...e,
          region: region(regionCode),
          organiser: person(organiser),
          startsAt: chinaTimeInDays(now, inDays, startHour),
        })),
        this.config.EVENT_OFFER_HOURS,
      );
      const today = chinaDate(now);
      const placed = await seedDemoStations(
        tx,
        DEMO_STATIONS.map(({ regionCode, exception, ...st }) => ({
          ...st,
          region: region(regionCode),
          ...(exception && { exception: { date: addChinaDays(today, exception.inDays), hours: exception.hours, note: exception.note } }),
        })),
        DEMO_COUNSELLORS.map(({ regionCode, staff, ...c }) => ({ ...c, region: region(regionCode), staffId: staff ? person(staff).id : null })),
        // The district office recorded each counsellor's consent to publication.
        person('region_yc'),
      );
      const counsellor = (name: string) => ({ ...placed.counsellors.get(name)!, name });
      const resident = await seedDemoResident(tx, { openid: DEMO_RESIDENT.openid, region: region(DEMO_RESIDENT.regionCode), ageBand: DEMO_RESIDENT.ageBand });
      const hotline = hotlines.get(DEMO_CALLBACK_LINE.hotline);
      if (!hotline) throw new Error(`demo data names an unknown hotline ${DEMO_CALLBACK_LINE.hotline}`);
      await seedDemoBookings(tx, {
        availability: DEMO_AVAILABILITY.map((a) => ({
          counsellorId: counsellor(a.counsellor).id,
          blocks: a.blocks.map(({ station, ...b }) => ({ ...b, stationId: station ? placed.stations.get(station)!.id : null })),
        })),
        callbackLine: { hotline, weeklyHours: DEMO_CALLBACK_LINE.weeklyHours, capacityPerWindow: DEMO_CALLBACK_LINE.capacityPerWindow },
        resident: { ...resident, ageBand: DEMO_RESIDENT.ageBand },
        bookings: DEMO_BOOKINGS.map(({ counsellor: name, station, ...b }) => ({
          ...b,
          counsellor: counsellor(name),
          station: station ? placed.stations.get(station)! : null,
        })),
      });
      await seedDemoDuty(
        tx,
        DEMO_DUTY.map((d) => ({ region: region(d.regionCode), staffId: person(d.username).id, role: d.role })),
      );
    });
    this.logger.log('demo data in place');
  }
}

/** `days` after `now`, at `hour`:00 China time. */
function chinaTimeInDays(now: Date, days: number, hour: number): Date {
  const offset = CHINA_UTC_OFFSET_MINUTES * 60_000;
  const local = new Date(now.getTime() + offset);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour) - offset);
}
