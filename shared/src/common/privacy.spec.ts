import { phoneShownTo, type PhoneViewer } from './privacy';

const PHONE = '13800138000';
const MASKED = '138****8000'; // first 3 and last 4 of the 11 digits kept, 11 - 7 = 4 stars

const staff = (id: number, role: PhoneViewer['role']): PhoneViewer => ({ id, role });

describe('phoneShownTo', () => {
  const event = { kind: 'event', createdById: 7 } as const;

  it("shows an event registrant's number in full to its creator and to event organisers only", () => {
    expect(phoneShownTo(staff(7, 'region_admin'), event, PHONE)).toBe(PHONE); // created it
    expect(phoneShownTo(staff(8, 'event_organiser'), event, PHONE)).toBe(PHONE);
    expect(phoneShownTo(staff(9, 'region_admin'), event, PHONE)).toBe(MASKED);
    expect(phoneShownTo(staff(10, 'system_admin'), event, PHONE)).toBe(MASKED);
    expect(phoneShownTo(staff(11, 'checkin_staff'), event, PHONE)).toBe(MASKED);
  });

  it("shows an alert's contact number in full to the counsellor who claimed it only", () => {
    expect(phoneShownTo(staff(3, 'counsellor'), { kind: 'alert', assigneeId: 3 }, PHONE)).toBe(PHONE);
    expect(phoneShownTo(staff(4, 'counsellor'), { kind: 'alert', assigneeId: 3 }, PHONE)).toBe(MASKED);
    expect(phoneShownTo(staff(3, 'counsellor'), { kind: 'alert', assigneeId: null }, PHONE)).toBe(MASKED);
  });

  it('keeps a missing number missing', () => {
    expect(phoneShownTo(staff(7, 'event_organiser'), event, null)).toBeNull();
    expect(phoneShownTo(staff(9, 'region_admin'), event, null)).toBeNull();
    expect(phoneShownTo(staff(3, 'counsellor'), { kind: 'alert', assigneeId: 3 }, undefined)).toBeNull();
  });
});
