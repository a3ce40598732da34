import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { AwarenessModule } from '../awareness/awareness.module';
import { EventsModule } from '../events/events.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { Campaign } from './campaign.entity';
import { AdminCampaignsController } from './admin-campaigns.controller';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

/** Above quizzes, events and awareness: its dashboard reads them; they look campaigns up through `CampaignRefs`. */
@Module({
  imports: [TypeOrmModule.forFeature([Campaign]), RegionsModule, ResidentsModule, QuizzesModule, EventsModule, AwarenessModule, ArticlesModule],
  controllers: [CampaignsController, AdminCampaignsController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
