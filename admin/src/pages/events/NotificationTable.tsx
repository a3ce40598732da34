import { useMemo } from 'react';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import {
  EVENT_NOTIFICATION_KIND_LABELS,
  NOTIFICATION_REASON_LABELS,
  NOTIFICATION_STATUS_LABELS,
  type EventNotificationQuery,
  type EventNotificationRow,
} from '@xinqiao/shared';
import { eventsApi } from '../../api/events';
import { formatDateTime } from '../../utils/format';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { NOTIFICATION_STATUS_COLOURS } from './eventView';

/** Every subscribe message the server meant to send for the event, and what became of it. */
export function NotificationTable({ eventId }: { eventId: number }) {
  const request = useMemo(() => pageRequest<EventNotificationRow, EventNotificationQuery>((q) => eventsApi.notifications(eventId, q)), [eventId]);

  const columns: ProColumns<EventNotificationRow>[] = [
    { title: '消息类型', dataIndex: 'kind', valueType: 'select', valueEnum: labelEnum(EVENT_NOTIFICATION_KIND_LABELS), width: 130 },
    { title: '接收人', dataIndex: 'name', search: false, width: 100, render: (_, n) => n.name ?? '-' },
    {
      title: '发送状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(NOTIFICATION_STATUS_LABELS),
      width: 100,
      render: (_, n) => <Tag color={NOTIFICATION_STATUS_COLOURS[n.status]}>{NOTIFICATION_STATUS_LABELS[n.status]}</Tag>,
    },
    { title: '原因', dataIndex: 'reason', search: false, width: 220, render: (_, n) => (n.reason ? NOTIFICATION_REASON_LABELS[n.reason] : '-') },
    { title: '计划发送时间', dataIndex: 'runAfter', search: false, width: 150, render: (_, n) => formatDateTime(n.runAfter) },
    { title: '发送时间', dataIndex: 'sentAt', search: false, width: 150, render: (_, n) => formatDateTime(n.sentAt) },
    { title: '创建时间', dataIndex: 'createdAt', search: false, width: 150, render: (_, n) => formatDateTime(n.createdAt) },
  ];

  return (
    <ProTable<EventNotificationRow>
      rowKey="id"
      columns={columns}
      request={request}
      {...LIST_TABLE_PROPS}
      className="event-notifications"
      headerTitle="消息通知发送记录"
    />
  );
}
