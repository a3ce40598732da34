/**
 * A booking as an iCalendar file (RFC 5545) for the H5's "加入日历" download; the weapp uses
 * `wx.addPhoneCalendar` instead. Written by hand: the format needed is a dozen lines, and a
 * dependency would weigh on the mini-program's package size.
 */
import { BOOKING_KIND_LABELS, type MyBooking } from './types';

/** The alarm goes off this long before the start, as the two-hour reminder does. */
export const ICS_ALARM_TRIGGER = '-PT2H';
export const ICS_PRODID = '-//XinQiao//Booking//ZH-CN';

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets of UTF-8 (RFC 5545 3.1): continuation lines begin with one
 * space, which counts towards their 75; a character is never split across lines.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!);
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** UTC date-time form, e.g. 20260602T013000Z. */
export function icsUtc(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export type BookingIcsInput = Pick<MyBooking, 'id' | 'kind' | 'start' | 'end' | 'station' | 'counsellor' | 'line'>;

/**
 * The booking as a VCALENDAR with one VEVENT (UTC times, a display alarm two hours before), CRLF
 * line endings, folded and escaped. `host` makes the UID globally unique and stable
 * (`booking-<id>@<host>`), so importing the file again updates the same calendar entry; `stamp`
 * is when the file is made (DTSTAMP).
 */
export function bookingIcs(booking: BookingIcsInput, options: { host: string; stamp: Date }): string {
  const { counsellor, line } = booking;
  // A phone session may come from a station's block, but the resident goes nowhere.
  const station = booking.kind === 'in_person' ? booking.station : null;
  const label = BOOKING_KIND_LABELS[booking.kind];
  const who = counsellor?.name ?? line?.name;
  const summary = who ? `${label}：${who}` : label;
  const description: string[] = [];
  if (counsellor) description.push(`咨询师：${counsellor.name}（${counsellor.qualification}）`);
  if (booking.kind === 'phone') description.push('咨询师将在预约时间拨打您留下的联系电话，请保持电话畅通。');
  if (line) description.push(`${line.name}（${line.number}）的值班人员将在此时段内回电，请留意来电。`);
  if (station?.phone) description.push(`站点电话：${station.phone}`);
  description.push('如需改期或取消，请在小程序“我的预约”中操作。');

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:booking-${booking.id}@${options.host}`,
    `DTSTAMP:${icsUtc(options.stamp)}`,
    `DTSTART:${icsUtc(new Date(booking.start))}`,
    `DTEND:${icsUtc(new Date(booking.end))}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    ...(station ? [`LOCATION:${escapeIcsText(`${station.name}（${station.address}）`)}`] : []),
    ...(station?.location ? [`GEO:${station.location.lat};${station.location.lng}`] : []),
    `DESCRIPTION:${escapeIcsText(description.join('\n'))}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeIcsText(summary)}`,
    `TRIGGER:${ICS_ALARM_TRIGGER}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
