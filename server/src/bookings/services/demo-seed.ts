import {
  addChinaDays,
  BOOKING_CONSENT_VERSION,
  BOOKING_KINDS,
  chinaDate,
  chinaInstant,
  hmMinutes,
  type AgeBand,
  type AvailabilityBlockInput,
  type BookingKind,
  type BookingStatus,
  type IntakeTopic,
  type WeeklyHours,
} from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { AvailabilityBlockRow } from '../entities/availability.entity';
import { Booking, BookingHistoryRow } from '../entities/booking.entity';
import { BookingSettingsRow } from '../entities/booking-settings.entity';
import { CallbackLineRow } from '../entities/callback-line.entity';
import { DEFAULT_BOOKING_SETTINGS } from './booking-settings.service';
import { activeKeyOf } from './bookings.service';

type Placed = { id: number; regionPath: string };

export interface DemoBookingSeed {
  kind: BookingKind;
  status: BookingStatus;
  /** Days after the demo data is loaded (China date), at `at` (HH:mm). */
  inDays: number;
  at: string;
  counsellor: Placed & { name: string };
  station: Placed | null;
  topic: IntakeTopic | null;
  note: string | null;
  rating: { score: number; comment: string | null } | null;
  cancelReason?: string;
}

export interface DemoBookingData {
  availability: { counsellorId: number; blocks: AvailabilityBlockInput[] }[];
  callbackLine: { hotline: { id: number; regionId: number; regionPath: string }; weeklyHours: WeeklyHours; capacityPerWindow: number };
  /** The demo resident's bookings, made only when the resident was just created. */
  resident: { id: number; created: boolean; ageBand: AgeBand };
  bookings: DemoBookingSeed[];
}

/** Booking rules, availability, a call-back line and the demo resident's bookings, in the caller's transaction; what exists is kept. */
export async function seedDemoBookings(tx: EntityManager, d: DemoBookingData): Promise<void> {
  for (const kind of BOOKING_KINDS) {
    if (!(await tx.getRepository(BookingSettingsRow).exists({ where: { kind } })))
      await tx.getRepository(BookingSettingsRow).insert(DEFAULT_BOOKING_SETTINGS[kind]);
  }
  for (const a of d.availability) {
    if (await tx.getRepository(AvailabilityBlockRow).exists({ where: { counsellorId: a.counsellorId } })) continue;
    for (const b of a.blocks) await tx.getRepository(AvailabilityBlockRow).insert({ ...b, counsellorId: a.counsellorId });
  }
  const { hotline, weeklyHours, capacityPerWindow } = d.callbackLine;
  if (!(await tx.getRepository(CallbackLineRow).exists({ where: { hotlineId: hotline.id } }))) {
    await tx
      .getRepository(CallbackLineRow)
      .insert({ hotlineId: hotline.id, regionId: hotline.regionId, regionPath: hotline.regionPath, weeklyHours, capacityPerWindow, enabled: true });
  }
  if (!d.resident.created) return;
  const now = new Date();
  const today = chinaDate(now);
  for (const [i, b] of d.bookings.entries()) {
    const c = b.counsellor;
    const start = chinaInstant(addChinaDays(today, b.inDays), hmMinutes(b.at)!);
    const end = new Date(start.getTime() + DEFAULT_BOOKING_SETTINGS[b.kind].durationMinutes * 60_000);
    const ownerKey = `c:${c.id}`;
    const occupies = b.status === 'confirmed' || b.status === 'attended' || b.status === 'no_show';
    const saved = await tx.getRepository(Booking).save(
      tx.getRepository(Booking).create({
        residentId: d.resident.id,
        kind: b.kind,
        status: b.status,
        start,
        end,
        counsellorId: c.id,
        stationId: b.station?.id ?? null,
        lineId: null,
        ownerKey,
        seat: 0,
        activeKey: occupies ? activeKeyOf(ownerKey, start, 0) : null,
        regionPath: b.station?.regionPath ?? c.regionPath,
        contactPhone: '13800138000',
        topic: b.topic,
        note: b.note,
        ageBand: d.resident.ageBand,
        guardianName: null,
        guardianRelation: null,
        consentVersion: BOOKING_CONSENT_VERSION,
        sensitiveConsent: b.topic !== null || b.note !== null,
        clientRequestId: `demo-booking-${i + 1}`,
        cancelReason: b.cancelReason ?? null,
        cancelledAt: b.cancelReason ? now : null,
        ratingScore: b.rating?.score ?? null,
        ratingComment: b.rating?.comment ?? null,
        ratedAt: b.rating ? end : null,
      }),
    );
    const booked = new Date(Math.min(now.getTime(), start.getTime() - 3 * 86_400_000));
    await tx.getRepository(BookingHistoryRow).insert({ bookingId: saved.id, at: booked, action: 'booked', byName: null, note: null });
    if (b.status !== 'confirmed') {
      await tx.getRepository(BookingHistoryRow).insert({
        bookingId: saved.id,
        at: b.status === 'cancelled' ? now : end,
        action: b.status,
        byName: b.status === 'cancelled' ? null : c.name,
        note: b.cancelReason ?? null,
      });
    }
  }
}
