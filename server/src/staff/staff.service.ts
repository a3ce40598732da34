import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { mayManageAccount, type Page, type StaffDto, type StaffRole } from '@xinqiao/shared';
import { In, Like, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { assertFound, inScope } from '../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { LoginBackoffService } from '../common/login-backoff/login-backoff.service';
import { AppException } from '../common/errors/app-exception';
import { pageOf, paging } from '../common/http/page-query.dto';
import { RegionsService } from '../regions/regions.service';
import { assertStrongPassword, hashPassword } from './passwords';
import { Staff } from './staff.entity';
import type { CreateStaffDto, StaffQueryDto, UpdateStaffDto } from './staff.dto';

/** Told the id of an account whose stored facts (role, region, name, disabled, password, token version) just changed. */
export type AccountChangeListener = (id: number) => void;

@Injectable()
export class StaffService {
  private readonly changeListeners: AccountChangeListener[] = [];

  constructor(
    @InjectRepository(Staff) private readonly repo: Repository<Staff>,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly backoff: LoginBackoffService,
  ) {}

  async list(me: StaffPrincipal, q: StaffQueryDto): Promise<Page<StaffDto>> {
    const p = paging(q);
    const where: FindOptionsWhere<Staff> = { regionPath: inScope(me) };
    if (q.role) where.role = q.role;
    if (q.regionId) where.regionId = q.regionId;
    const filters = q.keyword
      ? [
          { ...where, username: Like(`%${q.keyword}%`) },
          { ...where, displayName: Like(`%${q.keyword}%`) },
        ]
      : where;
    const [rows, total] = await this.repo.findAndCount({ where: filters, order: { id: 'ASC' }, skip: p.skip, take: p.pageSize });
    return pageOf(await this.toDtos(rows), total, p);
  }

  async get(me: StaffPrincipal, id: number): Promise<Staff> {
    return assertFound(await this.repo.findOne({ where: { id } }), me, '账号');
  }

  async create(me: StaffPrincipal, dto: CreateStaffDto): Promise<StaffDto> {
    const region = await this.regions.requireInScope(dto.regionId, me);
    this.assertManageable(me, { role: dto.role, regionPath: region.path });
    assertStrongPassword(dto.password, dto.username);
    if (await this.repo.exists({ where: { username: dto.username } })) throw AppException.conflict('用户名已被使用');
    const staff = await this.repo.save(
      this.repo.create({
        username: dto.username,
        displayName: dto.displayName,
        role: dto.role,
        regionId: region.id,
        regionPath: region.path,
        passwordHash: await hashPassword(dto.password, this.config.BCRYPT_ROUNDS),
        mustChangePassword: true,
      }),
    );
    return (await this.toDtos([staff]))[0];
  }

  async update(me: StaffPrincipal, id: number, dto: UpdateStaffDto): Promise<StaffDto> {
    const staff = await this.get(me, id);
    if (staff.id === me.id && (dto.role || dto.regionId || dto.disabled)) {
      throw AppException.forbidden('不能修改自己的角色、区域或停用自己');
    }
    const self = staff.id === me.id; // one's own display name only, checked above
    if (!self) this.assertManageable(me, staff);
    if (dto.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, me);
      staff.regionId = region.id;
      staff.regionPath = region.path;
    }
    if (dto.displayName !== undefined) staff.displayName = dto.displayName;
    if (dto.role) staff.role = dto.role;
    // The account as it will be must be one this admin may manage too (no promoting to a peer).
    if (!self) this.assertManageable(me, staff);
    if (dto.disabled !== undefined && dto.disabled !== staff.disabled) {
      staff.disabled = dto.disabled;
      // Disabling ends every session now; re-enabling must not bring old ones back.
      if (dto.disabled) staff.tokenVersion += 1;
    }
    await this.repo.save(staff);
    this.accountChanged(staff.id);
    return (await this.toDtos([staff]))[0];
  }

  async resetPassword(me: StaffPrincipal, id: number, password: string): Promise<StaffDto> {
    const staff = await this.get(me, id);
    this.assertManageable(me, staff);
    assertStrongPassword(password, staff.username);
    staff.passwordHash = await hashPassword(password, this.config.BCRYPT_ROUNDS);
    staff.mustChangePassword = true;
    // Whoever held the old password (or a session opened with it) is out at once.
    staff.tokenVersion += 1;
    await this.repo.save(staff);
    this.accountChanged(staff.id);
    await this.backoff.clearUser(staff.username);
    return (await this.toDtos([staff]))[0];
  }

  async unlock(me: StaffPrincipal, id: number): Promise<StaffDto> {
    const staff = await this.get(me, id);
    this.assertManageable(me, staff);
    await this.backoff.clearUser(staff.username);
    return (await this.toDtos([staff]))[0];
  }

  /** Nobody manages an account of a role they could not create, nor a region admin of their own region. */
  private assertManageable(me: StaffPrincipal, target: { role: StaffRole; regionPath: string }): void {
    if (!mayManageAccount(me, target)) throw AppException.forbidden('无权管理该账号（区域管理员账号由上级区域管理员或系统管理员管理）');
  }

  /** Accounts by id, in any region: for modules that link staff accounts to their own rows and check the region themselves. */
  async byIds(ids: readonly number[]): Promise<StaffDto[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.toDtos(await this.repo.findBy({ id: In(unique) })) : [];
  }

  /**
   * Active accounts of these roles whose own region is one of `regionIds` (not below it): for modules
   * that pick people by region, such as the alerts' duty ladder (a region's region admins).
   */
  async activeIn(regionIds: readonly number[], roles: readonly StaffRole[]): Promise<StaffDto[]> {
    const regions = [...new Set(regionIds)];
    if (!regions.length || !roles.length) return [];
    return this.toDtos(await this.repo.find({ where: { regionId: In(regions), role: In([...roles]), disabled: false }, order: { id: 'ASC' } }));
  }

  /**
   * Subscribes to account changes saved by this instance, so that whoever keeps what it read of an
   * account (the token check) drops it at once.
   */
  onAccountChanged(listener: AccountChangeListener): void {
    this.changeListeners.push(listener);
  }

  /** Tells the listeners; also for a change written by `setOwnPassword` in the caller's transaction, once that commits. */
  accountChanged(id: number): void {
    for (const listener of this.changeListeners) listener(id);
  }

  /** An account as signing in and token checks need it, or null when there is none. */
  async account(id: number): Promise<StaffAccount | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** An account with its password hash (which is never read otherwise), by username or id: for signing in. */
  async withPasswordHash(where: { username: string } | { id: number }): Promise<(StaffAccount & { passwordHash: string }) | null> {
    const qb = this.repo.createQueryBuilder('s').addSelect('s.passwordHash');
    return 'id' in where ? qb.where('s.id = :id', { id: where.id }).getOne() : qb.where('s.username = :username', { username: where.username }).getOne();
  }

  async recordSignIn(id: number, at = new Date()): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: at });
  }

  async toDtos(rows: StaffAccount[]): Promise<StaffDto[]> {
    const names = await this.regions.names(rows.map((r) => r.regionId));
    const waits = await this.backoff.blockedUntil(rows.map((r) => r.username));
    return rows.map((s) => staffDto(s, names.get(s.regionId) ?? '', waits.get(s.username) ?? null));
  }
}

/** `signInWaitUntil`: when the account-wide sign-in back-off ends (epoch ms), if one is running. */
export function staffDto(s: StaffAccount, regionName: string, signInWaitUntil: number | null = null): StaffDto {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    regionId: s.regionId,
    regionName,
    regionPath: s.regionPath,
    disabled: s.disabled,
    mustChangePassword: s.mustChangePassword,
    lockedUntil: signInWaitUntil === null ? null : new Date(signInWaitUntil).toISOString(),
    lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

/** A staff account as other modules see it (the password hash is read only by `withPasswordHash`). */
export type StaffAccount = Omit<Staff, 'passwordHash' | 'passwordChangedAt' | 'updatedAt'>;

/**
 * The account's own new password, in the caller's transaction (which also ends its other sessions):
 * the access tokens issued before stop working with the version. Call `StaffService.accountChanged`
 * once the transaction commits.
 */
export async function setOwnPassword(tx: EntityManager, id: number, passwordHash: string, at: Date): Promise<void> {
  await tx.getRepository(Staff).update({ id }, { passwordHash, mustChangePassword: false, passwordChangedAt: at, tokenVersion: () => 'tokenVersion + 1' });
}
