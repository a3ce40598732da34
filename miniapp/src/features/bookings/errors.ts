import type { RequestError } from '../../services/request';

/** What the booking pages do with a refused hold, booking or change. */
export type BookingFailure =
  | { kind: 'slot_taken'; message: string }
  | { kind: 'hold_expired'; message: string }
  | { kind: 'limit'; message: string }
  | { kind: 'cutoff'; message: string }
  | { kind: 'other'; message: string };

export function bookingFailure(error: Pick<RequestError, 'code' | 'message'>): BookingFailure {
  switch (error.code) {
    case 'SLOT_TAKEN':
      return { kind: 'slot_taken', message: '这个时段刚刚被其他居民约走了，已为您刷新可预约时段，请重新选择。' };
    case 'HOLD_EXPIRED':
      return { kind: 'hold_expired', message: '保留时间已过，这个时段已释放。请重新选择时段。' };
    case 'BOOKING_LIMIT_REACHED':
      return { kind: 'limit', message: error.message || '您已有未完成的同类预约，请先完成或取消后再预约。' };
    case 'BOOKING_CUTOFF_PASSED':
      return { kind: 'cutoff', message: error.message || '已过改期截止时间，无法改期。如不能前往，请取消预约。' };
    default:
      return { kind: 'other', message: error.message };
  }
}
