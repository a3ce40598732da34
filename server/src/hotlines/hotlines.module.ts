import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { Hotline } from './hotline.entity';
import { AdminHotlinesController } from './admin-hotlines.controller';
import { HotlinesController } from './hotlines.controller';
import { HotlinesService } from './hotlines.service';

@Module({
  imports: [TypeOrmModule.forFeature([Hotline]), RegionsModule, ResidentsModule],
  controllers: [HotlinesController, AdminHotlinesController],
  providers: [HotlinesService],
  exports: [HotlinesService],
})
export class HotlinesModule {}
