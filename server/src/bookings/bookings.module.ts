import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { StationsModule } from '../stations/stations.module';
import { AdminBookingsController } from './controllers/admin-bookings.controller';
import { AdminCallbackLinesController } from './controllers/admin-callback-lines.controller';
import { AvailabilityController } from './controllers/availability.controller';
import { BookingsPublicController } from './controllers/bookings-public.controller';
import { ResidentBookingsController } from './controllers/resident-bookings.controller';
import { AvailabilityBlockRow, AvailabilityExceptionRow } from './entities/availability.entity';
import { BookingHold } from './entities/booking-hold.entity';
import { BookingLock } from './entities/booking-lock.entity';
import { BookingSettingsRow } from './entities/booking-settings.entity';
import { Booking, BookingHistoryRow, SessionNoteRow } from './entities/booking.entity';
import { CallbackLineRow } from './entities/callback-line.entity';
import { AvailabilityService } from './services/availability.service';
import { BookingLocks } from './services/booking-locks';
import { BookingNoticesService } from './services/booking-notices.service';
import { BookingSettingsService } from './services/booking-settings.service';
import { BookingStatsService } from './services/booking-stats.service';
import { BookingsService } from './services/bookings.service';
import { CallbackLinesService } from './services/callback-lines.service';
import { SlotsService } from './services/slots.service';
import { StaffBookingsService } from './services/staff-bookings.service';

/**
 * Booking help: in-person and phone sessions with counsellors, and call-backs from hotlines.
 * Stations, counsellor profiles, holidays and hotlines are read through their modules' services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      BookingSettingsRow,
      AvailabilityBlockRow,
      AvailabilityExceptionRow,
      CallbackLineRow,
      BookingLock,
      BookingHold,
      Booking,
      BookingHistoryRow,
      SessionNoteRow,
    ]),
    StationsModule,
    HotlinesModule,
    RegionsModule,
    ResidentsModule,
    NotificationsModule,
  ],

  controllers: [BookingsPublicController, ResidentBookingsController, AdminBookingsController, AvailabilityController, AdminCallbackLinesController],
  providers: [
    BookingLocks,
    BookingSettingsService,
    CallbackLinesService,
    AvailabilityService,
    SlotsService,
    BookingNoticesService,
    BookingsService,
    StaffBookingsService,
    BookingStatsService,
  ],
  exports: [BookingSettingsService, BookingsService],
})
export class BookingsModule {}
