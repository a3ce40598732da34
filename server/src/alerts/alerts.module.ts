import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingsModule } from '../bookings/bookings.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { StationsModule } from '../stations/stations.module';
import { Alert } from './alert.entity';
import { AlertFollowUp } from './alert-follow-up.entity';
import { AlertResponse } from './alert-response.entity';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { DutyModule } from './duty/duty.module';
import { CaseworkController } from './casework/casework.controller';
import { CaseworkService } from './casework/casework.service';
import { AlertFollowUpPlan } from './casework/follow-up-plan.entity';
import { AlertIndicatorsService } from './casework/indicators.service';
import { AlertReferral } from './casework/referral.entity';
import { HelpRequest } from './help-request.entity';
import { HelpRequestsController } from './help-requests.controller';
import { HelpRequestsService } from './help-requests.service';

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
