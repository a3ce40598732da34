import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { StaffModule } from '../staff/staff.module';
import { AdminCounsellorsController } from './controllers/admin-counsellors.controller';
import { AdminHolidaysController } from './controllers/admin-holidays.controller';
import { AdminStationsController } from './controllers/admin-stations.controller';
import { CounsellorsController } from './controllers/counsellors.controller';
import { StationsController } from './controllers/stations.controller';
import { CounsellorProfileRow } from './entities/counsellor-profile.entity';
import { CounsellorStation } from './entities/counsellor-station.entity';
import { Holiday } from './entities/holiday.entity';
import { StationExceptionRow } from './entities/station-exception.entity';
import { Station } from './entities/station.entity';
import { CounsellorsService } from './services/counsellors.service';
import { HolidaysService } from './services/holidays.service';
import { InUseRegistry } from './services/in-use.registry';
import { StationsService } from './services/stations.service';

/**
 * The directory of service stations and counsellors, with opening hours and the holiday calendar.
 * Other modules (bookings) use the exported services, and register what keeps a station or a
 * profile from being deleted with InUseRegistry.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Station, StationExceptionRow, Holiday, CounsellorProfileRow, CounsellorStation]),
    RegionsModule,
    ResidentsModule,
    StaffModule,
  ],
  controllers: [StationsController, CounsellorsController, AdminStationsController, AdminHolidaysController, AdminCounsellorsController],
  providers: [InUseRegistry, HolidaysService, StationsService, CounsellorsService],
  exports: [InUseRegistry, HolidaysService, StationsService, CounsellorsService],
})
export class StationsModule {}
