import { Alert, Button, Descriptions, Drawer, Empty, Popconfirm, Rate, Result, Skeleton, Space, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { AGE_BAND_LABELS, BOOKING_KIND_LABELS, BOOKING_STATUS_LABELS, INTAKE_TOPIC_LABELS, formatChinaDateTime, type BookingDetail } from '@xinqiao/shared';
import { CancelModal, HandoverModal } from './BookingModals';
import { NotesTab } from './BookingNotesTab';
import { STATUS_TAG_COLOURS, historyActionText, isMaskedPhone, placeText, sessionTimeText } from './bookingView';
import { useBookingDetail, useBookingSession } from './useBookingSession';

const at = (iso: string) => formatChinaDateTime(new Date(iso));

interface Props {
  id: number | null;
  /** The caller's own counsellor profile, if any (to know whether they are the assigned counsellor). */
  myCounsellorId: number | null;
  onClose(): void;
  /** A booking changed (marked, cancelled, handed over): the calendar reloads. */
  onChanged(): void;
}

export function BookingDrawer({ id, myCounsellorId, onClose, onChanged }: Props) {
  const { item: detail, setItem: setDetail, error, loading } = useBookingDetail(id);
  // Until the opened booking has arrived (a previous opening's may still be held), show the skeleton.
  const shown = !loading && detail?.id === id ? detail : null;
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={shown ? `预约详情 #${shown.id}` : '预约详情'} destroyOnHidden>
      {error ? (
        <Result status="warning" title={error.message} />
      ) : shown ? (
        <DetailBody key={shown.id} detail={shown} myCounsellorId={myCounsellorId} onUpdated={(d) => (setDetail(d), onChanged())} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}

function DetailBody({ detail, myCounsellorId, onUpdated }: { detail: BookingDetail; myCounsellorId: number | null; onUpdated(d: BookingDetail): void }) {
  const session = useBookingSession(detail, myCounsellorId, onUpdated);
  const { actions, labels, busy } = session;

  const phone = detail.contactPhone;
  const detailsTab = (
    <>
      {session.actionError ? (
        <Alert type="error" showIcon closable className="xq-form-alert" message={session.actionError} onClose={session.clearActionError} />
      ) : null}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_TAG_COLOURS[detail.status]}>{BOOKING_STATUS_LABELS[detail.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="时间">{sessionTimeText(detail)}</Descriptions.Item>
        <Descriptions.Item label="类型">{BOOKING_KIND_LABELS[detail.kind]}</Descriptions.Item>
        <Descriptions.Item label={detail.kind === 'callback' ? '热线' : '地点'}>{placeText(detail)}</Descriptions.Item>
        <Descriptions.Item label="咨询师">{detail.counsellorName ?? (detail.kind === 'callback' ? '热线值班人员' : '-')}</Descriptions.Item>
        <Descriptions.Item label="区域">{detail.regionName}</Descriptions.Item>
        <Descriptions.Item label="联系电话">
          {isMaskedPhone(phone) ? (
            <Typography.Text>
              {phone} <Typography.Text type="secondary">（仅指定咨询师可见完整号码）</Typography.Text>
            </Typography.Text>
          ) : (
            <Typography.Text copyable={{ text: phone }}>
              <a href={`tel:${phone}`}>{phone}</a>
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="预约提交于">{at(detail.createdAt)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        咨询需求
      </Typography.Title>
      {detail.intake === null ? (
        <Alert type="info" showIcon icon={<LockOutlined />} message="仅指定咨询师可查看咨询需求" />
      ) : (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }} data-testid="booking-intake">
          <Descriptions.Item label="咨询主题">
            {detail.intake.topic ? INTAKE_TOPIC_LABELS[detail.intake.topic] : <Typography.Text type="secondary">居民未填写</Typography.Text>}
          </Descriptions.Item>
          {detail.intake.note ? (
            <Descriptions.Item label="居民留言">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.intake.note}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="年龄段">{AGE_BAND_LABELS[detail.intake.ageBand]}</Descriptions.Item>
          {detail.intake.guardian ? (
            <Descriptions.Item label="监护人">
              {detail.intake.guardian.name}（{detail.intake.guardian.relation}），已同意
            </Descriptions.Item>
          ) : null}
          {!detail.intake.sensitiveConsent ? (
            <Descriptions.Item label="说明">
              <Typography.Text type="secondary">居民未同意提供咨询主题和留言等敏感信息</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}

      {detail.rating !== null ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            居民评价
          </Typography.Title>
          <Space direction="vertical" size={4}>
            <Rate disabled value={detail.rating} />
            {detail.ratingComment ? (
              <Typography.Text>{detail.ratingComment}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">未填写评价内容</Typography.Text>
            )}
          </Space>
        </>
      ) : null}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        处理记录
      </Typography.Title>
      {detail.history.length ? (
        <Timeline
          items={detail.history.map((h, i) => ({
            key: i,
            children: (
              <>
                <Typography.Text strong>{historyActionText(h.action)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  {at(h.at)}
                  {h.by ? ` · ${h.by}` : ''}
                </Typography.Text>
                {h.note ? <div>{h.note}</div> : null}
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      )}
    </>
  );

  const toolbar = (
    <Space wrap style={{ marginBottom: 16 }}>
      {actions.mark ? (
        <>
          <Popconfirm title={`确认${labels.attended}？`} onConfirm={() => void session.markAttended()}>
            <Button type="primary" loading={busy === 'attended'}>
              {labels.attended}
            </Button>
          </Popconfirm>
          <Popconfirm title={`确认${labels.noShow}？`} onConfirm={() => void session.markNoShow()}>
            <Button loading={busy === 'noShow'}>{labels.noShow}</Button>
          </Popconfirm>
        </>
      ) : actions.markHint ? (
        <Tooltip title={actions.markHint}>
          <Button disabled>{labels.attended}</Button>
        </Tooltip>
      ) : null}
      {actions.handover ? <Button onClick={() => session.setHandoverOpen(true)}>转交同事</Button> : null}
      {actions.cancel ? (
        <Button danger onClick={() => session.setCancelOpen(true)}>
          机构取消
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <Alert
        type="info"
        showIcon
        className="xq-form-alert"
        message="您查看本条预约的记录已写入审计日志"
        description="联系方式和咨询需求仅用于本次服务，请勿截屏、转发或另作他用。"
      />
      {toolbar}
      {actions.notes ? (
        <Tabs
          items={[
            { key: 'detail', label: '预约详情', children: detailsTab },
            { key: 'notes', label: '咨询记录', children: <NotesTab bookingId={detail.id} /> },
          ]}
        />
      ) : (
        detailsTab
      )}
      <CancelModal open={session.cancelOpen} onCancel={() => session.setCancelOpen(false)} onSubmit={session.cancel} loading={busy === 'cancel'} />
      <HandoverModal
        open={session.handoverOpen}
        detail={detail}
        onCancel={() => session.setHandoverOpen(false)}
        onSubmit={session.handover}
        loading={busy === 'handover'}
      />
    </>
  );
}
