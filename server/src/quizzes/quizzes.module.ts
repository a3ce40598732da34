import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AdminQuestionsController } from './controllers/admin-questions.controller';
import { AdminQuizzesController } from './controllers/admin-quizzes.controller';
import { QuizzesController } from './controllers/quizzes.controller';
import { Question } from './entities/question.entity';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { Quiz } from './entities/quiz.entity';
import { AttemptCounters } from './services/attempt-counters';
import { AttemptsService } from './services/attempts.service';
import { CampaignRefs } from './services/campaign-links';
import { QuestionsService } from './services/questions.service';
import { QuizzesService } from './services/quizzes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Question, Quiz, QuizAttempt]), RegionsModule, ResidentsModule],
  controllers: [QuizzesController, AdminQuestionsController, AdminQuizzesController],
  providers: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
  exports: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
})
export class QuizzesModule {}
