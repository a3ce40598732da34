import { Button, Popconfirm, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { AdminArticleRow } from '@xinqiao/shared';
import { useArticleActions } from './useArticleActions';

interface Props {
  article: AdminArticleRow;
  canPublish: boolean;
  onChanged: () => void;
}

export function ArticleRowActions({ article, canPublish, onChanged }: Props) {
  const actions = useArticleActions();
  const navigate = useNavigate();
  const run = (action: () => Promise<unknown>) => action().then(onChanged, () => undefined);
  const published = article.status === 'published';

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => navigate(`/articles/${article.id}`)}>
        编辑
      </Button>
      {canPublish && !published ? (
        <Popconfirm title="发布后居民即可在小程序中看到这篇文章，确定发布？" okText="发布" onConfirm={() => run(() => actions.publish(article.id))}>
          <Button type="link" size="small">
            发布
          </Button>
        </Popconfirm>
      ) : null}
      {canPublish && published ? (
        <Popconfirm title="下线后居民将看不到这篇文章，确定下线？" okText="下线" onConfirm={() => run(() => actions.unpublish(article.id))}>
          <Button type="link" size="small">
            下线
          </Button>
        </Popconfirm>
      ) : null}
      <Popconfirm
        title="删除后无法恢复，确定删除这篇文章？"
        okText="删除"
        okButtonProps={{ danger: true }}
        onConfirm={() => run(() => actions.remove(article.id))}
      >
        <Button type="link" size="small" danger>
          删除
        </Button>
      </Popconfirm>
    </Space>
  );
}
