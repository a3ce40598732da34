import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AdminArticle, ArticleCategory, SuggestedArticle, AdminArticleRow, ArticleDetail, ArticleSummary, Page } from '@xinqiao/shared';
import { Brackets, In, Like, Repository, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { CacheService, type CachedBody } from '../common/cache/cache.service';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { above, assertFound, inScope, visibleFrom } from '../common/access/region-scope';
import { assertAllowedImage } from '../common/http/image-src';
import { AppException } from '../common/errors/app-exception';
import { pageOf, paging } from '../common/http/page-query.dto';
import { REGIONS_CACHE, RegionsService } from '../regions/regions.service';
import { ARTICLES_CACHE, ArticleViews } from './article-views';
import { Article } from './article.entity';
import type { AdminArticleQueryDto, ArticleInputDto, PublicArticleQueryDto } from './article.dto';
import { isBlankHtml, sanitizeArticleHtml, withAllowedImages } from './sanitize';

/** Columns of a list row: never the body. */
const ROW_COLUMNS: (keyof Article)[] = [
  'id',
  'title',
  'summary',
  'coverUrl',
  'category',
  'audiences',
  'regionId',
  'regionPath',
  'source',
  'status',
  'publishedAt',
  'viewCount',
  'version',
  'authorName',
  'createdAt',
  'updatedAt',
];

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly repo: Repository<Article>,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: CacheService,
    private readonly views: ArticleViews,
  ) {}

  /**
   * Published articles a resident of `regionPath` may see: those scoped to their region or any
   * ancestor; from the cache, keyed by the region (asked for, else the resident's) and the page.
   */
  listPublished(q: PublicArticleQueryDto, residentRegionPath: string | null): Promise<CachedBody<Page<ArticleSummary>>> {
    const p = paging(q);
    const where = q.regionId !== undefined ? `id:${q.regionId}` : `path:${residentRegionPath ?? ''}`;
    const key = `list:${where}:${q.category ?? ''}:${p.page}:${p.pageSize}`;
    return this.cache.get([ARTICLES_CACHE, REGIONS_CACHE], key, () => this.loadPublished(q, residentRegionPath));
  }

  private async loadPublished(q: PublicArticleQueryDto, residentRegionPath: string | null): Promise<Page<ArticleSummary>> {
    const p = paging(q);
    const where: FindOptionsWhere<Article> = { status: 'published' };
    if (q.category) where.category = q.category;
    const path = q.regionId ? (await this.regions.find(q.regionId))?.path : residentRegionPath;
    if (q.regionId && !path) throw AppException.badRequest('所选区域不存在');
    if (path) where.regionPath = above(path);
    const [rows, total] = await this.repo.findAndCount({
      select: ROW_COLUMNS,
      where,
      order: { publishedAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    const names = await this.regionNames(rows);
    return pageOf(
      rows.map((a) => summary(a, names)),
      total,
      p,
    );
  }

  /** A few published articles of the given categories, in that order of preference, visible in the region. */
  async suggest(categories: ArticleCategory[], regionPath: string | null, limit = 3): Promise<SuggestedArticle[]> {
    const where: FindOptionsWhere<Article> = { status: 'published', category: In(categories) };
    if (regionPath) where.regionPath = above(regionPath);
    const rows = await this.repo.find({
      select: { id: true, title: true, summary: true, category: true },
      where,
      order: { publishedAt: 'DESC', id: 'DESC' },
      take: limit * 4,
    });
    rows.sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category));
    return rows.slice(0, limit).map((a) => ({ id: a.id, title: a.title, summary: a.summary }));
  }

  /** A published article from the cache, counting the view (written in batches, see ArticleViews). */
  async getPublished(id: number): Promise<CachedBody<ArticleDetail>> {
    const detail = await this.cache.get([ARTICLES_CACHE, REGIONS_CACHE], `detail:${id}`, async () => {
      const article = await this.repo.findOne({ where: { id, status: 'published' } });
      if (!article) throw AppException.notFound('文章');
      const names = await this.regionNames([article]);
      return { ...summary(article, names), body: withAllowedImages(article.body, this.config.CONTENT_IMAGE_HOSTS), source: article.source };
    });
    this.views.count(id);
    return detail;
  }

  async list(staff: StaffPrincipal, q: AdminArticleQueryDto): Promise<Page<AdminArticleRow>> {
    const p = paging(q);
    const where: FindOptionsWhere<Article> = { regionPath: inScope(staff) };
    if (q.status) where.status = q.status;
    if (q.category) where.category = q.category;
    if (q.keyword) where.title = Like(`%${q.keyword}%`);
    const [rows, total] = await this.repo.findAndCount({
      select: ROW_COLUMNS,
      where,
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    const names = await this.regionNames(rows);
    return pageOf(
      rows.map((a) => adminRow(a, names)),
      total,
      p,
    );
  }

  async get(staff: StaffPrincipal, id: number): Promise<AdminArticle> {
    return this.toAdmin(await this.find(staff, id));
  }

  async create(staff: StaffPrincipal, dto: ArticleInputDto): Promise<AdminArticle> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const article = this.repo.create({
      ...this.content(dto),
      regionId: region.id,
      regionPath: region.path,
      status: 'draft',
      authorId: staff.id,
      authorName: staff.displayName,
    });
    return this.toAdmin(await this.repo.save(article));
  }

  async update(staff: StaffPrincipal, id: number, dto: ArticleInputDto): Promise<AdminArticle> {
    const article = await this.find(staff, id);
    if (dto.version !== undefined && dto.version !== article.version) {
      throw AppException.conflict('文章已被他人修改，请刷新后再编辑', { currentVersion: article.version });
    }
    if (dto.regionId !== article.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      article.regionId = region.id;
      article.regionPath = region.path;
    }
    Object.assign(article, this.content(dto));
    return this.changed(await this.repo.save(article));
  }

  async publish(staff: StaffPrincipal, id: number): Promise<AdminArticle> {
    const article = await this.find(staff, id);
    if (article.status === 'published') return this.toAdmin(article);
    article.status = 'published';
    article.publishedAt = new Date();
    article.scheduledAt = null;
    article.reviewerId = staff.id;
    return this.changed(await this.repo.save(article));
  }

  async unpublish(staff: StaffPrincipal, id: number): Promise<AdminArticle> {
    const article = await this.find(staff, id);
    if (article.status !== 'published') throw AppException.invalidState('只有已发布的文章可以下线');
    article.status = 'archived';
    return this.changed(await this.repo.save(article));
  }

  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const article = await this.find(staff, id);
    if (article.status === 'published') throw AppException.invalidState('已发布的文章请先下线再删除');
    await this.repo.delete({ id: article.id });
    this.cache.invalidate(ARTICLES_CACHE);
  }

  /** The most read published articles visible from `regionPath` whose title or summary has one of the words. */
  async mostReadAbout(words: string[], regionPath: string, limit: number): Promise<{ id: number; title: string }[]> {
    const rows = await this.repo
      .createQueryBuilder('a')
      .select(['a.id', 'a.title'])
      .where('a.status = :published', { published: 'published' })
      .andWhere(new Brackets((w) => words.forEach((word, i) => w.orWhere(`(a.title LIKE :w${i} OR a.summary LIKE :w${i})`, { [`w${i}`]: `%${word}%` }))))
      .andWhere({ regionPath: visibleFrom(regionPath) })
      .orderBy('a.viewCount', 'DESC')
      .take(limit)
      .getMany();
    return rows.map((a) => ({ id: a.id, title: a.title }));
  }

  /** Whether every one of `ids` is an article visible from `regionPath` (its own, below or above it). */
  async allVisibleFrom(ids: number[], regionPath: string): Promise<boolean> {
    return !ids.length || (await this.repo.count({ where: { id: In(ids), regionPath: visibleFrom(regionPath) } })) === ids.length;
  }

  async totalViews(ids: number[]): Promise<number> {
    if (!ids.length) return 0;
    return Number(
      (await this.repo.createQueryBuilder('a').select('COALESCE(SUM(a.viewCount), 0)', 'n').where('a.id IN (:...ids)', { ids }).getRawOne<{ n: string }>())
        ?.n ?? 0,
    );
  }

  /** The published ones among `ids`, as a list shows them. */
  async publishedBriefs(ids: number[]): Promise<{ id: number; title: string; summary: string }[]> {
    if (!ids.length) return [];
    return this.repo.find({ select: { id: true, title: true, summary: true }, where: { id: In(ids), status: 'published' } });
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Article> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '文章');
  }

  private content(dto: ArticleInputDto) {
    assertAllowedImage(dto.coverUrl, this.config.CONTENT_IMAGE_HOSTS);
    const body = sanitizeArticleHtml(dto.body, this.config.CONTENT_IMAGE_HOSTS);
    if (isBlankHtml(body)) throw AppException.badRequest('正文不能为空（不安全的内容已被移除）', undefined, 'VALIDATION_FAILED');
    return {
      title: dto.title.trim(),
      summary: dto.summary.trim(),
      coverUrl: dto.coverUrl ?? null,
      category: dto.category,
      audiences: dto.audiences,
      body,
      source: dto.source?.trim() || null,
    };
  }

  /** After a write readers may see: the cached lists and details are stale from now on. */
  private changed(a: Article): Promise<AdminArticle> {
    this.cache.invalidate(ARTICLES_CACHE);
    return this.toAdmin(a);
  }

  private async toAdmin(a: Article): Promise<AdminArticle> {
    const names = await this.regionNames([a]);
    return { ...adminRow(a, names), body: withAllowedImages(a.body, this.config.CONTENT_IMAGE_HOSTS) };
  }

  private regionNames(rows: Article[]): Promise<Map<number, string>> {
    return this.regions.names(rows.map((r) => r.regionId));
  }
}

function summary(a: Article, names: Map<number, string>): ArticleSummary {
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    coverUrl: a.coverUrl,
    category: a.category,
    audiences: a.audiences,
    regionId: a.regionId,
    regionName: names.get(a.regionId) ?? '',
    publishedAt: a.publishedAt?.toISOString() ?? null,
    viewCount: a.viewCount,
  };
}

function adminRow(a: Article, names: Map<number, string>): AdminArticleRow {
  return {
    ...summary(a, names),
    source: a.source,
    status: a.status,
    version: a.version,
    authorName: a.authorName,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
