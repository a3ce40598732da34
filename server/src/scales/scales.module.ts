import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyModule } from '../alerts/duty/duty.module';
import { ArticlesModule } from '../articles/articles.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AlertRuleSet } from './alert-rule-set.entity';
import { ResponsesService } from './responses.service';
import { ScaleDefinitionRecord } from './scale-definition.entity';
import { ScaleResponse } from './scale-response.entity';
import { ScaleStatsService } from './scale-stats.service';
import { AdminScalesController, MyResponsesController, ScalesController } from './scales.controller';
import { ScalesService } from './scales.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ScaleDefinitionRecord, ScaleResponse, AlertRuleSet]),
    RegionsModule,
    ResidentsModule,
    HotlinesModule,
    ArticlesModule,
    DutyModule,
  ],
  controllers: [ScalesController, MyResponsesController, AdminScalesController],
  providers: [ScalesService, ResponsesService, ScaleStatsService],
  exports: [ScalesService, ResponsesService],
})
export class ScalesModule {}
