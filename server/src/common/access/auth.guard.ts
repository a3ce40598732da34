import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@xinqiao/shared';
import { isDatabaseUnavailable } from '../database/availability';
import { AppException } from '../errors/app-exception';
import { ACCESS_DENIED_LISTENER, type AccessDeniedListener } from './access-denied';
import { AUTHENTICATOR, type Authenticator } from './authenticator';
import { ACCESS_KEY, type AccessRule } from './decorators';
import type { AuthedRequest, Principal } from './principal';

/** Global guard: authenticates the bearer token and enforces each route's AccessRule. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly tokens: Authenticator,
    @Optional() @Inject(ACCESS_DENIED_LISTENER) private readonly deniedListener?: AccessDeniedListener,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]) ?? {
      who: 'staff',
      permissions: [],
    };
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;

    if (rule.who === 'public') {
      // A bad token on a public route reads as anonymous; a database that cannot check it is a 503, not anonymous.
      if (token)
        req.principal = (await this.tokens.authenticate(token).catch((e: unknown) => (isDatabaseUnavailable(e) ? Promise.reject(e) : undefined)))?.principal;
      return true;
    }
    if (!token) throw new AppException(401, 'UNAUTHENTICATED', '请先登录');
    const { principal, mustChangePassword } = await this.tokens.authenticate(token);
    req.principal = principal;
    try {
      return this.authorize(rule, principal, mustChangePassword);
    } catch (e) {
      if (e instanceof AppException && this.deniedListener) await this.deniedListener.denied(ctx, e);
      throw e;
    }
  }

  private authorize(rule: AccessRule, principal: Principal, mustChangePassword: boolean): boolean {
    if (rule.who === 'public') return true;
    if (rule.who === 'resident') {
      if (principal.kind !== 'resident') throw AppException.forbidden('该功能仅供居民使用');
      return true;
    }
    if (rule.who === 'resident_or_staff' && principal.kind === 'resident') return true;
    if (principal.kind !== 'staff') throw AppException.forbidden('该功能仅供工作人员使用');
    if (mustChangePassword && !(rule.who === 'staff' && rule.allowPendingPasswordChange)) {
      throw new AppException(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已重置，请先修改密码');
    }
    const missing = rule.permissions.filter((p) => !hasPermission(principal.role, p));
    if (missing.length) throw AppException.forbidden();
    if (rule.who === 'staff' && rule.anyOf && !rule.anyOf.some((p) => hasPermission(principal.role, p))) throw AppException.forbidden();
    return true;
  }
}
