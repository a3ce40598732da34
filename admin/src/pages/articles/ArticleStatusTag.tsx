import { Tag } from 'antd';
import { ARTICLE_STATUS_LABELS, type ArticleStatus } from '@xinqiao/shared';

const COLORS: Record<ArticleStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  scheduled: 'purple',
  published: 'success',
  archived: 'warning',
};

export function ArticleStatusTag({ status }: { status: ArticleStatus }) {
  return (
    <Tag color={COLORS[status]} data-testid="article-status" data-status={status}>
      {ARTICLE_STATUS_LABELS[status]}
    </Tag>
  );
}
