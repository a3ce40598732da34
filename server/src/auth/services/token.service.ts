import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { ResidentTokenClaims, StaffTokenClaims } from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import type { Authenticator } from '../../common/access/authenticator';
import type { Principal } from '../../common/access/principal';
import type { StaffAccount } from '../../staff/staff.service';
import { ResidentAccountCache } from './resident-account-cache';
import { StaffAccountCache } from './staff-account-cache';

/** Tokens whose signature was checked, kept at most; the oldest go first. */
const MAX_VERIFIED = 10_000;

type Claims = StaffTokenClaims | ResidentTokenClaims;

/**
 * Signs and checks access tokens. A staff token is checked against its account as read within the last
 * `STAFF_AUTH_CACHE_SECONDS`, a resident token against the resident's account as read within the last
 * `RESIDENT_AUTH_CACHE_SECONDS` (changes saved through the services apply at once, see RecentAccounts).
 */
@Injectable()
export class TokenService implements Authenticator {
  /**
   * Claims of tokens already verified, until they expire: a token's signature cannot become wrong,
   * and checking it again (base64, JSON, HMAC) was most of a signed-in read's token check.
   */
  private readonly verified = new Map<string, Claims & { exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: StaffAccountCache,
    private readonly residents: ResidentAccountCache,
  ) {}

  signStaff(staff: Pick<StaffAccount, 'id' | 'role' | 'regionPath' | 'tokenVersion'>): { accessToken: string; expiresIn: number } {
    const claims: StaffTokenClaims = { sub: staff.id, kind: 'staff', role: staff.role, regionPath: staff.regionPath, ver: staff.tokenVersion };
    const expiresIn = this.config.JWT_ACCESS_TTL;
    return { accessToken: this.jwt.sign(claims, { expiresIn }), expiresIn };
  }

  signResident(resident: { id: number }): { accessToken: string; expiresIn: number } {
    const claims: ResidentTokenClaims = { sub: resident.id, kind: 'resident' };
    const expiresIn = this.config.RESIDENT_TOKEN_TTL;
    return { accessToken: this.jwt.sign(claims, { expiresIn }), expiresIn };
  }

  async authenticate(token: string): Promise<{ principal: Principal; mustChangePassword: boolean }> {
    const claims = await this.verify(token);
    if (claims.kind === 'resident') {
      const resident = await this.residents.get(claims.sub);
      if (!resident) throw new AppException(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
      return { principal: { kind: 'resident', id: resident.id, regionPath: resident.regionPath }, mustChangePassword: false };
    }
    const staff = await this.staffAccount(claims);
    if (!staff) throw new AppException(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
    if (staff.disabled) throw new AppException(401, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
    // A password change or reset since this token was issued ends it.
    if (claims.ver !== staff.tokenVersion) throw new AppException(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
    return {
      principal: {
        kind: 'staff',
        id: staff.id,
        username: staff.username,
        displayName: staff.displayName,
        role: staff.role,
        regionId: staff.regionId,
        regionPath: staff.regionPath,
      },
      mustChangePassword: staff.mustChangePassword,
    };
  }

  private async verify(token: string): Promise<Claims> {
    const kept = this.verified.get(token);
    if (kept && kept.exp * 1000 > Date.now()) return kept;
    if (kept) this.verified.delete(token);
    let claims: Claims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch (e) {
      if (e instanceof TokenExpiredError) throw new AppException(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw new AppException(401, 'UNAUTHENTICATED', '登录凭证无效，请重新登录');
    }
    this.verified.set(token, claims);
    if (this.verified.size > MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value as string);
    return claims;
  }

  /**
   * Only a yes is answered from memory: an account kept from an earlier read serves a token that it
   * accepts as issued (same version, role and region); anything else, such as a token newer than what
   * was kept, is checked against the database.
   */
  private async staffAccount(claims: StaffTokenClaims): Promise<StaffAccount | null> {
    const kept = this.accounts.recent(claims.sub);
    const accepts = kept && !kept.disabled && kept.tokenVersion === claims.ver && kept.role === claims.role && kept.regionPath === claims.regionPath;
    return accepts ? kept : this.accounts.read(claims.sub);
  }
}
