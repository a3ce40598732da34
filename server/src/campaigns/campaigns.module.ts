import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Article } from '../articles/article.entity';
import { AwarenessCell } from '../awareness/awareness-cell.entity';
import { OutreachEvent } from '../events/entities/event.entity';
import { EventRegistration } from '../events/entities/event-registration.entity';
import { QuizAttempt } from '../quizzes/quiz-attempt.entity';
import { Quiz } from '../quizzes/quiz.entity';
import { Region } from '../regions/region.entity';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { Campaign } from './campaign.entity';
import { AdminCampaignsController, CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign, Quiz, QuizAttempt, AwarenessCell, Article, Region, OutreachEvent, EventRegistration]), RegionsModule, ResidentsModule],
  controllers: [CampaignsController, AdminCampaignsController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
