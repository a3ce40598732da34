import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Quiz } from '../quizzes/quiz.entity';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { Resident } from '../residents/resident.entity';
import { ResidentsModule } from '../residents/residents.module';
import { AttendeesService } from './attendees.service';
import { CheckinsService } from './checkins.service';
import { EventLocks } from './event-locks';
import { EventNotification } from './event-notification.entity';
import { EventNotificationsService } from './event-notifications.service';
import { EventRegistration } from './event-registration.entity';
import { EventReportsService } from './event-reports.service';
import { OutreachEvent } from './event.entity';
import { EventTokensService } from './event-tokens.service';
import { EventViewsService } from './event-views.service';
import { AdminEventsController, CheckinsController, EventsController, HostUnitsController, MyEventsController, MySubscriptionsController } from './events.controller';
import { EventsService } from './events.service';
import { HostUnit } from './host-unit.entity';
import { HostUnitsService } from './host-units.service';
import { RegistrationsService } from './registrations.service';
import { SubscribeGrant } from './subscribe-grant.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([OutreachEvent, EventRegistration, HostUnit, EventNotification, SubscribeGrant, Region, Resident, Quiz, Campaign]),
    RegionsModule,
    ResidentsModule,
  ],
  controllers: [EventsController, MyEventsController, MySubscriptionsController, CheckinsController, AdminEventsController, HostUnitsController],
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
