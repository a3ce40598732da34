import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  BOOKING_KINDS,
  type BookingKind,
  type BookingKindSettings,
  type CallbackLine,
  type Hold,
  type HelpRequestResult,
  type HelpUrgency,
  type MyBooking,
  type ResidentProfile,
  type Slot,
  type StationDetail,
} from '@xinqiao/shared';
import { holdCountdown, slotQueryRange } from '../../../features/bookings/display';
import { bookingFailure } from '../../../features/bookings/errors';
import { EMPTY_INTAKE, intakeProblems, toIntakeInput, type IntakeForm } from '../../../features/bookings/forms';
import { STATIONS_URL, bookingUrl } from '../../../features/bookings/routes';
import { idParam } from '../../../features/quizzes/routes';
import { uuidV4 } from '../../../features/scales/uuid';
import { useResident } from '../../../hooks/useResident';
import {
  confirmBooking,
  createHold,
  getBookingTemplateIds,
  getMyBooking,
  getStation,
  listBookingKinds,
  listCallbackLines,
  listCounsellors,
  listSlots,
  releaseHold,
  requestBookingMessages,
  rescheduleBooking,
} from '../../../services/bookings';
import type { RequestError } from '../../../services/request';

/** Slots are asked for at most 31 days at once (the API's limit). */
const MAX_QUERY_DAYS = 31;

export type SlotsState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; slots: Slot[] } | { status: 'error'; message: string };

/**
 * The booking page's session: what can be booked (kinds, the station, hotlines, the booking being
 * moved), the slots for the chosen target, the hold on a slot with its countdown (given back when
 * the resident leaves), and the intake that confirms it.
 */
