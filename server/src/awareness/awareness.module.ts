import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { EventsModule } from '../events/events.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { RegionsModule } from '../regions/regions.module';
import { AwarenessCell } from './awareness-cell.entity';
import { AwarenessReportJob } from './awareness-report';
import { AwarenessTarget } from './awareness-target.entity';
import { AwarenessController } from './awareness.controller';
import { AwarenessService } from './awareness.service';
import { QuestionCount } from './question-count.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AwarenessCell, QuestionCount, AwarenessTarget]), RegionsModule, QuizzesModule, EventsModule, ArticlesModule],
  controllers: [AwarenessController],
  providers: [AwarenessService, AwarenessReportJob],
  exports: [AwarenessService],
})
export class AwarenessModule {}
