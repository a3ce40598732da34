/**
 * Back-off for failed staff sign-ins, counted under three keys so that guessing is slowed without
 * letting anyone lock the real owner out for long:
 * - one username from one address: strict (the guesser's own address pays);
 * - one address, any username: password spraying from one place;
 * - one username, any address: distributed guessing, capped short so the owner waits at most a minute.
 * Keys are built from the username as typed, whether or not the account exists, so the answers never
 * reveal which usernames are real.
 */

export type BackoffScope = 'user_ip' | 'ip' | 'user';

export interface BackoffRule {
  /** Attempts in a window that are always evaluated. */
  free: number;
  /** Wait after the first failure past the free ones; doubles with each further attempt. */
  baseSeconds: number;
  maxSeconds: number;
}

export interface BackoffSettings {
  /** LOGIN_MAX_FAILURES: free attempts for one username from one address. */
  maxFailures: number;
  /** LOGIN_LOCK_MINUTES: the longest wait for an address. */
  lockMinutes: number;
}

/** A quiet hour forgets the count. */
export const BACKOFF_WINDOW_SECONDS = 3600;

export function backoffRules(s: BackoffSettings): Record<BackoffScope, BackoffRule> {
  return {
    user_ip: { free: s.maxFailures, baseSeconds: 60, maxSeconds: s.lockMinutes * 60 },
    ip: { free: s.maxFailures * 4, baseSeconds: 60, maxSeconds: s.lockMinutes * 60 },
    user: { free: s.maxFailures * 4, baseSeconds: 15, maxSeconds: 60 },
  };
}

/** Seconds to wait after the `attempt`-th attempt in a window failed (1-based). */
export function backoffSeconds(attempt: number, rule: BackoffRule): number {
  if (attempt < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (attempt - rule.free));
}

/**
 * Whether the `attempt`-th attempt in a window may be evaluated. Past the free ones an attempt goes
 * ahead only once a wait was set and has run out, so concurrent guesses cannot slip past the limit.
 */
export function attemptAllowed(attempt: number, rule: BackoffRule, blockedUntilMs: number | null, nowMs: number): boolean {
  if (blockedUntilMs !== null && blockedUntilMs > nowMs) return false;
  return attempt <= rule.free || blockedUntilMs !== null;
}

/** The keys one sign-in attempt counts under; usernames are compared case-insensitively. */
export function backoffKeys(username: string, ip: string): Record<BackoffScope, string> {
  const user = username.trim().toLowerCase();
  return { user_ip: `ui:${user}|${ip}`, ip: `ip:${ip}`, user: `u:${user}` };
}
