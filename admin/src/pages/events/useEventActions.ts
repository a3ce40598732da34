import { useMemo } from 'react';
import { App } from 'antd';
import type { AdminEvent } from '@xinqiao/shared';
import { eventsApi } from '../../api/events';

export const PUBLISH_CONFIRM = '发布后居民即可在小程序中看到并报名，确定发布？';
export const REMOVE_CONFIRM = '草稿删除后无法恢复，确定删除？';

/** Publish / cancel / delete with the success message; errors are shown by the API client. */
export function useEventActions() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      async publish(id: number): Promise<AdminEvent> {
        const event = await eventsApi.publish(id);
        void message.success('活动已发布');
        return event;
      },
      async cancel(id: number, reason: string): Promise<AdminEvent> {
        const event = await eventsApi.cancel(id, { reason: reason.trim() });
        void message.success('活动已取消，已报名和候补的居民将收到通知');
        return event;
      },
      async remove(id: number): Promise<void> {
        await eventsApi.remove(id);
        void message.success('草稿已删除');
      },
    }),
    [message],
  );
}
