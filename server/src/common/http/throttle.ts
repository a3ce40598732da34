import { SetMetadata, type ExecutionContext } from '@nestjs/common';

const LOGIN_THROTTLE = 'xq:login-throttle';

/** Puts a route under the stricter per-IP `login` limit as well as the general one. */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE, true);

export const isLoginRoute = (ctx: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_THROTTLE, ctx.getHandler()) === true;
