import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Hotline } from './hotline.entity';
import { AdminHotlinesController } from './admin-hotlines.controller';
import { HotlinesController } from './hotlines.controller';
import { HotlinesService } from './hotlines.service';

@Module({
  imports: [TypeOrmModule.forFeature([Hotline]), RegionsModule],
  controllers: [HotlinesController, AdminHotlinesController],
  providers: [HotlinesService],
  exports: [HotlinesService],
})
export class HotlinesModule {}
