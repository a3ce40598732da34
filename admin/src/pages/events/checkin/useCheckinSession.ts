/**
 * The check-in page's state: the kit kept on the device, the queue of check-ins, the counts, and
 * the upload loop. Every check-in is judged on the device, recorded at once and queued; the queue
 * is uploaded whenever the network allows (at once when online, on reconnecting, on a retry timer
 * and with the 上传 button), so losing the connection loses nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { webCryptoHmacSha256, type AdminEvent, type HmacSha256 } from '@xinqiao/shared';
import { ApiRequestError } from '../../../api/client';
import { eventsApi } from '../../../api/events';
import {
  attendanceFromCounts,
  attendanceFromKit,
  checkedInAt,
  judgeManual,
  judgeScan,
  type AttendanceBase,
  type CheckinJudgement,
  type JudgeContext,
} from './judge';
import { loadKit, markTicketCheckedIn, purgeExpiredKits, saveKit, type EventSnapshot, type StoredKit } from './kitStore';
import { applyResults, isRetryableStatus, loadQueue, newClientId, retryDelayMs, saveQueue, toUploadItem, UPLOAD_BATCH_SIZE, type QueuedCheckin } from './queue';

/** Counts are refreshed from the server this often while online. */
const COUNT_POLL_MS = 15_000;
/** Upload refusals kept on screen. */
const REFUSALS_SHOWN = 20;

export type FeedbackKind = 'success' | 'already' | 'refused' | 'pending';

/** What the last scan or tap came to, shown large at the top of the page. */
export interface Feedback {
  kind: FeedbackKind;
  title: string;
  detail: string | null;
  /** Set while the check-in waits in the queue, so the server's answer can update this message. */
  clientId: string | null;
  at: number;
}

export interface UploadRefusal {
  clientId: string;
  /** Who it was: the masked name, else the start of the ticket code. */
  label: string;
  message: string;
}

function snapshotOf(e: AdminEvent): EventSnapshot {
  return { id: e.id, title: e.title, status: e.status, startsAt: e.startsAt, endsAt: e.endsAt, venueName: e.venue.name, counts: e.counts };
}

