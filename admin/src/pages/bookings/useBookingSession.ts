/** The booking drawer's session: the booking being looked at and what staff do with it. */
import { useState } from 'react';
import { App } from 'antd';
import type { BookingDetail } from '@xinqiao/shared';
import { bookingsApi } from '../../api/bookings';
import { ApiRequestError } from '../../api/client';
import { allows } from '../../auth/permissions';
import { useStaff } from '../../auth/SessionContext';
import { useAuditedItem } from '../../hooks/useAuditedItem';
import { bookingActions, markLabels } from './bookingView';

export const errorText = (e: unknown, fallback: string) => (e instanceof ApiRequestError ? e.message : fallback);

/** Opening a booking is audited on the server (it may carry the resident's phone): read once per opening. */
export function useBookingDetail(id: number | null) {
  return useAuditedItem(id, (key) => bookingsApi.get(key, { silent: true }), '预约加载失败');
}

export type BookingBusy = 'attended' | 'noShow' | 'cancel' | 'handover' | null;

/** `onUpdated`: the server's answer to an action, to show and to let the calendar reload. */
export function useBookingSession(detail: BookingDetail, myCounsellorId: number | null, onUpdated: (d: BookingDetail) => void) {
  const staff = useStaff();
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<BookingBusy>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [handoverOpen, setHandoverOpen] = useState(false);
  const actions = bookingActions(
    detail,
    { handle: allows(staff.role, 'bookings.handle'), oversee: allows(staff.role, 'bookings.oversee'), myCounsellorId },
    new Date(),
  );

  const run = async (key: Exclude<BookingBusy, null>, work: () => Promise<BookingDetail>, done: string) => {
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

  return {
    actions,
    labels: markLabels(detail.kind),
    busy,
    actionError,
    clearActionError: () => setActionError(null),
    cancelOpen,
    setCancelOpen,
    handoverOpen,
    setHandoverOpen,
    markAttended: () => run('attended', () => bookingsApi.attended(detail.id), '已标记'),
    markNoShow: () => run('noShow', () => bookingsApi.noShow(detail.id), '已标记'),
    cancel: async (reason: string) => {
      if (await run('cancel', () => bookingsApi.cancel(detail.id, reason), '预约已取消')) setCancelOpen(false);
    },
    handover: async (counsellorId: number) => {
      if (await run('handover', () => bookingsApi.handover(detail.id, counsellorId), '已转交')) setHandoverOpen(false);
    },
  };
}
