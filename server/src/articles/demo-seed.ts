import type { ArticleCategory, PopulationGroup } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { Article } from './article.entity';
import { sanitizeArticleHtml } from './sanitize';

export interface DemoArticleSeed {
  title: string;
  summary: string;
  category: ArticleCategory;
  audiences: PopulationGroup[];
  region: { id: number; path: string };
  body: string;
  source: string;
  published: boolean;
}

/** The demo articles (each once, by title), in the caller's transaction. */
export async function seedDemoArticles(
  tx: EntityManager,
  articles: DemoArticleSeed[],
  author: { id: number; displayName: string },
  imageHosts: readonly string[],
): Promise<void> {
  const repo = tx.getRepository(Article);
  for (const { region, published, ...a } of articles) {
    if (await repo.exists({ where: { title: a.title } })) continue;
    await repo.save(
      repo.create({
        ...a,
        regionId: region.id,
        regionPath: region.path,
        body: sanitizeArticleHtml(a.body, imageHosts),
        status: published ? 'published' : 'draft',
        publishedAt: published ? new Date() : null,
        authorId: author.id,
        authorName: author.displayName,
      }),
    );
  }
}
