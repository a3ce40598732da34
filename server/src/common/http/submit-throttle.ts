import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { AuthedRequest } from '../access/principal';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { AppException } from '../errors/app-exception';

const HOUR_MS = 3_600_000;

/**
 * The `submit` throttler: results, quiz and survey answers a caller may send in the last hour,
 * counted together per signed-in resident (SUBMIT_RATE_PER_HOUR), otherwise per client IP
 * (ANON_SUBMIT_RATE_PER_HOUR). A route guard rather than a throttler of the global guard, because
 * the global one runs before sign-in is checked and could only count by IP. Kept in the
 * throttler's storage, so like the other limits it is shared by every instance with REDIS_URL
 * (RedisThrottlerStorage) and per process without it.
 */
@Injectable()
export class SubmitThrottlerGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const resident = req.principal?.kind === 'resident' ? req.principal.id : null;
    const [key, limit] =
      resident !== null ? [`resident:${resident}`, this.config.SUBMIT_RATE_PER_HOUR] : [`ip:${normalizeIp(req.ip)}`, this.config.ANON_SUBMIT_RATE_PER_HOUR];
    // No block period: a hit leaves the count an hour after it was made (a sliding window).
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(`submit:${key}`, HOUR_MS, limit, 0, 'submit');
    if (!isBlocked) return true;
    void ctx.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(timeToBlockExpire));
    throw new AppException(429, 'RATE_LIMITED', `提交过于频繁，请 ${Math.max(1, Math.ceil(timeToBlockExpire / 60))} 分钟后再试`);
  }
}

/** Puts a route that stores what a resident submits under the `submit` limit. */
export const SubmitThrottle = () => applyDecorators(UseGuards(SubmitThrottlerGuard));
