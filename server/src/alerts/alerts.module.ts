import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingsModule } from '../bookings/bookings.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { StationsModule } from '../stations/stations.module';
import { Alert } from './entities/alert.entity';
import { AlertFollowUp } from './entities/alert-follow-up.entity';
import { AlertResponse } from './entities/alert-response.entity';
import { AlertsController } from './controllers/alerts.controller';
import { AlertsService } from './services/alerts.service';
import { DutyModule } from './duty/duty.module';
import { CaseworkController } from './casework/controllers/casework.controller';
import { CaseworkService } from './casework/services/casework.service';
import { AlertFollowUpPlan } from './casework/entities/follow-up-plan.entity';
import { AlertIndicatorsService } from './casework/services/indicators.service';
import { AlertReferral } from './casework/entities/referral.entity';
import { HelpRequest } from './entities/help-request.entity';
import { HelpRequestsController } from './controllers/help-requests.controller';
import { HelpRequestsService } from './services/help-requests.service';

/**
 * The alerts domain's queue, help requests and casework (with DutyModule, its lower half, which it
 * imports). Scale titles and responses come through ScaleResults, which the scales module fills.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Alert, AlertFollowUp, AlertResponse, HelpRequest, AlertFollowUpPlan, AlertReferral]),
    RegionsModule,
    ResidentsModule,
    HotlinesModule,
    // Casework: reminders, the referral directory, and the case view's bookings.
    NotificationsModule,
    StationsModule,
    BookingsModule,
    DutyModule,
  ],
  controllers: [AlertsController, HelpRequestsController, CaseworkController],
  providers: [AlertsService, HelpRequestsService, CaseworkService, AlertIndicatorsService],
})
export class AlertsModule {}
