import { useMemo } from 'react';
import { App } from 'antd';
import type { AdminQuiz } from '@xinqiao/shared';
import { quizzesApi } from '../../api/quizzes';

export const PUBLISH_CONFIRM = '发布后题目将被固定，不能再修改；按知识点随机抽题的测验会在发布时抽定一次题目。确定发布？';
export const CLOSE_CONFIRM = '结束后居民不能再作答，已收集的答卷和统计保留。确定结束？';

/** Publish / close with the success message; errors are shown by the API client. */
export function useQuizActions() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      async publish(id: number): Promise<AdminQuiz> {
        const quiz = await quizzesApi.publish(id);
        void message.success(`已发布，共 ${quiz.questionCodes.length} 道题`);
        return quiz;
      },
      async close(id: number): Promise<AdminQuiz> {
        const quiz = await quizzesApi.close(id);
        void message.success('测验已结束');
        return quiz;
      },
    }),
    [message],
  );
}
