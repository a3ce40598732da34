import type { AdminArticle } from '@xinqiao/shared';
import { articleToForm, emptyArticleForm, toArticleInput } from './articleForm';

describe('article form mapping', () => {
  it('trims text and nulls an empty source and cover', () => {
    const input = toArticleInput({
      ...emptyArticleForm(7),
      title: '  认识焦虑 ',
      summary: ' 摘要 ',
      category: 'emotion',
      audiences: ['student'],
      source: '   ',
      body: '<p>正文</p>',
    });
    expect(input).toEqual({
      title: '认识焦虑',
      summary: '摘要',
      coverUrl: null,
      category: 'emotion',
      audiences: ['student'],
      regionId: 7,
      body: '<p>正文</p>',
      source: null,
    });
  });

  it('round-trips an article', () => {
    const article = {
      id: 1,
      title: 't',
      summary: 's',
      coverUrl: '/uploads/a.png',
      category: 'policy',
      audiences: [],
      regionId: 3,
      regionName: '永川区',
      publishedAt: null,
      viewCount: 0,
      body: '<p>b</p>',
      source: null,
      status: 'draft',
      version: 1,
      authorName: 'x',
      createdAt: '',
      updatedAt: '',
    } satisfies AdminArticle;
    expect(toArticleInput(articleToForm(article))).toEqual({
      title: 't',
      summary: 's',
      coverUrl: '/uploads/a.png',
      category: 'policy',
      audiences: [],
      regionId: 3,
      body: '<p>b</p>',
      source: null,
    });
  });
});
