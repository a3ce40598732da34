import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AttendeesService } from './services/attendees.service';
import { CheckinsService } from './services/checkins.service';
import { EventLocks } from './services/event-locks';
import { EventNotificationsService } from './services/event-notifications.service';
import { EventRegistration } from './entities/event-registration.entity';
import { EventReportsService } from './services/event-reports.service';
import { OutreachEvent } from './entities/event.entity';
import { EventTokensService } from './services/event-tokens.service';
import { EventViewsService } from './services/event-views.service';
import { AdminEventsController } from './controllers/admin-events.controller';
import { CheckinsController } from './controllers/checkins.controller';
import { EventsController } from './controllers/events.controller';
import { HostUnitsController } from './controllers/host-units.controller';
import { MyEventsController } from './controllers/my-events.controller';
import { EventsService } from './services/events.service';
import { HostUnit } from './entities/host-unit.entity';
import { HostUnitsService } from './services/host-units.service';
import { RegistrationsService } from './services/registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutreachEvent, EventRegistration, HostUnit]), RegionsModule, ResidentsModule, NotificationsModule, QuizzesModule],
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
  exports: [EventsService, EventReportsService],
})
export class EventsModule {}
