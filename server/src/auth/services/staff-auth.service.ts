import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { passwordChangeProblems, problemMessages, PASSWORD_CHANGE_MESSAGES, type StaffLoginResult } from '@xinqiao/shared';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { AuditService } from '../../audit/audit.service';
import { clientIp } from '../../common/http/request-id';
import { LoginBackoffService } from '../../common/login-backoff/login-backoff.service';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../staff/passwords';
import { setOwnPassword, StaffService, type StaffAccount } from '../../staff/staff.service';
import { RefreshToken } from '../entities/refresh-token.entity';
import { hashRefreshToken, newFamily, newRefreshToken } from './refresh-tokens';
import { TokenService } from './token.service';

const invalidCredentials = () => new AppException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

@Injectable()
export class StaffAuthService {
  /** Compared against when the username is unknown, so response time does not reveal which usernames exist. */
  private readonly dummyHash: Promise<string>;

  constructor(
    @InjectRepository(RefreshToken) private readonly tokenRepo: Repository<RefreshToken>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly staffService: StaffService,
    private readonly audit: AuditService,
    private readonly backoff: LoginBackoffService,
  ) {
    this.dummyHash = hashPassword(newFamily(), this.config.BCRYPT_ROUNDS);
  }

  /**
   * Every failure answers the same, whether the username exists, the password is wrong or the account
   * is disabled (that is said only to someone who knows the password), and takes the same work: one
   * bcrypt comparison and the same back-off bookkeeping.
   */
  async login(username: string, password: string, ip: string): Promise<StaffLoginResult> {
    const record = (outcome: 'success' | 'failure', statusCode: number, staff: StaffAccount | null, details: Record<string, unknown> | null = null) =>
      this.audit.record({
        actorType: staff ? 'staff' : 'anonymous',
        actorId: staff?.id ?? null,
        actorName: username,
        action: 'auth.staff_login',
        resourceType: 'staff',
        resourceId: staff ? String(staff.id) : null,
        regionPath: staff?.regionPath ?? null,
        ip: clientIp(ip),
        outcome,
        statusCode,
        details,
      });
    const refuse = async (e: AppException, staff: StaffAccount | null) => {
      await record('failure', e.getStatus(), staff, { code: e.code });
      return e;
    };
    let attempt;
    try {
      attempt = await this.backoff.begin(username, ip);
    } catch (e) {
      throw e instanceof AppException ? await refuse(e, null) : e;
    }
    const staff = await this.staffService.withPasswordHash({ username });
    const valid = await verifyPassword(password, staff?.passwordHash ?? (await this.dummyHash));
    if (!staff || !valid) {
      await this.backoff.failed(attempt);
      throw await refuse(invalidCredentials(), staff);
    }
    await this.backoff.succeeded(attempt);
    if (staff.disabled) throw await refuse(new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员'), staff);

    await this.staffService.recordSignIn(staff.id);
    await record('success', 201, staff);
    return this.issue(staff, newFamily());
  }

  /** Rotates a refresh token; presenting one that was already used revokes its whole family. */
  async refresh(token: string): Promise<StaffLoginResult> {
    const invalid = new AppException(401, 'INVALID_REFRESH_TOKEN', '登录已失效，请重新登录');
    const row = await this.tokenRepo.findOne({ where: { tokenHash: hashRefreshToken(token) } });
    if (!row) throw invalid;
    const now = new Date();
    if (row.revokedAt) {
      await this.tokenRepo.update({ family: row.family, revokedAt: IsNull() }, { revokedAt: now });
      throw invalid;
    }
    if (row.expiresAt <= now) throw invalid;
    const claimed = await this.tokenRepo.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: now });
    if (!claimed.affected) throw invalid;
    const staff = await this.staffService.account(row.staffId);
    if (!staff || staff.disabled || staff.tokenVersion !== row.tokenVersion) throw invalid;
    return this.issue(staff, row.family);
  }

  async logout(token: string): Promise<void> {
    const row = await this.tokenRepo.findOne({ where: { tokenHash: hashRefreshToken(token) } });
    if (row) await this.tokenRepo.update({ family: row.family, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async changePassword(me: StaffPrincipal, oldPassword: string, newPassword: string): Promise<StaffLoginResult> {
    const staff = await this.staffService.withPasswordHash({ id: me.id });
    if (!staff) throw new AppException(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
    if (!(await verifyPassword(oldPassword, staff.passwordHash))) throw new AppException(401, 'INVALID_CREDENTIALS', '原密码不正确');
    const changeProblems = passwordChangeProblems(oldPassword, newPassword);
    if (changeProblems.length) throw new AppException(400, 'WEAK_PASSWORD', problemMessages(changeProblems, PASSWORD_CHANGE_MESSAGES).join('；'));
    assertStrongPassword(newPassword, staff.username);
    const passwordHash = await hashPassword(newPassword, this.config.BCRYPT_ROUNDS);
    const now = new Date();
    await this.db.transaction(async (tx) => {
      // Every other session of this account ends with the old password: refresh tokens now, access tokens by the version.
      await setOwnPassword(tx, staff.id, passwordHash, now);
      await tx.getRepository(RefreshToken).update({ staffId: staff.id, revokedAt: IsNull() }, { revokedAt: now });
    });
    this.staffService.accountChanged(staff.id);
    staff.mustChangePassword = false;
    staff.tokenVersion += 1;
    return this.issue(staff, newFamily());
  }

  async me(me: StaffPrincipal) {
    const staff = await this.staffService.account(me.id);
    if (!staff) throw new AppException(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
    return (await this.staffService.toDtos([staff]))[0];
  }

  private async issue(staff: StaffAccount, family: string): Promise<StaffLoginResult> {
    const { token, hash } = newRefreshToken();
    await this.tokenRepo.insert({
      staffId: staff.id,
      family,
      tokenHash: hash,
      tokenVersion: staff.tokenVersion,
      expiresAt: new Date(Date.now() + this.config.STAFF_SESSION_TTL * 1000),
      revokedAt: null,
    });
    const { accessToken, expiresIn } = this.tokens.signStaff(staff);
    const [dto] = await this.staffService.toDtos([staff]);
    return { accessToken, refreshToken: token, expiresIn, mustChangePassword: staff.mustChangePassword, staff: dto };
  }
}
