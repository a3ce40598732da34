import { useEffect, useState } from 'react';
import { Empty, Timeline, Typography } from 'antd';
import { dispatchEventText, type AlertDispatchEvent } from '@xinqiao/shared';
import { formatDateTime } from '../../utils/format';
import { dutyApi } from '../duty/dutyApi';

const DOT: Record<AlertDispatchEvent['kind'], string> = {
  dispatched: 'blue',
  escalated: 'red',
  no_one_on_duty: 'orange',
  step_empty: 'gray',
  deferred: 'gray',
  ladder_end: 'gray',
  nobody: 'red',
};

/** Who was notified of the alert, step by step up the duty ladder (staff names only). */
export function DispatchTimeline({ alertId, refreshKey }: { alertId: number; refreshKey?: unknown }) {
  const [events, setEvents] = useState<AlertDispatchEvent[] | null>(null);
  useEffect(() => {
    let live = true;
    dutyApi.dispatchTimeline(alertId).then(
      (e) => live && setEvents(e),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [alertId, refreshKey]);

  if (events === null) return null;
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无通知记录（绿色预警不通知值班人员）" />;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: DOT[e.kind],
        children: (
          <>
            <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text> {dispatchEventText(e)}
          </>
        ),
      }))}
    />
  );
}
