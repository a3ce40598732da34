import { useMemo, useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { EVENT_STATUS_LABELS, PLACE_TYPE_LABELS, hasPermission, type AdminEventListQuery, type AdminEventRow } from '@xinqiao/shared';
import { eventsApi } from '../../api/events';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { dayRangeToIso } from '../../utils/format';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { CancelEventModal } from './CancelEventModal';
import { pendingQueues } from './checkin/queue';
import { eventAbilities, seatsText } from './eventForm';
import { EventStatusTag } from './EventStatusTag';
import { timeRangeText } from './eventView';
import { PUBLISH_CONFIRM, REMOVE_CONFIRM, useEventActions } from './useEventActions';

const request = pageRequest<AdminEventRow, AdminEventListQuery>(eventsApi.list);

export default function EventListPage() {
  const staff = useStaff();
  const navigate = useNavigate();
  const actions = useEventActions();
  const actionRef = useRef<ActionType>();
  const canManage = hasPermission(staff.role, 'events.manage');
  const canCheckin = hasPermission(staff.role, 'events.checkin');
  const reload = () => actionRef.current?.reload();
  const run = (action: () => Promise<unknown>) => action().then(reload, () => undefined);
  // Check-ins made offline on this device that never went up (the tab was closed before the network came back).
  const waiting = useMemo(() => (canCheckin && typeof localStorage !== 'undefined' ? pendingQueues(localStorage) : []), [canCheckin]);

  const columns: ProColumns<AdminEventRow>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '活动名称' } },
    {
      title: '活动名称',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      width: 260,
      render: (_, e) => <Link to={`/events/${e.id}`}>{e.title}</Link>,
    },
    { title: '场所类型', dataIndex: 'placeType', valueType: 'select', valueEnum: labelEnum(PLACE_TYPE_LABELS), width: 100 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(EVENT_STATUS_LABELS),
      width: 90,
      render: (_, e) => <EventStatusTag status={e.status} />,
    },
    {
      title: '活动时间',
      dataIndex: 'startsAt',
      valueType: 'dateRange',
      width: 250,
      // The picked days become the `from` / `to` instants the API filters the start time by.
      search: { transform: (range: [string, string]) => dayRangeToIso(range) },
      render: (_, e) => timeRangeText(e.startsAt, e.endsAt),
    },
    { title: '区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect placeholder="本辖区全部" /> },
    { title: '区域', dataIndex: 'regionName', search: false, width: 120 },
    { title: '承办单位', dataIndex: 'hostUnitName', search: false, width: 160, ellipsis: true, render: (_, e) => e.hostUnitName ?? '-' },
    { title: '场地', dataIndex: 'venueName', search: false, width: 160, ellipsis: true },
    {
      title: '已报名 / 名额',
      dataIndex: 'capacity',
      search: false,
      width: 120,
      align: 'right',
      render: (_, e) => (
        <span data-testid="event-seats">
          {seatsText(e)}
          {e.counts.waitlisted ? <Typography.Text type="secondary">（候补 {e.counts.waitlisted}）</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: '已签到',
      dataIndex: 'counts',
      search: false,
      width: 80,
      align: 'right',
      render: (_, e) => <span data-testid="event-checked-in">{e.counts.checkedIn}</span>,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 260,
      fixed: 'right',
      render: (_, e) => {
        const can = eventAbilities(e);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => navigate(`/events/${e.id}`)}>
              查看
            </Button>
            {canManage && can.edit ? (
              <Button type="link" size="small" onClick={() => navigate(`/events/${e.id}/edit`)}>
                编辑
              </Button>
            ) : null}
            {canManage && can.publish ? (
              <Popconfirm title={PUBLISH_CONFIRM} okText="发布" onConfirm={() => run(() => actions.publish(e.id))} overlayStyle={{ maxWidth: 320 }}>
                <Button type="link" size="small">
                  发布
                </Button>
              </Popconfirm>
            ) : null}
            {canCheckin && can.checkin ? (
              <Button type="link" size="small" onClick={() => navigate(`/events/${e.id}/checkin`)}>
                签到
              </Button>
            ) : null}
            {canManage && can.cancel ? (
              <CancelEventModal
                event={e}
                onDone={reload}
                trigger={
                  <Button type="link" size="small" danger>
                    取消活动
                  </Button>
                }
              />
            ) : null}
            {canManage && can.remove ? (
              <Popconfirm title={REMOVE_CONFIRM} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => run(() => actions.remove(e.id))}>
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title="六进活动" subTitle="心理健康知识进机关、企业、学校、农村、社区、公共场所">
      {waiting.length ? (
        <Alert
          type="warning"
          showIcon
          className="xq-form-alert checkin-pending-alert"
          message="本机有尚未上传的签到记录"
          description={
            <Space wrap>
              {waiting.map((w) => (
                <Link key={w.eventId} to={`/events/${w.eventId}/checkin`}>
                  活动 #{w.eventId}：{w.count} 条，打开签到页上传
                </Link>
              ))}
            </Space>
          }
        />
      ) : null}
      <ProTable<AdminEventRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        className="events-page"
        headerTitle="活动列表"
        toolBarRender={() =>
          canManage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/events/new')}>
                  新建活动
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