/** WebCrypto exists only on HTTPS and localhost; elsewhere tickets are verified by the server alone. */
function deviceHmac(): HmacSha256 | null {
  try {
    return typeof window !== 'undefined' && window.isSecureContext && crypto.subtle ? webCryptoHmacSha256(crypto.subtle) : null;
  } catch {
    return null;
  }
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

export function useCheckinSession(eventId: number) {
  const storage = typeof localStorage === 'undefined' ? null : localStorage;
  const hmac = useMemo(() => deviceHmac(), []);
  const [stored, setStored] = useState<StoredKit | null>(null);
  const [event, setEvent] = useState<EventSnapshot | null>(null);
  const [queue, setQueue] = useState<QueuedCheckin[]>([]);
  const [base, setBase] = useState<AttendanceBase | null>(null);
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiRequestError | null>(null);
  const [kitLoading, setKitLoading] = useState(true);
  const [kitError, setKitError] = useState<string | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [refusals, setRefusals] = useState<UploadRefusal[]>([]);
  /** The next automatic upload after a failure (a new object for every failure, so each one is scheduled). */
  const [retry, setRetry] = useState<{ delayMs: number } | null>(null);

  // Async work reads the latest values from refs; state mirrors them for rendering.
  const storedRef = useRef<StoredKit | null>(null);
  const eventRef = useRef<EventSnapshot | null>(null);
  const queueRef = useRef<QueuedCheckin[]>([]);
  const uploadingRef = useRef(false);
  const failures = useRef(0);
  const alive = useRef(true);

  const putStored = useCallback(
    (next: StoredKit) => {
      storedRef.current = next;
      setStored(next);
      if (storage && !saveKit(storage, next)) setStorageFailed(true);
    },
    [storage],
  );

  const putQueue = useCallback(
    (next: QueuedCheckin[]) => {
      queueRef.current = next;
      setQueue(next);
      // Written before any upload starts: a closed tab or a crash keeps what was checked in.
      if (storage && !saveQueue(storage, eventId, next)) setStorageFailed(true);
    },
    [storage, eventId],
  );

  const putEvent = useCallback((e: AdminEvent) => {
    const snapshot = snapshotOf(e);
    eventRef.current = snapshot;
    setEvent(snapshot);
    // What is still queued is not in the server's counts; it is added when shown.
    if (!uploadingRef.current) setBase(attendanceFromCounts(e.counts));
    return snapshot;
  }, []);

  /** The event and a fresh kit from the server; what the device kept stays when they cannot be had. */
  const refresh = useCallback(async () => {
    setKitLoading(true);
    const [ev, kit] = await Promise.allSettled([eventsApi.get(eventId, { silent: true }), eventsApi.checkinKit(eventId, { silent: true })]);
    if (!alive.current) return;
    let snapshot = eventRef.current;
    if (ev.status === 'fulfilled') snapshot = putEvent(ev.value);
    else if (ev.reason instanceof ApiRequestError && ev.reason.status !== 0 && !storedRef.current) setLoadError(ev.reason);
    if (kit.status === 'fulfilled') {
      putStored({ kit: kit.value, event: snapshot, savedAt: new Date().toISOString() });
      setKitError(null);
    } else {
      if (storedRef.current && snapshot && ev.status === 'fulfilled') putStored({ ...storedRef.current, event: snapshot });
      setKitError(kit.reason instanceof ApiRequestError ? kit.reason.message : '签到名单下载失败');
    }
    setKitLoading(false);
  }, [eventId, putEvent, putStored]);

  const refreshCounts = useCallback(async () => {
    try {
      const e = await eventsApi.get(eventId, { silent: true });
      if (alive.current) putEvent(e);
    } catch {
      // Offline or failing: the counts shown stay as they were.
    }
  }, [eventId, putEvent]);

  const upload = useCallback(async (): Promise<void> => {
    setRetry(null);
    if (uploadingRef.current || queueRef.current.length === 0) return;
    uploadingRef.current = true;
    setUploading(true);
    try {
      // Check-ins made while a batch is on its way are read here and go up next.
      while (queueRef.current.length) {
        const batch = queueRef.current.slice(0, UPLOAD_BATCH_SIZE);
        const results = await eventsApi.checkins(eventId, { items: batch.map(toUploadItem) }, { silent: true });
        const applied = applyResults(queueRef.current, results);
        let kit = storedRef.current;
        for (const { item, result } of applied.accepted) {
          if (kit && result.checkedInAt) kit = markTicketCheckedIn(kit, item.code, result.checkedInAt, result.name);
        }
        if (kit && kit !== storedRef.current) putStored(kit);
        putQueue(applied.remaining);
        const added = applied.accepted.filter((a) => a.result.outcome === 'checked_in').length;
        setBase((b) => (b ? { ...b, checkedIn: b.checkedIn + added } : b));
        if (applied.refused.length) {
          const rows = applied.refused.map(({ item, result }) => ({
            clientId: item.clientId,
            label: item.label ?? `票号 ${item.code.slice(0, 6)}…`,
            message: result.message ?? '签到被拒绝',
          }));
          setRefusals((list) => [...rows.reverse(), ...list].slice(0, REFUSALS_SHOWN));
        }
        setFeedback((f) => {
          const mine = f?.clientId ? results.find((r) => r.clientId === f.clientId) : undefined;
          if (!f || !mine) return f;
          if (mine.outcome === 'refused') return { ...f, kind: 'refused', title: '签到未通过', detail: mine.message, clientId: null };
          return {
            ...f,
            kind: mine.outcome === 'checked_in' ? 'success' : 'already',
            title: mine.outcome === 'checked_in' ? '签到成功' : '已签到',
            detail: mine.name ?? f.detail,
            clientId: null,
          };
        });
        // An answer that settled nothing would loop forever: leave the rest for the next try.
        if (applied.accepted.length + applied.refused.length === 0) {
          setUploadError('服务器未确认这些签到记录，请稍后点击“上传”重试');
          return;
        }
      }
      failures.current = 0;
      setUploadError(null);
      setOnline(true);
      void refreshCounts();
    } catch (e) {
      failures.current++;
      const error = e instanceof ApiRequestError ? e : new ApiRequestError(0, 'UNKNOWN', '上传失败');
      setUploadError(error.status === 0 ? '网络不可用，签到记录已保存在本机，恢复网络后自动上传' : error.message);
      if (isRetryableStatus(error.status) && alive.current) setRetry({ delayMs: retryDelayMs(failures.current) });
    } finally {
      uploadingRef.current = false;
      setUploading(false);
    }
  }, [eventId, putQueue, putStored, refreshCounts]);

  const context = useCallback(
    (): JudgeContext => ({
      eventId,
      kit: storedRef.current?.kit ?? null,
      event: eventRef.current ?? storedRef.current?.event ?? null,
      queue: queueRef.current,
      hmac,
      now: new Date(),
    }),
    [eventId, hmac],
  );

  const record = useCallback(
    (judgement: CheckinJudgement, method: QueuedCheckin['method'], token?: string) => {
      const now = Date.now();
      if (judgement.kind === 'refused') {
        setFeedback({ kind: 'refused', title: '无法签到', detail: judgement.message, clientId: null, at: now });
        navigator.vibrate?.([80, 60, 80]);
        return;
      }
      const who = judgement.ticket?.name ?? null;
      const already = (at: string) =>
        setFeedback({ kind: 'already', title: '已签到', detail: `${who ? `${who}，` : ''}签到时间 ${timeOf(at)}`, clientId: null, at: now });
      if (judgement.kind === 'already') return already(judgement.checkedInAt);
      // Judging a scan awaits the signature check: the same ticket read twice at once is recorded once.
      const earlier = checkedInAt({ kit: storedRef.current?.kit ?? null, queue: queueRef.current }, judgement.code);
      if (earlier) return already(earlier);
      const item: QueuedCheckin = {
        clientId: newClientId(),
        code: judgement.code,
        ...(token ? { token } : {}),
        method,
        checkedInAt: new Date(now).toISOString(),
        label: who,
      };
      putQueue([...queueRef.current, item]);
      navigator.vibrate?.(60);
      const checked = judgement.verified && judgement.listed;
      setFeedback({
        kind: checked ? 'success' : 'pending',
        title: checked ? '签到成功' : '已记录，等待服务器核验',
        detail: checked ? who : judgement.listed ? '本机无法验证电子票签名，联网后由服务器核验' : '签到名单中暂无这张票（可能是刚报名），联网后由服务器核验',
        clientId: item.clientId,
        at: now,
      });
      if (navigator.onLine) void upload();
    },
    [putQueue, upload],
  );

  /** A scanned, photographed or typed ticket. */
  const submitToken = useCallback(
    async (text: string) => {
      const token = text.trim();
      if (!token) return;
      record(await judgeScan(token, context()), 'ticket_scan', token);
    },
    [context, record],
  );

  /** A person found by name or phone in the list. */
  const checkInCode = useCallback((code: string) => record(judgeManual(code, context()), 'manual'), [context, record]);

  // Start from what the device kept, then ask the server.
  useEffect(() => {
    alive.current = true;
    if (storage) {
      const now = new Date();
      purgeExpiredKits(storage, now);
      const kept = loadKit(storage, eventId, now);
      if (kept) {
        storedRef.current = kept;
        setStored(kept);
        eventRef.current = kept.event;
        setEvent(kept.event);
        setBase(kept.event ? attendanceFromCounts(kept.event.counts) : attendanceFromKit(kept.kit));
      }
      const queued = loadQueue(storage, eventId);
      queueRef.current = queued;
      setQueue(queued);
    }
    void refresh().then(() => {
      if (alive.current && navigator.onLine) void upload();
    });
    return () => {
      alive.current = false;
    };
  }, [eventId, storage, refresh, upload]);

  // A failed upload is tried again later; starting an upload, or leaving the page, cancels the wait.
  useEffect(() => {
    if (!retry) return;
    const timer = setTimeout(() => void upload(), retry.delayMs);
    return () => clearTimeout(timer);
  }, [retry, upload]);

  // Back online: a fresh kit and the queue up, at once.
  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      failures.current = 0;
      void refresh().then(() => void upload());
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [refresh, upload]);

  // Residents also check themselves in at the screen: keep the counts current.
  useEffect(() => {
    const timer = setInterval(() => {
      if (navigator.onLine && document.visibilityState === 'visible' && !uploadingRef.current) void refreshCounts();
    }, COUNT_POLL_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  const attendance = base ?? (stored ? attendanceFromKit(stored.kit) : null);

  return {
    event,
    kit: stored?.kit ?? null,
    kitSavedAt: stored?.savedAt ?? null,
    kitLoading,
    kitError,
    queue,
    attendance,
    online,
    uploading,
    uploadError,
    loadError,
    storageFailed,
    feedback,
    refusals,
    canVerifyLocally: hmac !== null,
    submitToken,
    checkInCode,
    upload,
    refresh,
  };
}
