import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AttemptsService } from './attempts.service';
import { Question } from './question.entity';
import { QuestionsService } from './questions.service';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { AdminQuestionsController, AdminQuizzesController, QuizzesController } from './quizzes.controller';
import { QuizzesService } from './quizzes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Question, Quiz, QuizAttempt, Region, Campaign]), RegionsModule, ResidentsModule],
  controllers: [QuizzesController, AdminQuestionsController, AdminQuizzesController],
  providers: [QuestionsService, QuizzesService, AttemptsService],
  exports: [QuestionsService, QuizzesService],
})
export class QuizzesModule {}
