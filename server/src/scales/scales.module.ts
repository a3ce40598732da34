import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyModule } from '../alerts/duty/duty.module';
import { ArticlesModule } from '../articles/articles.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AlertRuleSet } from './entities/alert-rule-set.entity';
import { ResponsesService } from './services/responses.service';
import { ScaleDefinitionRecord } from './entities/scale-definition.entity';
import { ScaleResponse } from './entities/scale-response.entity';
import { ScaleStatsService } from './services/scale-stats.service';
import { AdminScalesController } from './controllers/admin-scales.controller';
import { MyResponsesController } from './controllers/my-responses.controller';
import { ScalesController } from './controllers/scales.controller';
import { ScalesService } from './services/scales.service';

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
