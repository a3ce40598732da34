import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { childLevel, isWithin, regionPath, type RegionDto, type RegionLevel } from '@xinqiao/shared';
import { DataSource, In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../common/access/principal';
import { CacheService, type CachedBody } from '../common/cache/cache.service';
import { assertFound, inScope, subtree } from '../common/access/region-scope';
import { AppException } from '../common/errors/app-exception';
import { Region } from './region.entity';
import type { CreateRegionDto, UpdateRegionDto } from './region.dto';

/** Cache namespace of the region tree; lists that show region names depend on it too. */
export const REGIONS_CACHE = 'regions';

/** Tables whose rows point at a region; a region still referenced cannot be deleted. */
const REFERENCING_TABLES = [
  'staff',
  'residents',
  'articles',
  'hotlines',
  'scale_responses',
  'alerts',
  'questions',
  'quizzes',
  'quiz_attempts',
  'awareness_cells',
  'awareness_targets',
  'campaigns',
  'events',
  'host_units',
  'stations',
  'counsellor_profiles',
];

@Injectable()
export class RegionsService {
  constructor(
    @InjectRepository(Region) private readonly repo: Repository<Region>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: CacheService,
  ) {}

  async listAll(): Promise<RegionDto[]> {
    return (await this.repo.find({ order: { id: 'ASC' } })).map(toDto);
  }

  /** The whole tree as every resident's region picker asks for it, from the cache. */
  publicTree(): Promise<CachedBody<RegionDto[]>> {
    return this.cache.get([REGIONS_CACHE], 'all', () => this.listAll());
  }

  async listInScope(staff: StaffPrincipal): Promise<RegionDto[]> {
    return (await this.repo.find({ where: { path: inScope(staff) }, order: { id: 'ASC' } })).map(toDto);
  }

  /** Names of regions by id, for lists that show where each row belongs. */
  async names(ids: readonly (number | null)[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!unique.length) return new Map();
    return new Map((await this.repo.find({ select: { id: true, name: true }, where: { id: In(unique) } })).map((r) => [r.id, r.name]));
  }

  async find(id: number): Promise<Region | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** The region a staff member names in a write; it must lie inside their own subtree. */
  async requireInScope(regionId: number, staff: StaffPrincipal): Promise<Region> {
    const region = await this.find(regionId);
    if (!region) throw AppException.badRequest('所选区域不存在');
    if (!isWithin(region.path, staff.regionPath)) {
      throw new AppException(403, 'REGION_OUT_OF_SCOPE', '只能选择本辖区内的区域');
    }
    return region;
  }

  async create(staff: StaffPrincipal, dto: CreateRegionDto): Promise<RegionDto> {
    const parent = await this.requireInScope(dto.parentId, staff);
    const level = childLevel(parent.level);
    if (!level) throw AppException.badRequest('社区/村是最低一级区域，不能再添加下级');
    validateClassification(level === 'community', dto);
    const saved = await this.db.transaction(async (tx) => {
      const row = await tx.getRepository(Region).save(tx.getRepository(Region).create({ ...dto, parentId: parent.id, level, path: '' }));
      row.path = regionPath(parent.path, row.id);
      return tx.getRepository(Region).save(row);
    });
    this.cache.invalidate(REGIONS_CACHE);
    return toDto(saved);
  }

  async update(staff: StaffPrincipal, id: number, dto: UpdateRegionDto): Promise<RegionDto> {
    const region = assertFound(await this.find(id), staff, '区域');
    validateClassification(region.level === 'community', { ...region, ...dto });
    Object.assign(region, dto);
    const saved = await this.repo.save(region);
    this.cache.invalidate(REGIONS_CACHE);
    return toDto(saved);
  }

  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const region = assertFound(await this.find(id), staff, '区域');
    if (region.id === staff.regionId) throw AppException.forbidden('不能删除自己所属的区域');
    if (await this.repo.exists({ where: { parentId: region.id } })) {
      throw AppException.conflict('该区域下还有下级区域，不能删除');
    }
    for (const table of REFERENCING_TABLES) {
      const [{ n }] = await this.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE regionId = ?`, [id]);
      if (Number(n) > 0) throw AppException.conflict('该区域已被账号、居民、内容或统计数据使用，不能删除');
    }
    await this.repo.delete({ id });
    this.cache.invalidate(REGIONS_CACHE);
  }

  // The tree as other modules read it: they never query the regions table themselves.

  /** The regions one level below `regionId`, by id. */
  async childrenOf(regionId: number): Promise<RegionDto[]> {
    return (await this.repo.find({ where: { parentId: regionId }, order: { id: 'ASC' } })).map(toDto);
  }

  /** The region at `path` and everything below it, by id; only the regions of `level` when given. */
  async subtreeOf(path: string, level?: RegionLevel): Promise<RegionDto[]> {
    return (await this.repo.find({ where: { path: subtree(path), ...(level ? { level } : {}) }, order: { id: 'ASC' } })).map(toDto);
  }

  /**
   * The top region, created with `name` when there is none yet (first start), in the caller's
   * transaction: the first system admin is bound to it.
   */
  async ensureRoot(tx: EntityManager, name: string): Promise<Region> {
    const repo = tx.getRepository(Region);
    const root = await repo.findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } });
    if (root) return root;
    const created = await repo.save(repo.create({ name, level: 'city', path: '' }));
    created.path = regionPath(null, created.id);
    return repo.save(created);
  }

  /** The demo tree, in the caller's transaction: each region by its code, created when missing. */
  async seedDemo(tx: EntityManager, node: DemoRegionNode, parent: Region | null = null, out = new Map<string, Region>()): Promise<Map<string, Region>> {
    const repo = tx.getRepository(Region);
    let region = await repo.findOne({ where: { code: node.code } });
    if (!region) {
      region = await repo.save(
        repo.create({
          name: node.name,
          level: node.level,
          code: node.code,
          parentId: parent?.id ?? null,
          urbanRural: node.urbanRural ?? null,
          population: node.population ?? null,
          urbanPopulation: node.urbanPopulation ?? null,
          path: '',
        }),
      );
      region.path = regionPath(parent?.path ?? null, region.id);
      await repo.save(region);
    }
    out.set(node.code, region);
    for (const child of node.children ?? []) await this.seedDemo(tx, child, region, out);
    return out;
  }
}

function validateClassification(isCommunity: boolean, v: UpdateRegionDto): void {
  if (!isCommunity && v.urbanRural) throw AppException.badRequest('只有社区/村需要标注城镇或农村');
  if (v.population != null && v.urbanPopulation != null && v.urbanPopulation > v.population) {
    throw AppException.badRequest('城镇常住人口不能大于常住人口');
  }
}

export function toDto(r: Region): RegionDto {
  return {
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    level: r.level,
    path: r.path,
    urbanRural: r.urbanRural,
    population: r.population,
    urbanPopulation: r.urbanPopulation,
    code: r.code,
  };
}

/** A region of the demo data set, with the regions below it. */
export interface DemoRegionNode {
  name: string;
  level: Region['level'];
  code: string;
  urbanRural?: Region['urbanRural'];
  population?: number | null;
  urbanPopulation?: number | null;
  children?: DemoRegionNode[];
}
