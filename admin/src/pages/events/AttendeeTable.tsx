import { useCallback, useMemo, useRef, useState } from 'react';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  REGISTRATION_SOURCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type AttendeeQuery,
  type AttendeeRow,
} from '@xinqiao/shared';
import { eventsApi } from '../../api/events';
import { saveBlob } from '../../utils/download';
import { formatDateTime } from '../../utils/format';
import { labelEnum, pageRequest, LIST_TABLE_PROPS, type ProTableParams } from '../../utils/proTable';
import { ATTENDANCE_COLOURS, REGISTRATION_STATUS_COLOURS, displayPhone } from './eventView';

type Filters = Omit<AttendeeQuery, 'page' | 'pageSize'>;

interface Props {
  eventId: number;
  /** Organisers may export the list (with full phone numbers). */
  canExport: boolean;
}

/** Registrations with their status and check-in; the Excel export uses the filters shown. */
export function AttendeeTable({ eventId, canExport }: Props) {
  const { message } = App.useApp();
  const filters = useRef<Filters>({});
  const [exporting, setExporting] = useState(false);

  const fetchPage = useMemo(() => pageRequest<AttendeeRow, AttendeeQuery>((q) => eventsApi.attendees(eventId, q)), [eventId]);
  const request = useCallback(
    (params: ProTableParams) => {
      const { status, attendance, keyword } = params as Filters;
      filters.current = { status, attendance, keyword: keyword?.trim() || undefined };
      return fetchPage(params);
    },
    [fetchPage],
  );

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await eventsApi.exportAttendees(eventId, filters.current);
      saveBlob(file.blob, file.filename ?? `活动报名签到表-${eventId}.xlsx`);
      void message.success('已导出报名签到表');
    } catch {
      // Shown by the API client.
    } finally {
      setExporting(false);
    }
  };

  const columns: ProColumns<AttendeeRow>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '姓名、完整手机号或手机尾号' } },
    { title: '姓名', dataIndex: 'name', search: false, width: 100, render: (_, r) => r.name ?? <Typography.Text type="secondary">未登记</Typography.Text> },
    { title: '手机号', dataIndex: 'phone', search: false, width: 130, render: (_, r) => displayPhone(r.phone) },
    {
      title: '报名状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(REGISTRATION_STATUS_LABELS),
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={REGISTRATION_STATUS_COLOURS[r.status]}>{REGISTRATION_STATUS_LABELS[r.status]}</Tag>
          {r.waitlistPosition ? <Typography.Text type="secondary">第 {r.waitlistPosition} 位</Typography.Text> : null}
          {r.offerExpiresAt ? <Typography.Text type="secondary">{dayjs(r.offerExpiresAt).format('MM-DD HH:mm')} 前确认</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '报名方式', dataIndex: 'source', search: false, width: 90, render: (_, r) => REGISTRATION_SOURCE_LABELS[r.source] },
    {
      title: '签到状态',
      dataIndex: 'attendance',
      valueType: 'select',
      valueEnum: labelEnum(ATTENDANCE_STATUS_LABELS),
      width: 90,
      render: (_, r) => <Tag color={ATTENDANCE_COLOURS[r.attendance]}>{ATTENDANCE_STATUS_LABELS[r.attendance]}</Tag>,
    },
    { title: '签到时间', dataIndex: 'checkedInAt', search: false, width: 150, render: (_, r) => formatDateTime(r.checkedInAt) },
    {
      title: '签到方式',
      dataIndex: 'checkinMethod',
      search: false,
      width: 140,
      render: (_, r) => (r.checkinMethod ? CHECKIN_METHOD_LABELS[r.checkinMethod] : '-'),
    },
    { title: '签到人员', dataIndex: 'checkedInByName', search: false, width: 100, render: (_, r) => r.checkedInByName ?? '-' },
    { title: '报名时间', dataIndex: 'createdAt', search: false, width: 150, render: (_, r) => formatDateTime(r.createdAt) },
  ];

  return (
    <ProTable<AttendeeRow>
      rowKey="registrationId"
      columns={columns}
      request={request}
      {...LIST_TABLE_PROPS}
      className="event-attendees"
      headerTitle="报名与签到名单"
      toolBarRender={() =>
        canExport
          ? [
              <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
                导出 Excel
              </Button>,
            ]
          : []
      }
    />
  );
}
