import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { AdminArticleQueryDto, ArticleInputDto } from '../article.dto';
import { ArticlesService } from '../articles.service';

@ApiTags('articles')
@Controller('admin/articles')
export class AdminArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Endpoint('文章管理列表', { page: 'AdminArticleRow' })
  @Get()
  @StaffOnly('articles.edit')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminArticleQueryDto) {
    return this.articles.list(staff, q);
  }

  @Endpoint('文章详情（管理端）', 'AdminArticle')
  @Get(':id')
  @StaffOnly('articles.edit')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.articles.get(staff, id);
  }

  @Endpoint('新建文章', 'AdminArticle')
  @Post()
  @StaffOnly('articles.edit')
  @Audited('article.create', 'article')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: ArticleInputDto) {
    return this.articles.create(staff, dto);
  }

  @Endpoint('修改文章', 'AdminArticle')
  @Put(':id')
  @StaffOnly('articles.edit')
  @Audited('article.update', 'article')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: ArticleInputDto) {
    return this.articles.update(staff, id, dto);
  }

  @Endpoint('发布文章', 'AdminArticle')
  @Post(':id/publish')
  @HttpCode(200)
  @StaffOnly('articles.publish')
  @Audited('article.publish', 'article')
  publish(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.articles.publish(staff, id);
  }

  @Endpoint('下线文章', 'AdminArticle')
  @Post(':id/unpublish')
  @HttpCode(200)
  @StaffOnly('articles.publish')
  @Audited('article.unpublish', 'article')
  unpublish(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.articles.unpublish(staff, id);
  }

  @Endpoint('删除文章', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('articles.edit')
  @Audited('article.delete', 'article')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.articles.remove(staff, id);
  }
}
