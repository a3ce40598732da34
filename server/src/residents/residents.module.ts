import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { PersonalDataRegistry } from './personal-data.registry';
import { Resident } from './resident.entity';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Resident]), RegionsModule],
  controllers: [ResidentsController],
  providers: [ResidentsService, PersonalDataRegistry],
  exports: [ResidentsService, PersonalDataRegistry],
})
export class ResidentsModule {}
