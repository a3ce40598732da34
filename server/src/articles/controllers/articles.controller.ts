import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { ResidentsService } from '../../residents/residents.service';
import { PublicArticleQueryDto } from '../article.dto';
import { ArticlesService } from '../articles.service';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly residents: ResidentsService,
  ) {}

  @Endpoint('已发布文章列表', { page: 'ArticleSummary' })
  @Get()
  @Public()
  async list(@Query() q: PublicArticleQueryDto, @CurrentPrincipal() who?: Principal) {
    const regionPath = who?.kind === 'resident' ? await this.residents.regionPathOf(who.id) : null;
    return this.articles.listPublished(q, regionPath);
  }

  @Endpoint('文章详情', 'ArticleDetail')
  @Get(':id')
  @Public()
  get(@IdParam() id: number) {
    return this.articles.getPublished(id);
  }
}
