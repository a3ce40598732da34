import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AttemptCounters } from './attempt-counters';
import { AttemptsService } from './attempts.service';
import { CampaignRefs } from './campaign-links';
import { Question } from './question.entity';
import { QuestionsService } from './questions.service';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { AdminQuestionsController, AdminQuizzesController, QuizzesController } from './quizzes.controller';
import { QuizzesService } from './quizzes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Question, Quiz, QuizAttempt]), RegionsModule, ResidentsModule],
  controllers: [QuizzesController, AdminQuestionsController, AdminQuizzesController],
  providers: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
  exports: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
})
export class QuizzesModule {}
