import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HostUnitDto, Page } from '@xinqiao/shared';
import { Like, QueryFailedError, Repository, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, inScope, subtree } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import type { HostUnitInputDto, HostUnitQueryDto } from '../dto/host-unit.dto';
import { OutreachEvent } from '../entities/event.entity';
import { HostUnit } from '../entities/host-unit.entity';

/** Host units (机关, 企业, 学校 …) kept by organisers of the region, with staff counts for the quotas. */
@Injectable()
export class HostUnitsService {
  constructor(
    @InjectRepository(HostUnit) private readonly repo: Repository<HostUnit>,
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    private readonly regions: RegionsService,
  ) {}

  async list(staff: StaffPrincipal, q: HostUnitQueryDto): Promise<Page<HostUnitDto>> {
    const p = paging(q);
    const where: FindOptionsWhere<HostUnit> = { regionPath: inScope(staff) };
    if (q.regionId !== undefined) where.regionPath = subtree((await this.regions.requireInScope(q.regionId, staff)).path);
    if (q.placeType) where.placeType = q.placeType;
    if (q.keyword?.trim()) where.name = Like(`%${q.keyword.trim()}%`);
    const [rows, total] = await this.repo.findAndCount({ where, order: { name: 'ASC', id: 'ASC' }, skip: p.skip, take: p.pageSize });
    return pageOf(await this.toDtos(rows), total, p);
  }

  async create(staff: StaffPrincipal, dto: HostUnitInputDto): Promise<HostUnitDto> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const unit = this.repo.create({ ...this.fields(dto), regionId: region.id, regionPath: region.path });
    return (await this.toDtos([await this.saveUnique(unit)]))[0];
  }

  async update(staff: StaffPrincipal, id: number, dto: HostUnitInputDto): Promise<HostUnitDto> {
    const unit = assertFound(await this.repo.findOne({ where: { id } }), staff, '承办单位');
    if (dto.regionId !== unit.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      unit.regionId = region.id;
      unit.regionPath = region.path;
    }
    Object.assign(unit, this.fields(dto));
    return (await this.toDtos([await this.saveUnique(unit)]))[0];
  }

  /** A unit that hosted events stays: they count towards its quota and appear in the reports. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const unit = assertFound(await this.repo.findOne({ where: { id } }), staff, '承办单位');
    if (await this.events.exists({ where: { hostUnitId: unit.id } })) throw AppException.conflict('该单位已有活动记录，不能删除');
    await this.repo.delete({ id: unit.id });
  }

  private fields(dto: HostUnitInputDto): Pick<HostUnit, 'name' | 'placeType' | 'staffCount'> {
    return { name: dto.name.trim(), placeType: dto.placeType, staffCount: dto.staffCount ?? null };
  }

  private async saveUnique(unit: HostUnit): Promise<HostUnit> {
    const clash = async () => {
      const other = await this.repo.findOne({ where: { regionId: unit.regionId, name: unit.name } });
      return other !== null && other.id !== unit.id;
    };
    const taken = () => AppException.conflict(`本区域已有名为“${unit.name}”的单位`);
    if (await clash()) throw taken();
    try {
      return await this.repo.save(unit);
    } catch (e) {
      // Two organisers adding the same unit at once: the unique index lets one through.
      if (e instanceof QueryFailedError && (await clash())) throw taken();
      throw e;
    }
  }

  private async toDtos(units: HostUnit[]): Promise<HostUnitDto[]> {
    const names = await this.regions.names(units.map((u) => u.regionId));
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      placeType: u.placeType,
      regionId: u.regionId,
      regionName: names.get(u.regionId) ?? '',
      staffCount: u.staffCount,
    }));
  }
}
