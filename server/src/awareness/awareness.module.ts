import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { EventsModule } from '../events/events.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { RegionsModule } from '../regions/regions.module';
import { AwarenessController } from './controllers/awareness.controller';
import { AwarenessCell } from './entities/awareness-cell.entity';
import { AwarenessTarget } from './entities/awareness-target.entity';
import { QuestionCount } from './entities/question-count.entity';
import { AwarenessReportJob } from './services/awareness-report';
import { AwarenessService } from './services/awareness.service';

@Module({
  imports: [TypeOrmModule.forFeature([AwarenessCell, QuestionCount, AwarenessTarget]), RegionsModule, QuizzesModule, EventsModule, ArticlesModule],
  controllers: [AwarenessController],
  providers: [AwarenessService, AwarenessReportJob],
  exports: [AwarenessService],
})
export class AwarenessModule {}
