import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ResidentDataExport, ResidentProfile } from '@xinqiao/shared';
import { QueryFailedError, Repository } from 'typeorm';
import { CacheService } from '../common/cache/cache.service';
import { AppException } from '../common/errors/app-exception';
import { RegionsService } from '../regions/regions.service';
import { PersonalDataRegistry } from './personal-data.registry';
import { Resident } from './resident.entity';
import type { UpdateResidentDto } from './resident.dto';

/** The kind of record under which a resident's account changes are announced (the token check keeps accounts it read). */
export const RESIDENT_ACCOUNT = 'resident-account';

/** What a token check needs of a resident's account. */
export type ResidentAccount = Pick<Resident, 'id' | 'regionPath'>;

@Injectable()
export class ResidentsService {
  constructor(
    @InjectRepository(Resident) private readonly repo: Repository<Resident>,
    private readonly regions: RegionsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly cache: CacheService,
  ) {}

  /** First sign-in creates the resident; a concurrent first sign-in with the same openid reuses the row. */
  async findOrCreate(openid: string, unionid?: string): Promise<Resident> {
    const existing = await this.repo.findOne({ where: { openid } });
    if (existing) return existing;
    try {
      return await this.repo.save(this.repo.create({ openid, unionid: unionid ?? null }));
    } catch (e) {
      if (e instanceof QueryFailedError) {
        const raced = await this.repo.findOne({ where: { openid } });
        if (raced) return raced;
      }
      throw e;
    }
  }

  async get(id: number): Promise<Resident> {
    const r = await this.repo.findOne({ where: { id } });
    if (!r) throw new AppException(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
    return r;
  }

  async profile(id: number): Promise<ResidentProfile> {
    return this.toProfile(await this.get(id));
  }

  async update(id: number, dto: UpdateResidentDto): Promise<ResidentProfile> {
    const resident = await this.get(id);
    if (dto.regionId !== undefined) {
      if (dto.regionId === null) {
        resident.regionId = null;
        resident.regionPath = null;
      } else {
        const region = await this.regions.find(dto.regionId);
        if (!region) throw AppException.badRequest('所选区域不存在');
        resident.regionId = region.id;
        resident.regionPath = region.path;
      }
    }
    if (dto.nickname !== undefined) resident.nickname = dto.nickname?.trim() || null;
    if (dto.populationGroup !== undefined) resident.populationGroup = dto.populationGroup;
    if (dto.ageBand !== undefined) resident.ageBand = dto.ageBand;
    if (dto.gender !== undefined) resident.gender = dto.gender;
    const saved = await this.repo.save(resident);
    if (dto.regionId !== undefined) this.cache.announce(RESIDENT_ACCOUNT, id);
    return this.toProfile(saved);
  }

  /** PIPL art. 45: everything held about the resident, in a portable form. */
  async export(id: number): Promise<ResidentDataExport> {
    const resident = await this.get(id);
    return {
      exportedAt: new Date().toISOString(),
      profile: await this.toProfile(resident),
      account: { openid: resident.openid, unionid: resident.unionid, createdAt: resident.createdAt.toISOString() },
      ...(await this.personalData.exportAll(id)),
    };
  }

  /** PIPL art. 47: deletion of the account; every personal record goes with it (ON DELETE CASCADE). */
  async delete(id: number): Promise<void> {
    await this.repo.delete({ id });
    this.cache.announce(RESIDENT_ACCOUNT, id);
  }

  /** The account's id and region, or null when there is none. */
  account(id: number): Promise<ResidentAccount | null> {
    return this.repo.findOne({ where: { id }, select: { id: true, regionPath: true } });
  }

  regionPathOf(id: number): Promise<string | null> {
    return this.account(id).then((r) => r?.regionPath ?? null);
  }

  /** The resident's openid (to address a WeChat message); null when the account is gone. */
  openidOf(id: number): Promise<string | null> {
    return this.repo.findOne({ where: { id }, select: { id: true, openid: true } }).then((r) => r?.openid ?? null);
  }

  private async toProfile(r: Resident): Promise<ResidentProfile> {
    const region = r.regionId ? await this.regions.find(r.regionId) : null;
    return {
      id: r.id,
      nickname: r.nickname,
      regionId: r.regionId,
      regionName: region?.name ?? null,
      populationGroup: r.populationGroup,
      ageBand: r.ageBand,
      gender: r.gender,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
