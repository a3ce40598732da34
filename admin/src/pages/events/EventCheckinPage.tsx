import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Card, Empty, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CloudUploadOutlined, PictureOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { REGISTRATION_STATUS_LABELS, effectiveEventStatus } from '@xinqiao/shared';
import { NotAllowed } from '../../components/NotAllowed';
import { EventStatusTag } from './EventStatusTag';
import { REGISTRATION_STATUS_COLOURS, timeRangeText } from './eventView';
import { attendanceText, checkedInAt } from './checkin/judge';
import { decodeQrImage } from './checkin/qrDecode';
import { QrScanner } from './checkin/QrScanner';
import { acceptScan } from './checkin/queue';
import { searchTickets } from './checkin/ticketSearch';
import { useCheckinSession } from './checkin/useCheckinSession';
import './checkin.css';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/**
 * Check-in at the door, on a phone: scan tickets with the camera (or read a photo of one, or type
 * its text), or find people by name or phone. Works offline with the kit kept on the device; the
 * queue goes up when the network is back.
 */
export default function EventCheckinPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  return valid ? <CheckinDesk eventId={id} /> : <NotAllowed status={404} />;
}

function CheckinDesk({ eventId }: { eventId: number }) {
  const navigate = useNavigate();
  const session = useCheckinSession(eventId);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [decoding, setDecoding] = useState(false);
  const [imageError, setImageError] = useState<string | null>(null);
  const lastScan = useRef<{ text: string; at: number } | null>(null);
  const { event, kit, queue, attendance, feedback } = session;

  const found = useMemo(() => (kit ? searchTickets(kit.tickets, query) : { rows: [], total: 0 }), [kit, query]);

  const onCamera = (text: string) => {
    const at = Date.now();
    if (!acceptScan(lastScan.current, text, at)) return;
    lastScan.current = { text, at };
    void session.submitToken(text);
  };

  const onImage = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same picture again fires another change.
    e.target.value = '';
    if (!file) return;
    setImageError(null);
    setDecoding(true);
    try {
      const text = await decodeQrImage(file);
      if (text) await session.submitToken(text);
      else setImageError('图片中没有识别到二维码，请拍清晰一些，或手动输入票码');
    } catch {
      setImageError('无法读取这张图片，请换一张或手动输入票码');
    } finally {
      setDecoding(false);
    }
  };

  const submitTyped = async () => {
    if (!typed.trim()) return;
    await session.submitToken(typed);
    setTyped('');
  };

  if (session.loadError) {
    return (
      <div className="checkin-page">
        <Result
          status={session.loadError.status === 404 ? '404' : 'warning'}
          title={session.loadError.message}
          extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>}
        />
      </div>
    );
  }

  const status = event ? effectiveEventStatus(event.status, new Date(event.endsAt), new Date()) : null;

  return (
    <div className="checkin-page" data-event-id={eventId}>
      <header className="checkin-page__header">
        <Link to={`/events/${eventId}`} className="checkin-page__back" aria-label="返回活动">
          <ArrowLeftOutlined />
        </Link>
        <div className="checkin-page__heading">
          <Typography.Title level={4} className="checkin-page__title">
            {event?.title ?? kit?.eventTitle ?? '活动签到'}
          </Typography.Title>
          {event ? (
            <Typography.Text type="secondary">
              {timeRangeText(event.startsAt, event.endsAt)} · {event.venueName}
            </Typography.Text>
          ) : null}
        </div>
        {status ? <EventStatusTag status={status} /> : null}
      </header>

      {!session.canVerifyLocally ? (
        <Alert
          type="warning"
          showIcon
          className="checkin-page__alert checkin-no-crypto"
          message="本机无法验证电子票"
          description="当前页面不是通过 HTTPS（或本机地址）打开的，浏览器不提供验票所需的加密功能：扫码结果将提交服务器核验，断网时只能记录、不能当场验真。请使用 HTTPS 地址打开本页。"
        />
      ) : null}
      {!session.online ? (
        <Alert type="info" showIcon className="checkin-page__alert checkin-offline" message="网络已断开：签到记录保存在本机，恢复网络后自动上传" />
      ) : null}
      {session.storageFailed ? (
        <Alert type="error" showIcon className="checkin-page__alert" message="本机存储空间不足或被禁用：签到记录无法保存，请勿刷新或关闭本页，尽快联网上传" />
      ) : null}

      <Card size="small" className="checkin-page__status">
        <div className="checkin-attendance" data-checked-in={attendance ? attendance.checkedIn + queue.length : undefined}>
          {attendance ? attendanceText(attendance, queue.length) : '正在统计…'}
        </div>
        <Space wrap className="checkin-page__queue">
          <span>
            待上传 <span className="checkin-queue-count">{queue.length}</span> 条
          </span>
          <Button
            size="small"
            icon={<CloudUploadOutlined />}
            loading={session.uploading}
            disabled={queue.length === 0}
            onClick={() => void session.upload()}
            className="checkin-upload"
          >
            上传
          </Button>
        </Space>
        {session.uploadError && queue.length ? (
          <Typography.Paragraph type="warning" className="checkin-page__upload-error">
            {session.uploadError}
          </Typography.Paragraph>
        ) : null}
      </Card>

      {feedback ? (
        <div className={`checkin-result checkin-result--${feedback.kind}`} data-kind={feedback.kind} role="status" aria-live="polite" key={feedback.at}>
          <div className="checkin-result__title">{feedback.title}</div>
          {feedback.detail ? <div className="checkin-result__detail">{feedback.detail}</div> : null}
        </div>
      ) : null}

      <Card size="small" title="扫描电子票" className="checkin-page__scan">
        <QrScanner onResult={onCamera} />
        <label className="checkin-image">
          <input type="file" accept="image/*" className="checkin-image-input" onChange={(e) => void onImage(e)} disabled={decoding} />
          <span className="checkin-image__button">{decoding ? <Spin size="small" /> : <PictureOutlined />} 识别图片中的二维码</span>
        </label>
        {imageError ? <Typography.Paragraph type="warning">{imageError}</Typography.Paragraph> : null}
        <div className="checkin-token">
          <div className="checkin-token-input">
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={() => void submitTyped()}
              placeholder="扫码枪或手动输入票码（t1. 开头）"
              allowClear
              autoComplete="off"
            />
          </div>
          <Button className="checkin-token-submit" onClick={() => void submitTyped()} disabled={!typed.trim()}>
            提交
          </Button>
        </div>
      </Card>

      <Card
        size="small"
        title="按姓名或手机号签到"
        className="checkin-page__list"
        extra={
          <Button size="small" type="link" icon={<ReloadOutlined />} loading={session.kitLoading} onClick={() => void session.refresh()}>
            更新名单
          </Button>
        }
      >
        <div className="checkin-search">
          <Input.Search value={query} onChange={(e) => setQuery(e.target.value)} placeholder="姓名（如 张小明、张）或手机号后四位" allowClear />
        </div>
        {session.kitError ? (
          <Typography.Paragraph type="warning">{kit ? `名单未能更新（${session.kitError}），正在使用本机保存的名单` : session.kitError}</Typography.Paragraph>
        ) : null}
        {kit ? (
          <>
            <Typography.Paragraph type="secondary" className="checkin-page__kit-info">
              名单更新于 {session.kitSavedAt ? timeOf(session.kitSavedAt) : '-'}，共 {kit.tickets.length} 人；姓名和手机号已部分隐藏
            </Typography.Paragraph>
            {found.rows.length ? (
              <ul className="checkin-list">
                {found.rows.map((t) => {
                  const at = checkedInAt({ kit, queue }, t.code);
                  const holds = t.status === 'confirmed' || t.status === 'offered';
                  return (
                    <li key={t.code} className="checkin-row" data-code={t.code} data-checked-in={at ? 'true' : 'false'}>
                      <div className="checkin-row__who">
                        <span className="checkin-row__name">{t.name ?? '未登记姓名'}</span>
                        {t.phoneLast4 ? <span className="checkin-row__phone">尾号 {t.phoneLast4}</span> : null}
                        {t.status !== 'confirmed' ? <Tag color={REGISTRATION_STATUS_COLOURS[t.status]}>{REGISTRATION_STATUS_LABELS[t.status]}</Tag> : null}
                      </div>
                      {at ? (
                        <Tag color="success" className="checkin-row__done">
                          已签到 {timeOf(at)}
                        </Tag>
                      ) : (
                        <Button type="primary" size="small" disabled={!holds} onClick={() => session.checkInCode(t.code)}>
                          签到
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? '没有找到匹配的报名' : '暂无报名'} />
            )}
            {found.total > found.rows.length ? (
              <Typography.Paragraph type="secondary">还有 {found.total - found.rows.length} 人未显示，请输入姓名或手机号查找</Typography.Paragraph>
            ) : null}
          </>
        ) : session.kitLoading ? (
          <Spin />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="签到名单尚未下载，联网后点击“更新名单”" />
        )}
      </Card>

      {session.refusals.length ? (
        <Card size="small" title="上传后未通过的签到" className="checkin-page__refusals">
          <ul className="checkin-list">
            {session.refusals.map((r) => (
              <li key={r.clientId} className="checkin-refusal">
                <span>{r.label}</span>
                <Typography.Text type="danger">{r.message}</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
