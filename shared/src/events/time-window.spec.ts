import { EVENT_WINDOW_MESSAGES, eventWindowProblems, type EventWindow } from './time-window';

const at = (h: number) => new Date(Date.UTC(2026, 4, 1, h));
const ok: EventWindow = { startsAt: at(10), endsAt: at(12), signupOpensAt: at(1), signupClosesAt: at(9), cancelClosesAt: at(8) };

describe('eventWindowProblems', () => {
  it('accepts times in order, and unset sign-up times', () => {
    expect(eventWindowProblems(ok)).toEqual([]);
    expect(eventWindowProblems({ ...ok, signupOpensAt: null, signupClosesAt: null, cancelClosesAt: null })).toEqual([]);
  });

  it('names the field and the code of each problem', () => {
    expect(eventWindowProblems({ ...ok, endsAt: at(10) })).toEqual([{ code: 'ends_not_after_start', field: 'endsAt' }]);
    expect(eventWindowProblems({ ...ok, signupClosesAt: at(13) })).toEqual([{ code: 'signup_closes_after_end', field: 'signupClosesAt' }]);
    expect(eventWindowProblems({ ...ok, cancelClosesAt: at(11) })).toEqual([{ code: 'cancel_closes_after_start', field: 'cancelClosesAt' }]);
  });

  it('compares the sign-up opening with the event start when no closing time is set', () => {
    expect(eventWindowProblems({ ...ok, signupClosesAt: null, signupOpensAt: at(10) }).map((p) => EVENT_WINDOW_MESSAGES[p.code])).toEqual([
      '报名开始时间必须早于报名截止时间（未设置时为活动开始时间）',
    ]);
  });
});
