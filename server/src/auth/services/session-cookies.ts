import { STAFF_CSRF_COOKIE, STAFF_CSRF_HEADER, STAFF_SESSION_COOKIE, type StaffLoginResult } from '@xinqiao/shared';
import { randomBytes, timingSafeEqual } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';

/** The session routes (refresh, logout, password change) are the only ones that ever see the refresh cookie. */
const SESSION_PATH = '/api/v1/auth/staff';

type Config = Pick<AppConfig, 'SESSION_COOKIE_SECURE' | 'STAFF_SESSION_TTL'>;

/** The refresh token a browser session holds, if the request carries one. */
export function sessionCookie(req: FastifyRequest): string | undefined {
  const value = req.cookies?.[STAFF_SESSION_COOKIE];
  return value || undefined;
}

/**
 * Double-submit check for requests authenticated by the cookie alone: the page must copy the CSRF
 * cookie into a header, which another site can neither read nor send.
 */
export function assertCsrf(req: FastifyRequest): void {
  const cookie = req.cookies?.[STAFF_CSRF_COOKIE] ?? '';
  const header = req.headers[STAFF_CSRF_HEADER];
  const ok = typeof header === 'string' && header.length === cookie.length && cookie.length > 0 && timingSafeEqual(Buffer.from(header), Buffer.from(cookie));
  if (!ok) throw new AppException(403, 'CSRF_FAILED', '请求来源校验失败，请刷新页面后重试');
}

/** Moves the refresh token of a login result into the cookies, out of the body scripts can read. */
export function toCookieSession(reply: FastifyReply, result: StaffLoginResult, config: Config): StaffLoginResult {
  const base = { secure: config.SESSION_COOKIE_SECURE, sameSite: 'strict' as const, maxAge: config.STAFF_SESSION_TTL };
  void reply.setCookie(STAFF_SESSION_COOKIE, result.refreshToken!, { ...base, httpOnly: true, path: SESSION_PATH });
  void reply.setCookie(STAFF_CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...base, httpOnly: false, path: '/' });
  const { refreshToken: _kept, ...rest } = result;
  return rest;
}

export function clearCookieSession(reply: FastifyReply, config: Config): void {
  const base = { secure: config.SESSION_COOKIE_SECURE, sameSite: 'strict' as const };
  void reply.clearCookie(STAFF_SESSION_COOKIE, { ...base, httpOnly: true, path: SESSION_PATH });
  void reply.clearCookie(STAFF_CSRF_COOKIE, { ...base, path: '/' });
}
