import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { answerFor, ConditionalGet, publicAnswer } from '../../common/cache/conditional-get';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { PublicArticleQueryDto } from '../article.dto';
import { ArticlesService } from '../articles.service';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Endpoint('已发布文章列表', { page: 'ArticleSummary' })
  @Get()
  @Public()
  @ConditionalGet({ varyOnCaller: true })
  async list(@Query() q: PublicArticleQueryDto, @CurrentPrincipal() who?: Principal) {
    // The caller's own region decides the answer only when no region is asked for.
    const perCaller = q.regionId === undefined && who?.kind === 'resident';
    const regionPath = perCaller ? who.regionPath : null;
    return answerFor(perCaller, await this.articles.listPublished(q, regionPath));
  }

  @Endpoint('文章详情', 'ArticleDetail')
  @Get(':id')
  @Public()
  @ConditionalGet({ varyOnCaller: false })
  async get(@IdParam() id: number) {
    return publicAnswer(await this.articles.getPublished(id));
  }
}
