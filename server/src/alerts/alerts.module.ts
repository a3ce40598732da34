import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { ScaleResponse } from '../scales/scale-response.entity';
import { ScalesModule } from '../scales/scales.module';
import { Alert } from './alert.entity';
import { AlertFollowUp } from './alert-follow-up.entity';
import { AlertResponse } from './alert-response.entity';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { DutyModule } from './duty/duty.module';
import { HelpRequest } from './help-request.entity';
import { HelpRequestsController } from './help-requests.controller';
import { HelpRequestsService } from './help-requests.service';

@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertFollowUp, AlertResponse, HelpRequest, ScaleResponse, Region]), RegionsModule, ResidentsModule, ScalesModule, HotlinesModule, DutyModule],
  controllers: [AlertsController, HelpRequestsController],
  providers: [AlertsService, HelpRequestsService],
})
export class AlertsModule {}
