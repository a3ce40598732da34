import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { attemptAllowed, BACKOFF_WINDOW_SECONDS, backoffKeys, backoffRules, backoffSeconds, type BackoffScope } from '@xinqiao/shared';
import { In, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { AppException } from '../errors/app-exception';
import { LoginBackoff } from './login-backoff.entity';

export interface LoginAttempt {
  keys: Record<BackoffScope, string>;
  /** The attempt's number in its window, per key. */
  numbers: Record<BackoffScope, number>;
}

const SCOPES: BackoffScope[] = ['user_ip', 'ip', 'user'];

/**
 * Counts sign-in attempts and makes failed ones wait (shared/login-backoff). Every attempt is
 * counted before the password is checked, so concurrent guesses cannot overtake the count.
 */
@Injectable()
export class LoginBackoffService {
  private readonly rules: ReturnType<typeof backoffRules>;

  constructor(
    @InjectRepository(LoginBackoff) private readonly repo: Repository<LoginBackoff>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = backoffRules({ maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES });
  }

  /** Counts an attempt; throws 429 LOGIN_THROTTLED when it may not be evaluated now. */
  async begin(username: string, ip: string, now = Date.now()): Promise<LoginAttempt> {
    const keys = backoffKeys(username, ip);
    for (const scope of SCOPES) await this.count(keys[scope], now);
    const rows = new Map((await this.repo.findBy({ id: In(Object.values(keys)) })).map((r) => [r.id, r]));
    const numbers = {} as Record<BackoffScope, number>;
    let waitMs = 0;
    for (const scope of SCOPES) {
      const row = rows.get(keys[scope])!;
      numbers[scope] = row.attempts;
      if (!attemptAllowed(row.attempts, this.rules[scope], row.blockedUntil, now)) {
        // Refused before a wait was set (a concurrent guess): come back after the first step of the back-off.
        waitMs = Math.max(waitMs, row.blockedUntil !== null && row.blockedUntil > now ? row.blockedUntil - now : this.rules[scope].baseSeconds * 1000);
      }
    }
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppException(429, 'LOGIN_THROTTLED', `登录尝试过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });
    }
    return { keys, numbers };
  }

  /** A failed attempt: each key waits as its rule says for that attempt's number. */
  async failed(attempt: LoginAttempt, now = Date.now()): Promise<void> {
    for (const scope of SCOPES) {
      const seconds = backoffSeconds(attempt.numbers[scope], this.rules[scope]);
      if (seconds > 0) await this.repo.update({ id: attempt.keys[scope] }, { blockedUntil: now + seconds * 1000 });
    }
  }

  /** A successful sign-in clears the username's counts; the address keeps its own. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.repo.delete({ id: In([attempt.keys.user_ip, attempt.keys.user]) });
  }

  /** An administrator lifts every wait on a username, from any address. */
  async clearUser(username: string): Promise<void> {
    const { user, user_ip: prefix } = backoffKeys(username, '');
    await this.repo.createQueryBuilder().delete().where('id = :user OR SUBSTR(id, 1, :length) = :prefix', { user, prefix, length: prefix.length }).execute();
  }

  /** When each username's account-wide wait ends, for usernames waiting now. */
  async blockedUntil(usernames: string[], now = Date.now()): Promise<Map<string, number>> {
    if (!usernames.length) return new Map();
    const keyOf = new Map(usernames.map((u) => [backoffKeys(u, '').user, u]));
    const rows = await this.repo.findBy({ id: In([...keyOf.keys()]) });
    return new Map(rows.filter((r) => r.blockedUntil !== null && r.blockedUntil > now).map((r) => [keyOf.get(r.id)!, r.blockedUntil!]));
  }

  /** One atomic statement per key, so parallel attempts each get their own number; a quiet window starts the count again. */
  private async count(key: string, now: number): Promise<void> {
    const stale = now - BACKOFF_WINDOW_SECONDS * 1000;
    const mysql = ['mysql', 'mariadb'].includes(this.repo.manager.connection.options.type);
    // MySQL applies the assignments left to right, so lastAttemptAt is read before it is set.
    const sql = mysql
      ? 'INSERT INTO `login_backoff` (`id`, `attempts`, `lastAttemptAt`, `blockedUntil`) VALUES (?, 1, ?, NULL) ON DUPLICATE KEY UPDATE ' +
        '`attempts` = IF(`lastAttemptAt` < ?, 1, `attempts` + 1), `blockedUntil` = IF(`lastAttemptAt` < ?, NULL, `blockedUntil`), `lastAttemptAt` = VALUES(`lastAttemptAt`)'
      : 'INSERT INTO "login_backoff" ("id", "attempts", "lastAttemptAt", "blockedUntil") VALUES (?, 1, ?, NULL) ON CONFLICT ("id") DO UPDATE SET ' +
        '"attempts" = CASE WHEN "lastAttemptAt" < ? THEN 1 ELSE "attempts" + 1 END, "blockedUntil" = CASE WHEN "lastAttemptAt" < ? THEN NULL ELSE "blockedUntil" END, "lastAttemptAt" = excluded."lastAttemptAt"';
    await this.repo.query(sql, [key, now, stale, stale]);
  }
}
