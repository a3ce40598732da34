import { useEffect, useRef } from 'react';
import { Button, notification } from 'antd';
import { useNavigate } from 'react-router-dom';
import { API_PREFIX, hasPermission, reconnectDelayMs, type LiveNotice } from '@xinqiao/shared';
import { refreshSession } from '../../api/client';
import { sessionStore } from '../../auth/sessionStore';
import { useStaff } from '../../auth/SessionContext';
import { noticeAction, parseSse } from './sse';

/** A stream that stayed open this long counts as a good connection: the back-off starts again. */
const HEALTHY_MS = 30_000;

/** Two short tones made with the Web Audio API (no sound file to download). */
function beep(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    void ctx.resume().catch(() => undefined);
    [0, 0.25].forEach((offset) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + offset + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + offset);
      osc.stop(ctx.currentTime + offset + 0.2);
    });
    setTimeout(() => void ctx.close().catch(() => undefined), 1000);
  } catch {
    // No audio (autoplay refused, no device): the on-screen notice still shows.
  }
}

/**
 * The console's live notices for staff who work on alerts: one event stream per tab, read with fetch
 * and the bearer token (an EventSource cannot send it), reconnecting with back-off. Each notice shows
 * as an antd notification with a button to its page, a short sound, and a browser notification when
 * the user allowed them. Notices about the same thing (sent to the person and to their region) share
 * one notification.
 */
export function LiveNotices() {
  const staff = useStaff();
  const navigate = useNavigate();
  const [api, holder] = notification.useNotification({ placement: 'topRight', stack: { threshold: 3 } });
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const enabled = hasPermission(staff.role, 'alerts.handle') || hasPermission(staff.role, 'alerts.oversee');

  useEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    const recent = new Map<string, number>();

    const opened = new Map<string, number>();
    const show = (n: LiveNotice) => {
      const key = `${n.topic}:${n.subject.type}:${n.subject.id}`;
      // The same notice's copy (person and region) arriving after the user opened it is not shown again.
      if (Date.now() - (opened.get(key) ?? 0) < 60_000) return;
      const seen = recent.get(key);
      recent.set(key, Date.now());
      const open = () => {
        opened.set(key, Date.now());
        api.destroy(key);
        navigateRef.current(n.link);
      };
      api.open({
        key,
        className: 'xq-live-notice',
        message: n.title,
        description: `${n.text}（${n.region}）`,
        duration: 0,
        type: n.colour === 'red' ? 'error' : n.colour === 'yellow' ? 'warning' : 'info',
        actions: (
          <Button type="primary" size="small" className="xq-live-notice-open" onClick={open}>
            {noticeAction(n.link)}
          </Button>
        ),
      });
      // The same notice arriving again (person and region) rings once.
      if (seen && Date.now() - seen < 60_000) return;
      beep();
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        try {
          const browser = new Notification(n.title, { body: `${n.text}（${n.region}）`, tag: key });
          browser.onclick = () => {
            window.focus();
            open();
            browser.close();
          };
        } catch {
          // Some browsers only allow notifications from a service worker: the in-page notice is enough.
        }
      }
    };

    const connect = async (): Promise<'retry' | 'stop'> => {
      if (!sessionStore.get()?.accessToken && !(await refreshSession())) return 'stop';
      let res: Response;
      try {
        res = await fetch(`${API_PREFIX}/admin/live`, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${sessionStore.get()?.accessToken ?? ''}` },
          signal: abort.signal,
        });
      } catch {
        return 'retry';
      }
      if (res.status === 401) return (await refreshSession()) ? 'retry' : 'stop';
      if (!res.ok || !res.body) return res.status === 403 ? 'stop' : 'retry';
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return 'retry';
          const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
          buffer = parsed.rest;
          for (const e of parsed.events) {
            if (e.event !== 'notice') continue;
            try {
              show(JSON.parse(e.data) as LiveNotice);
            } catch {
              // A frame we cannot read is skipped; the notice is also on the person's other channels.
            }
          }
        }
      } catch {
        return 'retry';
      }
    };

    void (async () => {
      let attempt = 0;
      while (!abort.signal.aborted) {
        const began = Date.now();
        const outcome = await connect();
        if (outcome === 'stop' || abort.signal.aborted) return;
        attempt = Date.now() - began > HEALTHY_MS ? 1 : attempt + 1;
        // The stream ends on purpose when the access token would: reconnect at once with a fresh one.
        const wait = attempt === 1 && Date.now() - began > HEALTHY_MS ? 0 : reconnectDelayMs(attempt);
        await new Promise((ok) => setTimeout(ok, wait));
      }
    })();
    return () => abort.abort();
  }, [enabled, staff.id, api]);

  return holder;
}
