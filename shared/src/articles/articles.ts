import type { PopulationGroup } from '../residents';
import type { PageQuery } from '../common/api';

export const ARTICLE_CATEGORIES = ['knowledge', 'emotion', 'family', 'youth', 'workplace', 'elderly', 'crisis', 'policy'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];
export const ARTICLE_CATEGORY_LABELS: Record<ArticleCategory, string> = {
  knowledge: '心理科普',
  emotion: '情绪与压力',
  family: '婚恋与家庭',
  youth: '青少年成长',
  workplace: '职场心理',
  elderly: '老年心理',
  crisis: '危机求助',
  policy: '政策解读',
};

/** The editorial workflow; review and scheduling build on these states. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  scheduled: '定时发布',
  published: '已发布',
  archived: '已下线',
};

export interface ArticleSummary {
  id: number;
  title: string;
  summary: string;
  coverUrl: string | null;
  category: ArticleCategory;
  audiences: PopulationGroup[];
  regionId: number;
  regionName: string;
  publishedAt: string | null;
  viewCount: number;
}

export interface ArticleDetail extends ArticleSummary {
  /** Sanitised HTML. */
  body: string;
  source: string | null;
}

export interface AdminArticle extends ArticleDetail {
  status: ArticleStatus;
  version: number;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}

/** A row of the staff article list: everything but the body. */
export type AdminArticleRow = Omit<AdminArticle, 'body'>;

export interface ArticleInput {
  title: string;
  summary: string;
  coverUrl?: string | null;
  category: ArticleCategory;
  audiences: PopulationGroup[];
  regionId: number;
  body: string;
  source?: string | null;
  /** The version being edited; a stale one is refused instead of overwriting someone else's change. */
  version?: number;
}

export interface PublicArticleQuery extends PageQuery {
  category?: ArticleCategory;
  regionId?: number;
}

export interface AdminArticleQuery extends PageQuery {
  status?: ArticleStatus;
  category?: ArticleCategory;
  keyword?: string;
}
