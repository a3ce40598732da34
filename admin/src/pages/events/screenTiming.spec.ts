import { clockOffsetMs, nextRefreshDelayMs, secondsLeft, SCREEN_MAX_REFRESH_MS, SCREEN_MIN_REFRESH_MS } from './screenTiming';

const windowEnd = Date.parse('2026-05-20T01:00:30.000Z');
const code = { windowEndsAt: new Date(windowEnd).toISOString(), refreshAt: new Date(windowEnd + 500).toISOString() };

describe('clockOffsetMs', () => {
  it('is zero while this clock lies in the code window', () => {
    expect(clockOffsetMs(code, windowEnd - 10_000)).toBe(0);
    expect(clockOffsetMs(code, windowEnd - 30_000)).toBe(0);
  });

  it('is the distance to the window when this clock is ahead or behind', () => {
    expect(clockOffsetMs(code, windowEnd + 40_000)).toBe(40_000);
    expect(clockOffsetMs(code, windowEnd - 90_000)).toBe(-60_000);
  });
});

describe('nextRefreshDelayMs', () => {
  it('waits until just after the window ends, at most 25 s', () => {
    expect(nextRefreshDelayMs(code, windowEnd - 10_000, 0)).toBe(10_500);
    expect(nextRefreshDelayMs(code, windowEnd - 29_000, 0)).toBe(SCREEN_MAX_REFRESH_MS);
  });

  it('never loops on a clock that is far off', () => {
    const now = windowEnd + 40_000;
    expect(nextRefreshDelayMs(code, now, clockOffsetMs(code, now))).toBe(SCREEN_MIN_REFRESH_MS);
    expect(nextRefreshDelayMs(code, now, 0)).toBe(SCREEN_MIN_REFRESH_MS);
  });
});

describe('secondsLeft', () => {
  it('counts down whole seconds to the end of the window, not below zero', () => {
    expect(secondsLeft(code, windowEnd - 9_100, 0)).toBe(10);
    expect(secondsLeft(code, windowEnd + 1_000, 0)).toBe(0);
    expect(secondsLeft(code, windowEnd + 39_000, 40_000)).toBe(1);
  });
});
