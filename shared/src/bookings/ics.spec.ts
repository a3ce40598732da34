import { bookingIcs, escapeIcsText, foldIcsLine, icsUtc, type BookingIcsInput } from './ics';

/** UTF-8 length, counted independently of the code under test: each %XX of a URI encoding is one octet. */
const octets = (line: string) => encodeURIComponent(line).replace(/%[0-9A-F]{2}/g, '.').length;

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks, not full-width punctuation', () => {
    // a\b;c,d<LF>e<CRLF>f -> a\\b\;c\,d\ne\nf
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeIcsText('胜利路，二楼；左转')).toBe('胜利路，二楼；左转');
  });

  it('writes UTC date-times', () => {
    expect(icsUtc(new Date('2026-06-02T01:30:00.000Z'))).toBe('20260602T013000Z');
  });
});

describe('foldIcsLine', () => {
  it('leaves a line of 75 octets alone and folds a longer one, the leading space counting', () => {
    const exact = `DESCRIPTION:${'a'.repeat(63)}`; // 12 + 63 = 75
    expect(foldIcsLine(exact)).toBe(exact);
    // 12 + 68 = 80 octets: 75 on the first line, then a space and the last 5.
    expect(foldIcsLine(`DESCRIPTION:${'a'.repeat(68)}`)).toBe(`DESCRIPTION:${'a'.repeat(63)}\r\n aaaaa`);
  });

  it('counts a Chinese character as 3 octets and never splits one', () => {
    // "SUMMARY:" is 8 octets; 22 characters make 8 + 66 = 74, a 23rd would make 77 > 75.
    // A continuation line holds 1 + 24 × 3 = 73 (a 25th: 76). 50 characters: 22 + 24 + 4.
    const folded = foldIcsLine(`SUMMARY:${'心'.repeat(50)}`);
    expect(folded).toBe(`SUMMARY:${'心'.repeat(22)}\r\n ${'心'.repeat(24)}\r\n ${'心'.repeat(4)}`);
    expect(folded.split('\r\n').map(octets)).toEqual([74, 73, 13]);
    // 2 + 72 = 74 octets, then a 3-octet character cannot go on the line: it starts the next.
    expect(foldIcsLine(`X:${'a'.repeat(72)}心`)).toBe(`X:${'a'.repeat(72)}\r\n 心`);
    // é is 2 octets: 2 + 71 + 2 = 75 fits; 2 + 72 + 2 = 76 does not.
    expect(foldIcsLine(`X:${'a'.repeat(71)}é`)).toBe(`X:${'a'.repeat(71)}é`);
    expect(foldIcsLine(`X:${'a'.repeat(72)}é`)).toBe(`X:${'a'.repeat(72)}\r\n é`);
    // A 4-octet emoji (a UTF-16 surrogate pair) stays whole: 2 + 72 = 74, + 4 > 75.
    expect(foldIcsLine(`X:${'a'.repeat(72)}😀`)).toBe(`X:${'a'.repeat(72)}\r\n 😀`);
  });
});

describe('bookingIcs', () => {
  const inPerson: BookingIcsInput = {
    id: 42,
    kind: 'in_person',
    start: '2026-06-02T01:00:00.000Z',
    end: '2026-06-02T01:50:00.000Z',
    station: { id: 7, name: '胜利路街道心理服务站', address: '胜利路 12 号, 2 楼', location: { lat: 29.56, lng: 106.55 }, phone: '023-12345678' },
    counsellor: { id: 1, name: '李文', title: null, photoUrl: null, qualification: '国家二级心理咨询师' },
    line: null,
  };
  const options = { host: 'xinqiao.example.cn', stamp: new Date('2026-06-01T08:00:00Z') };

  it('writes a calendar with one event and a two-hour alarm, CRLF lines folded at 75 octets', () => {
    // DESCRIPTION: 12 octets + 咨询师：李文（国家二级心理咨询师） 17 × 3 = 51 -> 63, + "\n" 2 -> 65,
    // 站 点 电 -> 74; 话 would make 77: fold. Next: space 1 + 话： 6 + 023-12345678 12 + "\n" 2
    // + 如需改期或取消 21 + ， 3 + 请在小程序 15 + “ 3 + 我的预约 12 = 75; ” would make 78: fold.
    expect(bookingIcs(inPerson, options).split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//XinQiao//Booking//ZH-CN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:booking-42@xinqiao.example.cn',
      'DTSTAMP:20260601T080000Z',
      'DTSTART:20260602T010000Z',
      'DTEND:20260602T015000Z',
      'SUMMARY:到站面询：李文',
      'LOCATION:胜利路街道心理服务站（胜利路 12 号\\, 2 楼）',
      'GEO:29.56;106.55',
      'DESCRIPTION:咨询师：李文（国家二级心理咨询师）\\n站点电',
      ' 话：023-12345678\\n如需改期或取消，请在小程序“我的预约',
      ' ”中操作。',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:到站面询：李文',
      'TRIGGER:-PT2H',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '', // the last line ends with CRLF too
    ]);
  });

  it('gives a phone session or a call-back no place to go', () => {
    const phone = bookingIcs({ ...inPerson, kind: 'phone' }, options);
    expect(phone).not.toMatch(/LOCATION|GEO/);
    expect(phone).toContain('SUMMARY:电话咨询：李文\r\n');
    const callback = bookingIcs(
      { ...inPerson, kind: 'callback', station: null, counsellor: null, line: { id: 3, name: '心理援助热线', number: '12356' } },
      options,
    );
    expect(callback).toContain('SUMMARY:热线回电：心理援助热线\r\n');
    // Unfolded (CRLF + space removed), the description reads whole.
    expect(callback.replace(/\r\n /g, '')).toContain(
      'DESCRIPTION:心理援助热线（12356）的值班人员将在此时段内回电，请留意来电。\\n如需改期或取消，请在小程序“我的预约”中操作。\r\n',
    );
    for (const text of [phone, callback]) expect(Math.max(...text.split('\r\n').map(octets))).toBeLessThanOrEqual(75);
  });
});
