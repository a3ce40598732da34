import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { StaffLoginResult } from '@xinqiao/shared';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';
import { AuditService } from '../audit/audit.service';
import { assertStrongPassword, hashPassword, verifyPassword } from '../staff/passwords';
import { Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken, newFamily, newRefreshToken } from './refresh-tokens';
import { TokenService } from './token.service';

const invalidCredentials = (message = '用户名或密码错误') => new AppException(401, 'INVALID_CREDENTIALS', message);

@Injectable()
export class StaffAuthService {
  /** Compared against when the username is unknown, so response time does not reveal which usernames exist. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(Staff) private readonly staffRepo: Repository<Staff>,
    @InjectRepository(RefreshToken) private readonly tokenRepo: Repository<RefreshToken>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly staffService: StaffService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, ip: string): Promise<StaffLoginResult> {
    const staff = await this.staffRepo
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.username = :username', { username })
      .getOne();
    const fail = async (e: AppException, actorId: number | null) => {
      await this.audit.record({
        actorType: actorId ? 'staff' : 'anonymous',
        actorId,
        actorName: username.slice(0, 64),
        action: 'auth.staff_login',
        resourceType: 'staff',
        resourceId: actorId ? String(actorId) : null,
        regionPath: staff?.regionPath ?? null,
        ip,
        outcome: 'failure',
        statusCode: e.getStatus(),
        details: { code: e.code },
      });
      return e;
    };
    if (!staff) {
      await verifyPassword(password, await (this.dummyHash ??= hashPassword(newFamily(), this.config.BCRYPT_ROUNDS)));
      throw await fail(invalidCredentials(), null);
    }
    const now = new Date();
    if (staff.lockedUntil && staff.lockedUntil > now) {
      const minutes = Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 60000);
      throw await fail(new AppException(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`), staff.id);
    }
    if (staff.lockedUntil) {
      // The lock has run out: start counting afresh.
      await this.staffRepo.update({ id: staff.id }, { lockedUntil: null, failedLoginCount: 0 });
    }
    if (staff.disabled) throw await fail(new AppException(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员'), staff.id);

    if (!(await verifyPassword(password, staff.passwordHash))) {
      // Atomic increment, so parallel guesses cannot slip past the limit.
      await this.staffRepo.increment({ id: staff.id }, 'failedLoginCount', 1);
      const { failedLoginCount } = await this.staffRepo.findOneOrFail({ where: { id: staff.id } });
      const max = this.config.LOGIN_MAX_FAILURES;
      if (failedLoginCount >= max) {
        await this.staffRepo.update({ id: staff.id }, { lockedUntil: new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60000) });
        throw await fail(
          new AppException(423, 'ACCOUNT_LOCKED', `密码连续错误 ${max} 次，账号已锁定 ${this.config.LOGIN_LOCK_MINUTES} 分钟`),
          staff.id,
        );
      }
      throw await fail(invalidCredentials(`用户名或密码错误，再错 ${max - failedLoginCount} 次账号将被锁定`), staff.id);
    }

    await this.staffRepo.update({ id: staff.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await this.audit.record({
      actorType: 'staff',
      actorId: staff.id,
      actorName: staff.username,
      action: 'auth.staff_login',
      resourceType: 'staff',
      resourceId: String(staff.id),
      regionPath: staff.regionPath,
      ip,
      outcome: 'success',
      statusCode: 201,
    });
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
    const staff = await this.staffRepo.findOne({ where: { id: row.staffId } });
    if (!staff || staff.disabled) throw invalid;
    return this.issue(staff, row.family);
  }

  async logout(token: string): Promise<void> {
    const row = await this.tokenRepo.findOne({ where: { tokenHash: hashRefreshToken(token) } });
    if (row) await this.tokenRepo.update({ family: row.family, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async changePassword(me: StaffPrincipal, oldPassword: string, newPassword: string): Promise<StaffLoginResult> {
    const staff = await this.staffRepo
      .createQueryBuilder('s')
      .addSelect('s.passwordHash')
      .where('s.id = :id', { id: me.id })
      .getOneOrFail();
    if (!(await verifyPassword(oldPassword, staff.passwordHash))) throw invalidCredentials('原密码不正确');
    if (oldPassword === newPassword) throw new AppException(400, 'WEAK_PASSWORD', '新密码不能与原密码相同');
    assertStrongPassword(newPassword, staff.username);
    const passwordHash = await hashPassword(newPassword, this.config.BCRYPT_ROUNDS);
    const now = new Date();
    await this.db.transaction(async (tx) => {
      await tx.getRepository(Staff).update({ id: staff.id }, { passwordHash, mustChangePassword: false, passwordChangedAt: now });
      // Every other session of this account ends with the old password.
      await tx.getRepository(RefreshToken).update({ staffId: staff.id, revokedAt: IsNull() }, { revokedAt: now });
    });
    staff.mustChangePassword = false;
    return this.issue(staff, newFamily());
  }

  async me(me: StaffPrincipal) {
    const staff = await this.staffRepo.findOneOrFail({ where: { id: me.id } });
    return (await this.staffService.toDtos([staff]))[0];
  }

  private async issue(staff: Staff, family: string): Promise<StaffLoginResult> {
    const { token, hash } = newRefreshToken();
    await this.tokenRepo.insert({
      staffId: staff.id,
      family,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.config.STAFF_SESSION_TTL * 1000),
      revokedAt: null,
    });
    const { accessToken, expiresIn } = this.tokens.signStaff(staff);
    const [dto] = await this.staffService.toDtos([staff]);
    return { accessToken, refreshToken: token, expiresIn, mustChangePassword: staff.mustChangePassword, staff: dto };
  }
}
