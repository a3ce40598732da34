import { SetMetadata, type ExecutionContext } from '@nestjs/common';

const LOGIN_THROTTLE = 'xq:login-throttle';

/** Puts a route under the stricter per-IP `login` limit as well as the general one. */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE, true);

export const isLoginRoute = (ctx: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_THROTTLE, ctx.getHandler()) === true;

/**
 * The counter a request counts against: per route, limit and client. Kept as plain text (the
 * library's default hashes it with SHA-256 on every request; the keys stay in this process).
 */
export const throttleKey = (ctx: ExecutionContext, tracker: string, name: string): string =>
  `${ctx.getClass().name}-${ctx.getHandler().name}-${name}-${tracker}`;