export function useBookSession() {
  const { params } = useRouter();
  const stationId = idParam(params.stationId);
  const rescheduleId = idParam(params.rescheduleId);
  const initialKind = BOOKING_KINDS.find((k) => k === params.kind) ?? null;
  const { resident, profile, refresh, setProfile } = useResident();

  const [kinds, setKinds] = useState<BookingKindSettings[] | null>(null);
  const [kindsError, setKindsError] = useState<string | null>(null);
  const [kind, setKind] = useState<BookingKind | null>(initialKind);
  const [station, setStation] = useState<StationDetail | null>(null);
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const [counsellorId, setCounsellorId] = useState<number | null>(idParam(params.counsellorId));
  const [lines, setLines] = useState<CallbackLine[] | null>(null);
  const [lineId, setLineId] = useState<number | null>(idParam(params.lineId));
  const [original, setOriginal] = useState<MyBooking | null>(null);
  const [slots, setSlots] = useState<SlotsState>({ status: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const [loginFor, setLoginFor] = useState<Slot | null>(null);
  const [holding, setHolding] = useState(false);
  const [hold, setHold] = useState<Hold | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [form, setForm] = useState<IntakeForm>(EMPTY_INTAKE);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One id per booking attempt (per hold): a retried confirmation returns the first booking.
  const [requestId, setRequestId] = useState(uuidV4);
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  const [helpDone, setHelpDone] = useState<{ result: HelpRequestResult; urgency: HelpUrgency } | null>(null);

  const signedIn = resident.status === 'signedIn';
  const settings = kinds?.find((k) => k.kind === kind) ?? null;

  useDidShow(() => {
    void refresh();
  });

  useEffect(() => {
    listBookingKinds().then(
      (list) => setKinds(list.filter((k) => k.enabled)),
      (e: RequestError) => setKindsError(e.message),
    );
  }, []);

  useEffect(() => {
    if (stationId === null) return;
    getStation(stationId).then(
      (s) => {
        setStation(s);
        setNames((m) => new Map([...m, ...s.counsellors.map((c): [number, string] => [c.id, c.name])]));
      },
      (e: RequestError) => setNotice(e.message),
    );
  }, [stationId]);

  useEffect(() => {
    if (kind !== 'phone') return;
    listCounsellors({ mode: 'phone', pageSize: 100 }).then(
      (page) => setNames((m) => new Map([...m, ...page.items.map((c): [number, string] => [c.id, c.name])])),
      () => undefined,
    );
  }, [kind]);

  useEffect(() => {
    if (kind !== 'callback' || lines) return;
    listCallbackLines(profile?.regionId ?? null).then(setLines, (e: RequestError) => setNotice(e.message));
  }, [kind, lines, profile?.regionId]);

  useEffect(() => {
    if (rescheduleId === null || !signedIn) return;
    getMyBooking(rescheduleId).then(setOriginal, (e: RequestError) => setNotice(e.message));
  }, [rescheduleId, signedIn]);

  useEffect(() => {
    if (signedIn) getBookingTemplateIds().then(setTemplateIds, () => setTemplateIds([]));
  }, [signedIn]);

  useEffect(() => {
    if (!profile) return;
    setForm((f) => ({ ...f, ageBand: f.ageBand ?? profile.ageBand ?? null }));
  }, [profile]);

  /** What the slot query needs is known: the kind, and its station or line. */
  const target = useMemo(() => {
    if (!kind || !settings) return null;
    if (kind === 'in_person') return stationId === null ? null : { kind, stationId, counsellorId: counsellorId ?? undefined };
    if (kind === 'callback') return lineId === null ? null : { kind, lineId };
    return { kind, counsellorId: counsellorId ?? undefined };
  }, [kind, settings, stationId, counsellorId, lineId]);

  const loadSlots = useCallback(async () => {
    if (!target || !settings) return;
    setSlots({ status: 'loading' });
    const range = slotQueryRange(new Date(), Math.min(settings.maxDaysAhead + 1, MAX_QUERY_DAYS));
    try {
      setSlots({ status: 'ready', slots: await listSlots({ ...target, ...range }) });
    } catch (e) {
      setSlots({ status: 'error', message: (e as RequestError).message });
    }
  }, [target, settings]);

  useEffect(() => {
    void loadSlots();
  }, [loadSlots]);

  // The hold is given back when the resident leaves without booking.
  const heldId = useRef<number | null>(null);
  useEffect(() => {
    heldId.current = hold?.id ?? null;
  }, [hold]);
  useEffect(
    () => () => {
      if (heldId.current !== null) void releaseHold(heldId.current);
    },
    [],
  );

  const dropHold = useCallback(
    (message: string | null) => {
      setHold(null);
      setTried(false);
      setError(null);
      setNotice(message);
      void loadSlots();
    },
    [loadSlots],
  );

  // The countdown; an expired hold sends the resident back to pick again.
  useEffect(() => {
    if (!hold) return;
    const timer = setInterval(() => {
      const t = new Date();
      setNow(t);
      if (holdCountdown(hold.expiresAt, t).expired) dropHold('保留时间已过，这个时段已释放。请重新选择时段。');
    }, 1000);
    return () => clearInterval(timer);
  }, [hold, dropHold]);

  const holdInput = (slot: Slot) => ({
    kind: kind!,
    start: slot.start,
    counsellorId: slot.counsellorId ?? undefined,
    stationId: slot.stationId ?? undefined,
    lineId: slot.lineId ?? undefined,
  });

  const takeHold = async (slot: Slot) => {
    if (holding) return;
    if (!signedIn) {
      setLoginFor(slot);
      return;
    }
    setHolding(true);
    setNotice(null);
    try {
      const h = await createHold(holdInput(slot));
      setHold(h);
      setNow(new Date());
      setRequestId(uuidV4());
      setTried(false);
      setError(null);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (e) {
      const failure = bookingFailure(e as RequestError);
      setNotice(failure.message);
      if (failure.kind === 'slot_taken') void loadSlots();
    } finally {
      setHolding(false);
    }
  };

  const changeSlot = () => {
    if (hold) void releaseHold(hold.id);
    dropHold(null);
  };

  const onFailure = (e: RequestError) => {
    setSending(false);
    const failure = bookingFailure(e);
    if (failure.kind === 'slot_taken' || failure.kind === 'hold_expired') dropHold(failure.message);
    else setError(failure.message);
  };

  const confirm = () => {
    setTried(true);
    if (sending || !hold || !kind || intakeProblems(form, kind).length) return;
    setSending(true);
    setError(null);
    // WeChat allows the message request only as the first thing a tap does.
    void requestBookingMessages(templateIds).then((reminders) =>
      confirmBooking({ holdId: hold.id, clientRequestId: requestId, intake: toIntakeInput(form) }).then((booking) => {
        heldId.current = null;
        setHold(null);
        void Taro.redirectTo({ url: `${bookingUrl(booking.id, true)}${reminders ? '&reminders=1' : ''}` });
      }, onFailure),
    );
  };

  const confirmReschedule = () => {
    if (sending || !hold || rescheduleId === null) return;
    setSending(true);
    setError(null);
    void requestBookingMessages(templateIds).then(() =>
      rescheduleBooking(rescheduleId, hold.id).then((booking) => {
        heldId.current = null;
        setHold(null);
        void Taro.showToast({ title: '已改期', icon: 'success' });
        void Taro.redirectTo({ url: bookingUrl(booking.id) });
      }, onFailure),
    );
  };

  const patch = (p: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...p }));
  const counsellorName = (id: number | null) => (id === null ? '' : (names.get(id) ?? '咨询师'));
  const line = lines?.find((l) => l.id === lineId) ?? null;

  const chooseKind = (k: BookingKind) => {
    setNotice(null);
    if (k === 'in_person' && stationId === null) void Taro.navigateTo({ url: STATIONS_URL });
    else setKind(k);
  };

  const loggedIn = (p: ResidentProfile) => {
    if (!loginFor) return;
    setProfile(p);
    const slot = loginFor;
    setLoginFor(null);
    // Signed in now: the hold goes out with the fresh token.
    setTimeout(() => {
      void createHold(holdInput(slot)).then(
        (h) => {
          setHold(h);
          setNow(new Date());
          setRequestId(uuidV4());
        },
        (e: RequestError) => {
          const failure = bookingFailure(e);
          setNotice(failure.message);
          if (failure.kind === 'slot_taken') void loadSlots();
        },
      );
    }, 0);
  };

  const helpRequested = (result: HelpRequestResult, urgency: HelpUrgency) => {
    if (hold) void releaseHold(hold.id);
    heldId.current = null;
    setHelpDone({ result, urgency });
  };

  return {
    stationId,
    rescheduleId,
    signedIn,
    profile,
    kinds,
    kindsError,
    kind,
    chooseKind,
    station,
    counsellorId,
    showAllCounsellors: () => setCounsellorId(null),
    counsellorName,
    lines,
    lineId,
    setLineId,
    line,
    original,
    target,
    slots,
    loadSlots,
    notice,
    loginFor: signedIn ? null : loginFor,
    loggedIn,
    holding,
    takeHold,
    hold,
    now,
    changeSlot,
    form,
    patch,
    problems: tried && kind ? intakeProblems(form, kind) : [],
    sending,
    error,
    confirm,
    confirmReschedule,
    helpDone,
    helpRequested,
  };
}

export type BookSession = ReturnType<typeof useBookSession>;
