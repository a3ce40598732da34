import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../../notifications/notifications.module';
import { RegionsModule } from '../../regions/regions.module';
import { StaffModule } from '../../staff/staff.module';
import { Alert } from '../entities/alert.entity';
import { AlertResponse } from '../entities/alert-response.entity';
import { ScaleResults } from '../services/scale-results';
import { AlertDispatchController } from './controllers/alert-dispatch.controller';
import { AlertNoticesController } from './controllers/alert-notices.controller';
import { DutyController } from './controllers/duty.controller';
import { AlertDispatchEventRow } from './entities/alert-dispatch-event.entity';
import { AlertEscalation } from './entities/alert-escalation.entity';
import { DutyEntry } from './entities/duty-entry.entity';
import { AlertDispatchService } from './services/alert-dispatch.service';
import { DutyRosterService } from './services/duty-roster.service';

/**
 * The lower half of the alerts domain (AlertsModule is the other; both use the alerts' tables, which
 * no other module touches): duty rosters, the dispatch of new alerts to the people on duty, and
 * escalation. A module of its own so the scales module, which raises alerts in its submission
 * transaction (`alert-raise.ts`), can hand their notices over without depending on the alert queue;
 * scales registers its results with ScaleResults here, so alerts never imports scales.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DutyEntry, AlertEscalation, AlertDispatchEventRow, Alert, AlertResponse]),
    RegionsModule,
    StaffModule,
    NotificationsModule,
  ],
  controllers: [DutyController, AlertDispatchController, AlertNoticesController],
  providers: [DutyRosterService, AlertDispatchService, ScaleResults],
  exports: [AlertDispatchService, ScaleResults],
})
export class DutyModule {}
