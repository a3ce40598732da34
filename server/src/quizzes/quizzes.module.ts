import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AttemptCounters } from './services/attempt-counters';
import { AttemptsService } from './services/attempts.service';
import { CampaignRefs } from './services/campaign-links';
import { Question } from './entities/question.entity';
import { QuestionsService } from './services/questions.service';
import { Quiz } from './entities/quiz.entity';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { AdminQuestionsController } from './controllers/admin-questions.controller';
import { AdminQuizzesController } from './controllers/admin-quizzes.controller';
import { QuizzesController } from './controllers/quizzes.controller';
import { QuizzesService } from './services/quizzes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Question, Quiz, QuizAttempt]), RegionsModule, ResidentsModule],
  controllers: [QuizzesController, AdminQuestionsController, AdminQuizzesController],
  providers: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
  exports: [QuestionsService, QuizzesService, AttemptsService, AttemptCounters, CampaignRefs],
})
export class QuizzesModule {}
