import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, List, Modal, Popconfirm, Rate, Result, Select, Skeleton, Space, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import {
  AGE_BAND_LABELS,
  BOOKING_KIND_LABELS,
  BOOKING_STATUS_LABELS,
  INTAKE_TOPIC_LABELS,
  formatChinaDateTime,
  type BookingDetail,
  type SessionNote,
} from '@xinqiao/shared';
import { bookingsApi } from '../../api/bookings';
import { ApiRequestError } from '../../api/client';
import { allows } from '../../auth/permissions';
import { useStaff } from '../../auth/SessionContext';
import { STATUS_TAG_COLOURS, bookingActions, historyActionText, isMaskedPhone, markLabels, placeText, sessionTimeText } from './bookingView';
import { useCounsellorOptions } from './lookups';

const errorText = (e: unknown, fallback: string) => (e instanceof ApiRequestError ? e.message : fallback);
const at = (iso: string) => formatChinaDateTime(new Date(iso));

/**
 * Opening a booking is audited on the server (it may carry the resident's phone), so it is fetched
 * once per opening: the ref keeps React's development double-mount from writing a second entry.
 */
function useBookingOnce(id: number | null) {
  const [detail, setDetail] = useState<BookingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requested = useRef<number | null>(null);
  useEffect(() => {
    if (id === null) {
      requested.current = null;
      return;
    }
    if (requested.current === id) return;
    requested.current = id;
    setDetail(null);
    setError(null);
    bookingsApi.get(id, { silent: true }).then(
      (d) => requested.current === id && setDetail(d),
      (e: unknown) => requested.current === id && setError(errorText(e, '预约加载失败')),
    );
  }, [id]);
  return { detail, setDetail, error };
}

interface Props {
  id: number | null;
  /** The caller's own counsellor profile, if any (to know whether they are the assigned counsellor). */
  myCounsellorId: number | null;
  onClose(): void;
  /** A booking changed (marked, cancelled, handed over): the calendar reloads. */
  onChanged(): void;
}

export function BookingDrawer({ id, myCounsellorId, onClose, onChanged }: Props) {
  const { detail, setDetail, error } = useBookingOnce(id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={detail ? `预约详情 #${detail.id}` : '预约详情'} destroyOnHidden>
      {error ? <Result status="warning" title={error} /> : detail ? <DetailBody detail={detail} myCounsellorId={myCounsellorId} onUpdated={(d) => (setDetail(d), onChanged())} /> : <Skeleton active paragraph={{ rows: 10 }} />}
    </Drawer>
  );
}

