import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assignableRoles, type Page, type StaffDto, type StaffRole } from '@xinqiao/shared';
import { In, Like, Repository, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { assertFound, inScope } from '../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';
import { pageOf, paging } from '../common/http/page-query.dto';
import { Region } from '../regions/region.entity';
import { RegionsService } from '../regions/regions.service';
import { assertStrongPassword, hashPassword } from './passwords';
import { Staff } from './staff.entity';
import type { CreateStaffDto, StaffQueryDto, UpdateStaffDto } from './staff.dto';

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(Staff) private readonly repo: Repository<Staff>,
    @InjectRepository(Region) private readonly regionRepo: Repository<Region>,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(me: StaffPrincipal, q: StaffQueryDto): Promise<Page<StaffDto>> {
    const p = paging(q);
    const where: FindOptionsWhere<Staff> = { regionPath: inScope(me) };
    if (q.role) where.role = q.role;
    if (q.regionId) where.regionId = q.regionId;
    const filters = q.keyword
      ? [{ ...where, username: Like(`%${q.keyword}%`) }, { ...where, displayName: Like(`%${q.keyword}%`) }]
      : where;
    const [rows, total] = await this.repo.findAndCount({ where: filters, order: { id: 'ASC' }, skip: p.skip, take: p.pageSize });
    return pageOf(await this.toDtos(rows), total, p);
  }

  async get(me: StaffPrincipal, id: number): Promise<Staff> {
    return assertFound(await this.repo.findOne({ where: { id } }), me, '账号');
  }

  async create(me: StaffPrincipal, dto: CreateStaffDto): Promise<StaffDto> {
    this.assertAssignable(me, dto.role);
    const region = await this.regions.requireInScope(dto.regionId, me);
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
    this.assertAssignable(me, staff.role);
    if (dto.role) this.assertAssignable(me, dto.role);
    if (dto.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, me);
      staff.regionId = region.id;
      staff.regionPath = region.path;
    }
    if (dto.displayName !== undefined) staff.displayName = dto.displayName;
    if (dto.role) staff.role = dto.role;
    if (dto.disabled !== undefined) staff.disabled = dto.disabled;
    await this.repo.save(staff);
    return (await this.toDtos([staff]))[0];
  }

  async resetPassword(me: StaffPrincipal, id: number, password: string): Promise<StaffDto> {
    const staff = await this.get(me, id);
    this.assertAssignable(me, staff.role);
    assertStrongPassword(password, staff.username);
    staff.passwordHash = await hashPassword(password, this.config.BCRYPT_ROUNDS);
    staff.mustChangePassword = true;
    staff.failedLoginCount = 0;
    staff.lockedUntil = null;
    await this.repo.save(staff);
    return (await this.toDtos([staff]))[0];
  }

  async unlock(me: StaffPrincipal, id: number): Promise<StaffDto> {
    const staff = await this.get(me, id);
    staff.failedLoginCount = 0;
    staff.lockedUntil = null;
    await this.repo.save(staff);
    return (await this.toDtos([staff]))[0];
  }

  /** Nobody manages an account of a role they could not create. */
  private assertAssignable(me: StaffPrincipal, role: StaffRole): void {
    if (!assignableRoles(me.role).includes(role)) throw AppException.forbidden('无权管理该角色的账号');
  }

  async toDtos(rows: Staff[]): Promise<StaffDto[]> {
    const ids = [...new Set(rows.map((r) => r.regionId))];
    const names = new Map((ids.length ? await this.regionRepo.findBy({ id: In(ids) }) : []).map((r) => [r.id, r.name]));
    return rows.map((s) => staffDto(s, names.get(s.regionId) ?? ''));
  }
}

export function staffDto(s: Staff, regionName: string): StaffDto {
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
    lockedUntil: s.lockedUntil && s.lockedUntil > new Date() ? s.lockedUntil.toISOString() : null,
    lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}
