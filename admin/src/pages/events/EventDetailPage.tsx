import { useCallback, useEffect, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Button, Col, Descriptions, Image, Popconfirm, Result, Row, Statistic, Tabs, Typography } from 'antd';
import { DesktopOutlined, ScanOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { EVENT_KIND_LABELS, PLACE_TYPE_LABELS, POPULATION_GROUP_LABELS, REGISTRATION_FIELD_LABELS, hasPermission, type AdminEvent } from '@xinqiao/shared';
import { ApiRequestError } from '../../api/client';
import { eventsApi } from '../../api/events';
import { useStaff } from '../../auth/SessionContext';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../utils/format';
import { AttendeeTable } from './AttendeeTable';
import { CancelEventModal } from './CancelEventModal';
import { EventCodeImage } from './EventCodeImage';
import { eventAbilities } from './eventForm';
import { EventStatusTag } from './EventStatusTag';
import { timeRangeText } from './eventView';
import { NotificationTable } from './NotificationTable';
import { PUBLISH_CONFIRM, REMOVE_CONFIRM, useEventActions } from './useEventActions';

export default function EventDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const staff = useStaff();
  const navigate = useNavigate();
  const actions = useEventActions();
  const [event, setEvent] = useState<AdminEvent | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const canManage = hasPermission(staff.role, 'events.manage');
  const canCheckin = hasPermission(staff.role, 'events.checkin');
  const valid = Number.isInteger(id) && id > 0;

  const load = useCallback(() => {
    eventsApi
      .get(id, { silent: true })
      .then(setEvent, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'UNKNOWN', '活动加载失败')));
  }, [id]);

  useEffect(() => {
    if (valid) load();
  }, [valid, load]);

  const run = async (action: () => Promise<AdminEvent | void>) => {
    setBusy(true);
    try {
      const next = await action();
      if (next) setEvent(next);
    } catch {
      // Shown by the API client.
    } finally {
      setBusy(false);
    }
  };

  if (!valid) return <NotAllowed status={404} />;
  if (error) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'warning'}
        title={error.message}
        extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>}
      />
    );
  }
  if (!event) return <PageLoading />;

  const can = eventAbilities(event);
  const { counts } = event;

  return (
    <PageContainer
      title={event.title}
      onBack={() => navigate('/events')}
      tags={<EventStatusTag status={event.status} />}
      subTitle={`${PLACE_TYPE_LABELS[event.placeType]} · ${EVENT_KIND_LABELS[event.kind]}`}
      className="event-detail"
      extra={[
        canCheckin && can.checkin ? (
          <Link key="checkin" to={`/events/${event.id}/checkin`}>
            <Button type="primary" icon={<ScanOutlined />}>
              现场签到
            </Button>
          </Link>
        ) : null,
        canCheckin && can.checkin ? (
          // A new tab: the screen runs on the projector while this page stays with the organiser.
          <Link key="screen" to={`/events/${event.id}/screen`} target="_blank" rel="noopener">
            <Button icon={<DesktopOutlined />}>签到大屏</Button>
          </Link>
        ) : null,
        canManage && can.edit ? (
          <Button key="edit" onClick={() => navigate(`/events/${event.id}/edit`)}>
            编辑
          </Button>
        ) : null,
        canManage && can.publish ? (
          <Popconfirm
            key="publish"
            title={PUBLISH_CONFIRM}
            okText="发布"
            onConfirm={() => run(() => actions.publish(event.id))}
            overlayStyle={{ maxWidth: 320 }}
          >
            <Button type="primary" loading={busy}>
              发布
            </Button>
          </Popconfirm>
        ) : null,
        canManage && can.cancel ? <CancelEventModal key="cancel" event={event} onDone={setEvent} trigger={<Button danger>取消活动</Button>} /> : null,
        canManage && can.remove ? (
          <Popconfirm
            key="remove"
            title={REMOVE_CONFIRM}
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              run(async () => {
                await actions.remove(event.id);
                navigate('/events', { replace: true });
              })
            }
          >
            <Button danger loading={busy}>
              删除
            </Button>
          </Popconfirm>
        ) : null,
      ]}
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          ['已报名', counts.confirmed, 'confirmed'],
          ['候补待确认', counts.offered, 'offered'],
          ['候补中', counts.waitlisted, 'waitlisted'],
          ['现场登记', counts.walkIns, 'walk-ins'],
          ['已签到', counts.checkedIn, 'checked-in'],
        ].map(([title, value, key]) => (
          <Col key={key} xs={12} sm={8} lg={4}>
            <ProCard bordered data-testid={`event-count-${key}`}>
              <Statistic title={title} value={value} suffix={key === 'confirmed' ? `/ ${event.capacity}` : undefined} />
            </ProCard>
          </Col>
        ))}
      </Row>

      <ProCard title="活动信息" style={{ marginBottom: 16 }}>
        {event.status === 'cancelled' && event.cancelReason ? <Typography.Paragraph type="danger">取消原因：{event.cancelReason}</Typography.Paragraph> : null}
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="活动时间">{timeRangeText(event.startsAt, event.endsAt)}</Descriptions.Item>
          <Descriptions.Item label="场地">{event.venue.name}</Descriptions.Item>
          <Descriptions.Item label="地址">
            {event.venue.address}
            {event.venue.location ? (
              <Typography.Text type="secondary">
                （{event.venue.location.lat}, {event.venue.location.lng}）
              </Typography.Text>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label="区域">{event.regionName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{event.hostUnitName ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="面向人群">{event.audiences.map((a) => POPULATION_GROUP_LABELS[a]).join('、') || '全体居民'}</Descriptions.Item>
          <Descriptions.Item label="报名时间">
            {event.signupOpensAt ? formatDateTime(event.signupOpensAt) : '发布后'} 至 {formatDateTime(event.signupClosesAt ?? event.startsAt)}
          </Descriptions.Item>
          <Descriptions.Item label="取消报名截止">{formatDateTime(event.cancelClosesAt ?? event.startsAt)}</Descriptions.Item>
          <Descriptions.Item label="候补">{event.waitlistEnabled ? `开放，名额保留 ${event.offerHours} 小时` : '不开放'}</Descriptions.Item>
          <Descriptions.Item label="报名需填写">
            {event.requiredFields.map((f) => REGISTRATION_FIELD_LABELS[f]).join('、') || '无需填写个人信息'}
          </Descriptions.Item>
          <Descriptions.Item label="主讲人">{event.speakers.map((s) => (s.title ? `${s.name}（${s.title}）` : s.name)).join('、') || '-'}</Descriptions.Item>
          <Descriptions.Item label="关联">
            {[event.quizId ? `测验 #${event.quizId}` : null, event.campaignId ? `宣传活动 #${event.campaignId}` : null].filter(Boolean).join('、') || '-'}
          </Descriptions.Item>
          <Descriptions.Item label="创建">
            {event.createdByName} · {formatDateTime(event.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDateTime(event.publishedAt)}</Descriptions.Item>
        </Descriptions>
        {event.coverUrl ? <Image src={event.coverUrl} width={200} alt="活动封面" style={{ marginTop: 8 }} /> : null}
        {event.description ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
            {event.description}
          </Typography.Paragraph>
        ) : null}
      </ProCard>

      <Tabs
        destroyOnHidden
        items={[
          { key: 'attendees', label: '报名与签到', children: <AttendeeTable eventId={event.id} canExport={canManage} /> },
          ...(canManage
            ? [
                { key: 'notifications', label: '消息通知', children: <NotificationTable eventId={event.id} /> },
                {
                  key: 'code',
                  label: '小程序码',
                  children: (
                    <ProCard>
                      {event.status === 'draft' ? <Typography.Text type="secondary">活动发布后，居民扫码才能看到活动页面。</Typography.Text> : null}
                      <EventCodeImage eventId={event.id} />
                    </ProCard>
                  ),
                },
              ]
            : []),
        ]}
        onChange={(key) => {
          // Counts move while people check in; the summary follows when the list is opened again.
          if (key === 'attendees') load();
        }}
      />
    </PageContainer>
  );
}
