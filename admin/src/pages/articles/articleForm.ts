import type { AdminArticle, ArticleCategory, ArticleInput, PopulationGroup } from '@xinqiao/shared';

/** The editor form's values; `toArticleInput` turns them into the API body. */
export interface ArticleFormValues {
  title: string;
  summary: string;
  coverUrl: string | null;
  category?: ArticleCategory;
  audiences: PopulationGroup[];
  regionId?: number;
  source?: string | null;
  body: string;
}

export function emptyArticleForm(regionId: number): ArticleFormValues {
  return { title: '', summary: '', coverUrl: null, audiences: [], regionId, source: '', body: '' };
}

export function articleToForm(a: AdminArticle): ArticleFormValues {
  return {
    title: a.title,
    summary: a.summary,
    coverUrl: a.coverUrl,
    category: a.category,
    audiences: a.audiences,
    regionId: a.regionId,
    source: a.source ?? '',
    body: a.body,
  };
}

/** Validated form values -> `ArticleInput` (trimmed; an empty source becomes null). */
export function toArticleInput(v: ArticleFormValues): ArticleInput {
  if (!v.category || v.regionId === undefined) throw new Error('category and regionId are required');
  const source = v.source?.trim();
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    coverUrl: v.coverUrl || null,
    category: v.category,
    audiences: v.audiences ?? [],
    regionId: v.regionId,
    body: v.body,
    source: source ? source : null,
  };
}
