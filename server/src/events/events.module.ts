import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { Quiz } from '../quizzes/quiz.entity';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AttendeesService } from './attendees.service';
import { CheckinsService } from './checkins.service';
import { EventLocks } from './event-locks';
import { EventNotificationsService } from './event-notifications.service';
import { EventRegistration } from './event-registration.entity';
import { EventReportsService } from './event-reports.service';
import { OutreachEvent } from './event.entity';
import { EventTokensService } from './event-tokens.service';
import { EventViewsService } from './event-views.service';
import { AdminEventsController, CheckinsController, EventsController, HostUnitsController, MyEventsController } from './events.controller';
import { EventsService } from './events.service';
import { HostUnit } from './host-unit.entity';
import { HostUnitsService } from './host-units.service';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([OutreachEvent, EventRegistration, HostUnit, Region, Quiz, Campaign]),
    RegionsModule,
    ResidentsModule,
    NotificationsModule,
  ],
  controllers: [EventsController, MyEventsController, CheckinsController, AdminEventsController, HostUnitsController],
  providers: [
    EventLocks,
    EventTokensService,
    EventViewsService,
    EventNotificationsService,
    RegistrationsService,
    EventsService,
    CheckinsService,
    AttendeesService,
    EventReportsService,
    HostUnitsService,
  ],
})
export class EventsModule {}
