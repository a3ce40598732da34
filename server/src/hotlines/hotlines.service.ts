import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { crisisHotlines, isValidHotlineNumber, NATIONAL_HOTLINES, type Hotline as HotlineDto } from '@xinqiao/shared';
import { Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { CacheService, type CachedBody } from '../common/cache/cache.service';
import { above, assertFound, inScope } from '../common/access/region-scope';
import { AppException } from '../common/errors/app-exception';
import { REGIONS_CACHE, RegionsService } from '../regions/regions.service';
import type { HotlineInputDto } from './hotline.dto';
import { Hotline } from './hotline.entity';

const HOTLINES_CACHE = 'hotlines';

@Injectable()
export class HotlinesService {
  constructor(
    @InjectRepository(Hotline) private readonly repo: Repository<Hotline>,
    private readonly regions: RegionsService,
    private readonly cache: CacheService,
  ) {}

  /** National lines, then the lines of the region and its ancestors, nearest region first. */
  async forRegionPath(regionPath: string | null): Promise<HotlineDto[]> {
    return [...NATIONAL_HOTLINES, ...(await this.regional(regionPath))];
  }

  /** What the crisis card shows: 12356 first, then the 24-hour lines (see `crisisHotlines`). */
  async crisisFor(regionPath: string | null): Promise<HotlineDto[]> {
    return crisisHotlines(await this.regional(regionPath));
  }

  /** The public list for a region asked for by id, else for the caller's own region path, from the cache. */
  forRegionId(regionId: number | undefined, fallbackPath: string | null): Promise<CachedBody<HotlineDto[]>> {
    const key = regionId === undefined ? `path:${fallbackPath ?? ''}` : `id:${regionId}`;
    return this.cache.get([HOTLINES_CACHE, REGIONS_CACHE], key, async () => {
      if (regionId === undefined) return this.forRegionPath(fallbackPath);
      const region = await this.regions.find(regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      return this.forRegionPath(region.path);
    });
  }

  /** Staff see the national lines (read-only) and the lines inside their subtree, or of one region in it. */
  async listForStaff(staff: StaffPrincipal, regionId?: number): Promise<HotlineDto[]> {
    const where = regionId === undefined ? { regionPath: inScope(staff) } : { regionId: (await this.regions.requireInScope(regionId, staff)).id };
    const rows = await this.repo.find({ where, order: { regionPath: 'ASC', sortOrder: 'ASC', id: 'ASC' } });
    return [...NATIONAL_HOTLINES, ...(await this.toDtos(rows))];
  }

  async create(staff: StaffPrincipal, dto: HotlineInputDto): Promise<HotlineDto> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const saved = await this.repo.save(this.repo.create({ ...this.content(dto), regionId: region.id, regionPath: region.path }));
    this.cache.invalidate(HOTLINES_CACHE);
    return (await this.toDtos([saved]))[0];
  }

  async update(staff: StaffPrincipal, id: number, dto: HotlineInputDto): Promise<HotlineDto> {
    const row = await this.find(staff, id);
    if (dto.regionId !== row.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      row.regionId = region.id;
      row.regionPath = region.path;
    }
    Object.assign(row, this.content(dto));
    const saved = await this.repo.save(row);
    this.cache.invalidate(HOTLINES_CACHE);
    return (await this.toDtos([saved]))[0];
  }

  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    await this.repo.delete({ id: (await this.find(staff, id)).id });
    this.cache.invalidate(HOTLINES_CACHE);
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Hotline> {
    // National lines have negative ids and live in code: they cannot be changed here.
    if (id < 0) throw AppException.forbidden('全国热线由平台维护，不能修改');
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '热线');
  }

  private content(dto: HotlineInputDto) {
    const number = dto.number.trim().replace(/\s+/g, '');
    if (!isValidHotlineNumber(number)) {
      throw new AppException(400, 'VALIDATION_FAILED', '号码格式不正确：只能包含数字和连字符，如 023-12356 或 400-161-9995', [
        { field: 'number', constraint: 'hotlineNumber', message: '号码格式不正确' },
      ]);
    }
    return {
      name: dto.name.trim(),
      number,
      hours: dto.hours.trim(),
      is24h: dto.is24h,
      audiences: dto.audiences,
      source: dto.source?.trim() || null,
      sortOrder: dto.sortOrder ?? 0,
    };
  }

  private async regional(regionPath: string | null): Promise<HotlineDto[]> {
    if (!regionPath) return [];
    const rows = await this.repo.find({ where: { regionPath: above(regionPath) }, order: { sortOrder: 'ASC', id: 'ASC' } });
    // Nearest region first: a longer path is a deeper region.
    rows.sort((a, b) => b.regionPath.length - a.regionPath.length);
    return this.toDtos(rows);
  }

  private async toDtos(rows: Hotline[]): Promise<HotlineDto[]> {
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      number: r.number,
      hours: r.hours,
      is24h: r.is24h,
      audiences: r.audiences,
      source: r.source,
      regionId: r.regionId,
      regionName: names.get(r.regionId) ?? '',
      national: false,
      sortOrder: r.sortOrder,
    }));
  }
}
