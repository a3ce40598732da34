import { useMemo } from 'react';
import { Spin, Tooltip } from 'antd';
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, chinaMinuteOfDay, type BookingRow } from '@xinqiao/shared';
import {
  GRID_END_MINUTES,
  GRID_START_MINUTES,
  STATUS_BLOCK_COLOURS,
  blockLabel,
  chinaToday,
  dayTitle,
  layoutBookings,
  openingBands,
  placeText,
  sessionTimeText,
  type StationHoursSource,
} from './bookingView';
import './bookings.css';

/** Pixels per minute: an hour is 48 px, the 15-hour day 720 px. */
const PX = 0.8;
const HOURS = Array.from({ length: (GRID_END_MINUTES - GRID_START_MINUTES) / 60 + 1 }, (_, i) => GRID_START_MINUTES / 60 + i);
const CANCELLED = new Set(['cancelled', 'late_cancelled', 'staff_cancelled']);

interface Props {
  days: string[];
  bookings: BookingRow[];
  /** The chosen station's hours, shaded behind the bookings. */
  hours: StationHoursSource | null;
  loading: boolean;
  onOpen(id: number): void;
  now: Date;
}

/** A day or week time grid (07:00-22:00 China time) with bookings as blocks coloured by status. */
export function BookingCalendar({ days, bookings, hours, loading, onOpen, now }: Props) {
  const placed = useMemo(() => layoutBookings(bookings, days), [bookings, days]);
  const bands = useMemo(() => (hours ? openingBands(days, hours) : null), [hours, days]);
  const today = chinaToday(now);
  const nowMinute = chinaMinuteOfDay(now);
  const height = (GRID_END_MINUTES - GRID_START_MINUTES) * PX;
  const columns = `56px repeat(${days.length}, minmax(${days.length > 1 ? 120 : 240}px, 1fr))`;

  return (
    <Spin spinning={loading}>
      <div className="xq-cal" style={{ gridTemplateColumns: columns }} data-testid="booking-calendar">
        <div className="xq-cal-head" style={{ borderLeft: 0 }} />
        {days.map((d, i) => (
          <div key={d} className={`xq-cal-head${d === today ? ' is-today' : ''}`}>
            {dayTitle(d)}
            {bands?.[i].holiday ? <small>{bands[i].holiday}</small> : null}
          </div>
        ))}
        <div className="xq-cal-gutter" style={{ height }}>
          {HOURS.map((h) => (
            <span key={h} className="xq-cal-hour-label" style={{ top: Math.max(6, Math.min(height - 6, (h * 60 - GRID_START_MINUTES) * PX)) }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((d, dayIndex) => (
          <div key={d} className="xq-cal-day" style={{ height, ['--xq-hour' as string]: `${60 * PX}px` }}>
            {bands?.[dayIndex].bands.map((b) => (
              <div
                key={b.top}
                className={`xq-cal-open${bands[dayIndex].approximate ? ' is-approximate' : ''}`}
                style={{ top: b.top * PX, height: b.height * PX }}
                title={bands[dayIndex].approximate ? '站点每周开放时间（未含例外和节假日）' : '站点开放时间'}
              />
            ))}
            {d === today && nowMinute >= GRID_START_MINUTES && nowMinute <= GRID_END_MINUTES ? (
              <div className="xq-cal-now" style={{ top: (nowMinute - GRID_START_MINUTES) * PX }} aria-hidden />
            ) : null}
            {placed
              .filter((p) => p.dayIndex === dayIndex)
              .map((p) => {
                const b = p.booking;
                const colour = STATUS_BLOCK_COLOURS[b.status];
                const title = `${sessionTimeText(b)}｜${placeText(b)}｜${b.counsellorName ?? '-'}｜${BOOKING_STATUS_LABELS[b.status]}${p.clipped ? '（超出 07:00-22:00 显示范围）' : ''}`;
                return (
                  <Tooltip key={b.id} title={title}>
                    <button
                      type="button"
                      className={`xq-cal-block${CANCELLED.has(b.status) ? ' is-cancelled' : ''}`}
                      style={{
                        top: p.top * PX,
                        height: Math.max(p.height * PX - 2, 14),
                        left: `calc(${(p.lane / p.lanes) * 100}% + 2px)`,
                        width: `calc(${100 / p.lanes}% - 4px)`,
                        background: colour.background,
                        borderLeftColor: colour.border,
                      }}
                      aria-label={title}
                      onClick={() => onOpen(b.id)}
                    >
                      {blockLabel(b)}
                      {p.height >= 40 ? <div style={{ color: '#8c8c8c' }}>{BOOKING_STATUS_LABELS[b.status]}</div> : null}
                    </button>
                  </Tooltip>
                );
              })}
          </div>
        ))}
      </div>
      <div className="xq-cal-legend">
        {BOOKING_STATUSES.map((s) => (
          <span key={s}>
            <span className="xq-cal-swatch" style={{ background: STATUS_BLOCK_COLOURS[s].background, borderLeftColor: STATUS_BLOCK_COLOURS[s].border }} />
            {BOOKING_STATUS_LABELS[s]}
          </span>
        ))}
        {hours ? (
          <span>
            <span className="xq-cal-swatch" style={{ background: 'rgba(55, 181, 165, 0.2)', borderLeftColor: 'transparent' }} />
            站点开放时间（斜纹为每周固定时间，未含例外和节假日）
          </span>
        ) : null}
      </div>
    </Spin>
  );
}
