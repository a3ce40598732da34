import { FOLLOW_UP_TIME_MESSAGES, followUpTimeProblems } from './follow-up-time';

describe('followUpTimeProblems', () => {
  const created = new Date('2026-11-22T08:00:30Z');
  const now = new Date('2026-11-22T10:00:00Z');
  const codes = (at: string) => followUpTimeProblems(new Date(at), created, now).map((p) => p.code);

  it('accepts a time between the alert and now, with five minutes of slack at either end', () => {
    expect(codes('2026-11-22T09:00:00Z')).toEqual([]);
    expect(codes('2026-11-22T10:05:00Z')).toEqual([]);
    expect(codes('2026-11-22T07:55:30Z')).toEqual([]);
  });

  it('refuses a time further in the future or before the alert', () => {
    expect(codes('2026-11-22T10:05:01Z')).toEqual(['follow_up_in_future']);
    expect(codes('2026-11-22T07:55:29Z')).toEqual(['follow_up_before_alert']);
    expect(followUpTimeProblems(new Date('2026-11-22T07:00:00Z'), created, now)).toEqual([{ code: 'follow_up_before_alert', field: 'at' }]);
    expect(FOLLOW_UP_TIME_MESSAGES.follow_up_in_future).toBe('跟进时间不能晚于当前时间');
  });
});
