import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { normalizeWeeklyHours, type CallbackLine, type Hotline } from '@xinqiao/shared';
import { In, MoreThan, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { above, assertFound, inScope } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { HotlinesService } from '../../hotlines/hotlines.service';
import { RegionsService } from '../../regions/regions.service';
import type { CallbackLineInputDto } from '../dto/booking.dto';
import { Booking } from '../entities/booking.entity';
import { CallbackLineRow } from '../entities/callback-line.entity';

const invalid = (message: string, field: string) => AppException.badRequest(message, { fields: [{ field, constraint: field, message }] }, 'VALIDATION_FAILED');

/**
 * Hotlines that offer call-backs ("请回电给我"). The hotline itself (name, number) belongs to the
 * hotlines module and is read through its service; a line whose hotline was deleted is not offered.
 */
@Injectable()
export class CallbackLinesService {
  constructor(
    @InjectRepository(CallbackLineRow) private readonly repo: Repository<CallbackLineRow>,
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly hotlines: HotlinesService,
    private readonly regions: RegionsService,
  ) {}

  /** Enabled lines, of a region and its ancestors when one is given. */
  async listPublic(regionId?: number): Promise<CallbackLine[]> {
    let rows: CallbackLineRow[];
    if (regionId !== undefined) {
      const region = await this.regions.find(regionId);
      if (!region) throw invalid('所选区域不存在', 'regionId');
      rows = await this.repo.find({ where: { enabled: true, regionPath: above(region.path) }, order: { id: 'ASC' } });
    } else {
      rows = await this.repo.find({ where: { enabled: true }, order: { id: 'ASC' } });
    }
    return (await this.toDtos(rows)).filter((l): l is CallbackLine => l !== null);
  }

  /** An enabled line residents can book a call-back with, or 404. */
  async getBookable(id: number): Promise<{ row: CallbackLineRow; dto: CallbackLine }> {
    const row = await this.repo.findOne({ where: { id, enabled: true } });
    const [dto] = row ? await this.toDtos([row]) : [null];
    if (!row || !dto) throw AppException.notFound('回电热线');
    return { row, dto };
  }

  async byIds(ids: readonly number[]): Promise<Map<number, CallbackLine>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.repo.find({ where: { id: In(unique) } }) : [];
    return new Map((await this.toDtos(rows)).filter((l): l is CallbackLine => l !== null).map((l) => [l.id, l]));
  }

  async list(staff: StaffPrincipal): Promise<CallbackLine[]> {
    const rows = await this.repo.find({ where: { regionPath: inScope(staff) }, order: { regionPath: 'ASC', id: 'ASC' } });
    return (await this.toDtos(rows)).filter((l): l is CallbackLine => l !== null);
  }

  async create(staff: StaffPrincipal, dto: CallbackLineInputDto): Promise<CallbackLine> {
    const hotline = await this.hotlineFor(staff, dto.hotlineId);
    if (await this.repo.exists({ where: { hotlineId: hotline.id } })) throw AppException.conflict('该热线已设置回电服务');
    const region = await this.regions.requireInScope(hotline.regionId!, staff);
    const saved = await this.repo.save(this.repo.create({ ...content(dto), hotlineId: hotline.id, regionId: region.id, regionPath: region.path }));
    return (await this.byIds([saved.id])).get(saved.id)!;
  }

  async update(staff: StaffPrincipal, id: number, dto: CallbackLineInputDto): Promise<CallbackLine> {
    const row = assertFound(await this.repo.findOne({ where: { id } }), staff, '回电热线');
    if (dto.hotlineId !== row.hotlineId) throw invalid('不能更换回电热线对应的热线，请新建一条', 'hotlineId');
    Object.assign(row, content(dto));
    await this.repo.save(row);
    return (await this.byIds([row.id])).get(row.id) ?? Promise.reject(AppException.notFound('回电热线'));
  }

  /** Refused while call-backs are booked ahead; disable the line instead to stop new ones. */
  async remove(staff: StaffPrincipal, id: number, now = new Date()): Promise<void> {
    const row = assertFound(await this.repo.findOne({ where: { id } }), staff, '回电热线');
    const ahead = await this.bookings.count({ where: { lineId: id, status: 'confirmed', end: MoreThan(now) } });
    if (ahead) throw AppException.conflict(`该热线还有 ${ahead} 个未完成的回电预约，不能删除；可先停用`);
    await this.repo.delete({ id: row.id });
  }

  /** A regional hotline in the caller's region (national lines have no duty staff to call back). */
  private async hotlineFor(staff: StaffPrincipal, hotlineId: number): Promise<Hotline> {
    const hotline = (await this.hotlines.listForStaff(staff)).find((h) => h.id === hotlineId && !h.national && h.regionId !== null);
    if (!hotline) throw invalid('所选热线不存在或不在本辖区（全国热线不能设置回电）', 'hotlineId');
    return hotline;
  }

  /** null for a line whose hotline is gone. */
  private async toDtos(rows: CallbackLineRow[]): Promise<(CallbackLine | null)[]> {
    const byPath = new Map<string, Map<number, Hotline>>();
    for (const path of new Set(rows.map((r) => r.regionPath))) {
      byPath.set(path, new Map((await this.hotlines.forRegionPath(path)).map((h) => [h.id, h])));
    }
    return rows.map((r) => {
      const h = byPath.get(r.regionPath)?.get(r.hotlineId);
      if (!h) return null;
      return {
        id: r.id,
        hotlineId: r.hotlineId,
        name: h.name,
        number: h.number,
        regionId: r.regionId,
        regionName: h.regionName,
        weeklyHours: r.weeklyHours,
        capacityPerWindow: r.capacityPerWindow,
        enabled: r.enabled,
      };
    });
  }
}

function content(dto: CallbackLineInputDto) {
  return { weeklyHours: normalizeWeeklyHours(dto.weeklyHours), capacityPerWindow: dto.capacityPerWindow, enabled: dto.enabled };
}
