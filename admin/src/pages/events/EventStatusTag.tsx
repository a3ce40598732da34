import { Tag } from 'antd';
import { EVENT_STATUS_LABELS, type EventStatus } from '@xinqiao/shared';
import { EVENT_STATUS_COLOURS } from './eventView';

export function EventStatusTag({ status }: { status: EventStatus }) {
  return (
    <Tag color={EVENT_STATUS_COLOURS[status]} data-testid="event-status" data-status={status}>
      {EVENT_STATUS_LABELS[status]}
    </Tag>
  );
}
