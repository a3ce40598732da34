import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Article } from './article.entity';
import { AdminArticlesController } from './controllers/admin-articles.controller';
import { ArticlesController } from './controllers/articles.controller';
import { ArticlesService } from './articles.service';
import { ArticleViews } from './article-views';

@Module({
  imports: [TypeOrmModule.forFeature([Article]), RegionsModule],
  controllers: [ArticlesController, AdminArticlesController],
  providers: [ArticlesService, ArticleViews],
  exports: [ArticlesService],
})
export class ArticlesModule {}