function DetailBody({ detail, myCounsellorId, onUpdated }: { detail: BookingDetail; myCounsellorId: number | null; onUpdated(d: BookingDetail): void }) {
  const staff = useStaff();
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [handoverOpen, setHandoverOpen] = useState(false);
  const actions = bookingActions(detail, { handle: allows(staff.role, 'bookings.handle'), oversee: allows(staff.role, 'bookings.oversee'), myCounsellorId }, new Date());
  const labels = markLabels(detail.kind);

  const run = async (key: string, work: () => Promise<BookingDetail>, done: string) => {
    setBusy(key);
    setActionError(null);
    try {
      onUpdated(await work());
      void message.success(done);
      return true;
    } catch (e) {
      // The client has shown the server's message; keep it in the drawer too (e.g. a 409 on a changed booking).
      setActionError(errorText(e, '操作失败，请稍后重试'));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const phone = detail.contactPhone;
  const detailsTab = (
    <>
      {actionError ? <Alert type="error" showIcon closable className="xq-form-alert" message={actionError} onClose={() => setActionError(null)} /> : null}
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
            {detail.ratingComment ? <Typography.Text>{detail.ratingComment}</Typography.Text> : <Typography.Text type="secondary">未填写评价内容</Typography.Text>}
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
          <Popconfirm title={`确认${labels.attended}？`} onConfirm={() => run('attended', () => bookingsApi.attended(detail.id), '已标记')}>
            <Button type="primary" loading={busy === 'attended'}>
              {labels.attended}
            </Button>
          </Popconfirm>
          <Popconfirm title={`确认${labels.noShow}？`} onConfirm={() => run('noShow', () => bookingsApi.noShow(detail.id), '已标记')}>
            <Button loading={busy === 'noShow'}>{labels.noShow}</Button>
          </Popconfirm>
        </>
      ) : actions.markHint ? (
        <Tooltip title={actions.markHint}>
          <Button disabled>{labels.attended}</Button>
        </Tooltip>
      ) : null}
      {actions.handover ? <Button onClick={() => setHandoverOpen(true)}>转交同事</Button> : null}
      {actions.cancel ? (
        <Button danger onClick={() => setCancelOpen(true)}>
          机构取消
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <Alert type="info" showIcon className="xq-form-alert" message="您查看本条预约的记录已写入审计日志" description="联系方式和咨询需求仅用于本次服务，请勿截屏、转发或另作他用。" />
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
      <CancelModal
        open={cancelOpen}
        onCancel={() => setCancelOpen(false)}
        onSubmit={async (reason) => {
          if (await run('cancel', () => bookingsApi.cancel(detail.id, reason), '预约已取消')) setCancelOpen(false);
        }}
        loading={busy === 'cancel'}
      />
      <HandoverModal
        open={handoverOpen}
        detail={detail}
        onCancel={() => setHandoverOpen(false)}
        onSubmit={async (counsellorId) => {
          if (await run('handover', () => bookingsApi.handover(detail.id, counsellorId), '已转交')) setHandoverOpen(false);
        }}
        loading={busy === 'handover'}
      />
    </>
  );
}

function CancelModal({ open, loading, onCancel, onSubmit }: { open: boolean; loading: boolean; onCancel(): void; onSubmit(reason: string): Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { modal } = App.useApp();
  const submit = async () => {
    const { reason } = await form.validateFields();
    modal.confirm({
      title: '确定取消这次预约？',
      content: '取消后该时段将重新开放预约，操作不可撤销。',
      okText: '确定取消',
      okButtonProps: { danger: true },
      cancelText: '再想想',
      onOk: () => onSubmit(reason.trim()),
    });
  };
  return (
    <Modal title="机构取消预约" open={open} onCancel={onCancel} onOk={() => void submit().catch(() => undefined)} okText="取消预约" okButtonProps={{ danger: true, loading }} destroyOnHidden afterClose={() => form.resetFields()}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="取消原因" extra="原因会记入处理记录。" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：咨询师临时出差，已电话联系居民改约" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HandoverModal({ open, detail, loading, onCancel, onSubmit }: { open: boolean; detail: BookingDetail; loading: boolean; onCancel(): void; onSubmit(counsellorId: number): Promise<void> }) {
  const staff = useStaff();
  // An in-person session stays at its station: offer that station's counsellors.
  // Only published colleagues offering the session's mode can take it (the server checks the same).
  const options = useCounsellorOptions(staff, detail.kind === 'in_person' ? (detail.stationId ?? undefined) : undefined).filter(
    (o) => o.value !== detail.counsellorId && o.published && detail.kind !== 'callback' && o.modes.includes(detail.kind),
  );
  const [counsellorId, setCounsellorId] = useState<number | undefined>();
  return (
    <Modal
      title="转交同事"
      open={open}
      onCancel={onCancel}
      onOk={() => counsellorId !== undefined && void onSubmit(counsellorId)}
      okText="转交"
      okButtonProps={{ loading, disabled: counsellorId === undefined }}
      destroyOnHidden
      afterClose={() => setCounsellorId(undefined)}
    >
      <Typography.Paragraph type="secondary">转交后由新的咨询师负责本次预约，原咨询师将无法再查看咨询需求和咨询记录。只能转交给已公开、提供该咨询方式的同事；如同事该时段已有安排，将无法转交。</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder={detail.kind === 'in_person' ? '选择本站点的咨询师' : '选择咨询师'}
        options={options}
        value={counsellorId}
        onChange={setCounsellorId}
        notFoundContent="没有可选的咨询师"
      />
    </Modal>
  );
}

/** Private notes of the assigned counsellor: loaded when the tab is opened (each read is audited). */
function NotesTab({ bookingId }: { bookingId: number }) {
  const { message } = App.useApp();
  const [notes, setNotes] = useState<SessionNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const requested = useRef<number | null>(null);

  useEffect(() => {
    if (requested.current === bookingId) return;
    requested.current = bookingId;
    bookingsApi.notes(bookingId, { silent: true }).then(setNotes, (e: unknown) => setError(errorText(e, '咨询记录加载失败')));
  }, [bookingId]);

  const add = async () => {
    if (!text.trim()) return;
    setSaving(true);
    try {
      const note = await bookingsApi.addNote(bookingId, text.trim());
      setNotes((list) => [...(list ?? []), note]);
      setText('');
      void message.success('咨询记录已保存');
    } catch {
      // shown by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Alert type="warning" showIcon icon={<LockOutlined />} className="xq-form-alert" message="咨询记录加密保存，仅您本人（本次预约的指定咨询师）可以查看，每次查看均记入审计日志。" />
      {error ? (
        <Alert type="error" showIcon message={error} />
      ) : notes === null ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={notes}
          locale={{ emptyText: '暂无咨询记录' }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta description={at(n.at)} title={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{n.text}</Typography.Paragraph>} />
            </List.Item>
          )}
        />
      )}
      <Space.Compact direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} showCount autoSize={{ minRows: 3, maxRows: 10 }} placeholder="记录本次咨询的要点、评估和后续计划" />
      </Space.Compact>
      <Button type="primary" style={{ marginTop: 8 }} loading={saving} disabled={!text.trim() || error !== null} onClick={() => void add()}>
        添加记录
      </Button>
    </>
  );
}
