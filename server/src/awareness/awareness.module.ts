import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Article } from '../articles/article.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { OutreachEvent } from '../events/entities/event.entity';
import { QuizAttempt } from '../quizzes/quiz-attempt.entity';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { AwarenessCell } from './awareness-cell.entity';
import { AwarenessReportJob } from './awareness-report';
import { AwarenessTarget } from './awareness-target.entity';
import { AwarenessController } from './awareness.controller';
import { AwarenessService } from './awareness.service';
import { QuestionCount } from './question-count.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AwarenessCell, QuestionCount, AwarenessTarget, QuizAttempt, Region, Campaign, Article, OutreachEvent]), RegionsModule, QuizzesModule],
  controllers: [AwarenessController],
  providers: [AwarenessService, AwarenessReportJob],
})
export class AwarenessModule {}
