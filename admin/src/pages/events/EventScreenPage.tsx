import { useCallback, useEffect, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { AdminEvent, ScreenCodeDto } from '@xinqiao/shared';
import { ApiRequestError } from '../../api/client';
import { eventsApi } from '../../api/events';
import { NotAllowed } from '../../components/NotAllowed';
import { timeRangeText } from './eventView';
import { clockOffsetMs, nextRefreshDelayMs, secondsLeft, SCREEN_RETRY_MS } from './screenTiming';
import './checkin.css';

/** Attendance on the screen is refreshed this often. */
const COUNT_POLL_MS = 10_000;

const CAPTIONS: Record<ScreenCodeDto['imageKind'], string> = {
  wxacode: '请使用微信扫一扫签到',
  qr: '请打开“心桥”小程序，在本活动页面点击“扫码签到”扫描此码',
};

/**
 * The event's check-in screen for a projector or a big monitor: the rotating check-in code (new
 * every 30 seconds), a countdown and the live attendance. Outside the console frame, full-screen
 * friendly; residents scan it with the mini-program.
 */
export default function EventScreenPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const [event, setEvent] = useState<AdminEvent | null>(null);
  const [code, setCode] = useState<ScreenCodeDto | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [fullscreen, setFullscreen] = useState(false);
  const loadEvent = useCallback(async () => {
    try {
      setEvent(await eventsApi.get(id, { silent: true }));
    } catch (e) {
      // Without the event there is nothing to show; a failed refresh keeps the last counts.
      if (e instanceof ApiRequestError && e.status !== 0) setError(e);
    }
  }, [id]);

  useEffect(() => {
    if (!valid) return;
    // An answer arriving after the page closed must not schedule another fetch.
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The code: fetched again just after its window ends (at most every 25 s), retried on failure.
    const fetchCode = async () => {
      let delay = SCREEN_RETRY_MS;
      try {
        const next = await eventsApi.screenCode(id, { silent: true });
        const receivedAt = Date.now();
        const skew = clockOffsetMs(next, receivedAt);
        setCode(next);
        setOffset(skew);
        setCodeError(null);
        delay = nextRefreshDelayMs(next, receivedAt, skew);
      } catch (e) {
        setCodeError(e instanceof ApiRequestError ? e.message : '签到码获取失败');
      }
      if (!closed) timer = setTimeout(() => void fetchCode(), delay);
    };
    void loadEvent();
    void fetchCode();
    const counts = setInterval(() => void loadEvent(), COUNT_POLL_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      closed = true;
      clearTimeout(timer);
      clearInterval(counts);
      clearInterval(tick);
    };
  }, [valid, id, loadEvent]);

  // A screen left on for the whole event must not dim or lock (where the browser allows it).
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    const request = () => {
      if (document.visibilityState !== 'visible' || !navigator.wakeLock) return;
      navigator.wakeLock.request('screen').then(
        (l) => (lock = l),
        () => undefined,
      );
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      document.removeEventListener('visibilitychange', request);
      void lock?.release().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  if (!valid) return <NotAllowed status={404} />;
  if (error) {
    return (
      <div className="checkin-screen checkin-screen--error">
        <Result
          status={error.status === 404 ? '404' : 'warning'}
          title={error.message}
          extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>}
        />
      </div>
    );
  }

  const left = code ? secondsLeft(code, now, offset) : null;

  return (
    <div className="checkin-screen">
      <Button
        className="checkin-screen__fullscreen"
        type="text"
        icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
        onClick={toggleFullscreen}
        aria-label={fullscreen ? '退出全屏' : '全屏显示'}
      >
        {fullscreen ? '退出全屏' : '全屏显示'}
      </Button>
      <header className="checkin-screen__header">
        <h1 className="checkin-screen__title">{event?.title ?? ' '}</h1>
        {event ? (
          <p className="checkin-screen__meta">
            {timeRangeText(event.startsAt, event.endsAt)} · {event.venue.name}
          </p>
        ) : null}
      </header>
      <main className="checkin-screen__body">
        <div className="checkin-screen__code">
          {code ? (
            <img src={code.imageDataUrl} alt="活动签到码" className="checkin-screen__image" data-kind={code.imageKind} />
          ) : codeError ? null : (
            <Spin size="large" />
          )}
          {codeError ? <p className="checkin-screen__error">{codeError}，稍后自动重试</p> : null}
        </div>
        <div className="checkin-screen__side">
          <p className="checkin-screen__caption">{code ? CAPTIONS[code.imageKind] : '正在获取签到码…'}</p>
          {left !== null ? (
            <p className="checkin-screen__countdown">
              {left > 0 ? (
                <>
                  签到码 <span className="checkin-screen__seconds">{left}</span> 秒后更新
                </>
              ) : (
                // Between the end of a window and the next answer; the shown code is still accepted meanwhile.
                '签到码正在更新…'
              )}
            </p>
          ) : null}
          <div className="checkin-screen__count">
            <span className="checkin-screen__count-label">已签到</span>
            <span className="checkin-screen__count-value" data-testid="screen-checked-in">
              {event ? event.counts.checkedIn : '-'}
            </span>
            <span className="checkin-screen__count-label">人</span>
          </div>
          {event ? <p className="checkin-screen__signups">已报名 {event.counts.confirmed + event.counts.offered} 人</p> : null}
          {code ? <p className="checkin-screen__scene">签到码文本：{code.scene}</p> : null}
        </div>
      </main>
    </div>
  );
}
