import { useMemo } from 'react';
import { App } from 'antd';
import { articlesApi } from '../../api/articles';

/** Publish / take down / delete with the success message; errors are shown by the API client. */
export function useArticleActions() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      async publish(id: number) {
        const article = await articlesApi.publish(id);
        void message.success('文章已发布');
        return article;
      },
      async unpublish(id: number) {
        const article = await articlesApi.unpublish(id);
        void message.success('文章已下线');
        return article;
      },
      async remove(id: number) {
        await articlesApi.remove(id);
        void message.success('文章已删除');
      },
    }),
    [message],
  );
}
