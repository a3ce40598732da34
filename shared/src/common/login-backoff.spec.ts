import { attemptAllowed, backoffKeys, backoffRules, backoffSeconds } from './login-backoff';

const rules = backoffRules({ maxFailures: 5, lockMinutes: 15 });

describe('login back-off', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    // One username from one address: 5 free; the 5th failure waits 60 s, then 120, 240, 480, and 900 (15 min) from then on.
    expect([1, 4, 5, 6, 7, 8, 9, 30].map((n) => backoffSeconds(n, rules.user_ip))).toEqual([0, 0, 60, 120, 240, 480, 900, 900]);
    // One address: 20 free.
    expect([19, 20, 21].map((n) => backoffSeconds(n, rules.ip))).toEqual([0, 60, 120]);
    // One username from anywhere: 20 free, 15 s doubling, never more than a minute: 15, 30, 60, 60.
    expect([19, 20, 21, 22, 23, 100].map((n) => backoffSeconds(n, rules.user))).toEqual([0, 15, 30, 60, 60, 60]);
  });

  it('evaluates an attempt past the free ones only after a wait was set and has passed', () => {
    const now = 1_000_000;
    expect(attemptAllowed(5, rules.user_ip, null, now)).toBe(true);
    // The 6th of six concurrent guesses: the 5th has not set its wait yet, so it is refused.
    expect(attemptAllowed(6, rules.user_ip, null, now)).toBe(false);
    expect(attemptAllowed(6, rules.user_ip, now + 1, now)).toBe(false);
    expect(attemptAllowed(6, rules.user_ip, now, now)).toBe(true);
    // Any attempt is refused while a wait runs, even a free one after an earlier block.
    expect(attemptAllowed(1, rules.user_ip, now + 60_000, now)).toBe(false);
  });

  it('keys attempts by the username as typed (any case) and the address', () => {
    expect(backoffKeys(' Counsellor_SL ', '10.0.0.7')).toEqual({ user_ip: 'ui:counsellor_sl|10.0.0.7', ip: 'ip:10.0.0.7', user: 'u:counsellor_sl' });
  });
});
