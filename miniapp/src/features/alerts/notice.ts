import { useEffect, useRef, useState } from 'react';
import type { AlertNoticeStatus } from '@xinqiao/shared';

/** How often, and for how long, a result page asks whether the people on duty were told. */
export const NOTICE_POLL_EVERY_MS = 5_000;
export const NOTICE_POLL_FOR_MS = 60_000;

/** What the page says: `sent` only once a notice went out; `sending` while it is queued and we still ask. */
export type NoticeView = 'sent' | 'sending' | 'queued';

export function noticeView(status: AlertNoticeStatus, polling: boolean): NoticeView {
  if (status === 'sent') return 'sent';
  return status === 'pending' && polling ? 'sending' : 'queued';
}

export const NOTICE_TEXT: Record<NoticeView, string> = {
  sent: '已通知值班心理咨询师，他们会尽快与您联系，请留意来电',
  sending: '正在通知值班心理咨询师…',
  queued: '您的联系方式已提交到所在社区心理咨询师的待办中，他们查看后会与您联系；情况紧急请立即拨打心理援助热线 12356',
};

/**
 * The notice status of a request, asked again every 5 s for up to a minute while it is `pending`
 * (the server sends new alerts to the people on duty within that time). A failed ask is simply
 * tried again; after the minute the page stops asking and says what is certain.
 */
export function useNoticeStatus(initial: AlertNoticeStatus, load: (() => Promise<AlertNoticeStatus>) | null): { status: AlertNoticeStatus; polling: boolean } {
  const [status, setStatus] = useState(initial);
  const [polling, setPolling] = useState(initial === 'pending' && load !== null);
  // `load` is a fresh closure on every render: the polling, started once per request, asks through the latest.
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  }, [load]);

  useEffect(() => {
    if (!polling || !latestLoad.current) return undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      setPolling(false);
    };
    const tick = setInterval(() => {
      const ask = latestLoad.current;
      if (!ask) return;
      ask().then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          if (next !== 'pending') stop();
        },
        () => undefined,
      );
    }, NOTICE_POLL_EVERY_MS);
    const deadline = setTimeout(stop, NOTICE_POLL_FOR_MS);
    return () => {
      stopped = true;
      clearInterval(tick);
      clearTimeout(deadline);
    };
  }, [polling]);

  return { status, polling };
}
