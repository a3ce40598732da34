import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_COVERAGE_RULES,
  chinaYear,
  chinaYearRange,
  computeCoverage,
  isWithin,
  summariseEventStats,
  type CoverageDto,
  type CoverageRules,
  type EventStatsDto,
  type RegionDto,
} from '@xinqiao/shared';
import { Brackets, In, IsNull, Not, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { scopeCondition, subtree } from '../../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { RegionsService } from '../../regions/regions.service';
import type { CoverageQueryDto, EventStatsQueryDto } from '../dto/report.dto';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';
import { EventViewsService, NO_COUNTS } from './event-views.service';
import { HostUnit } from '../entities/host-unit.entity';

/** Statistics of events held and the yearly "六进" quota coverage, inside the caller's region. */
@Injectable()
export class EventReportsService {
  constructor(
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    @InjectRepository(HostUnit) private readonly units: Repository<HostUnit>,
    @InjectRepository(EventRegistration) private readonly registrations: Repository<EventRegistration>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly views: EventViewsService,
  ) {}

  /** Events held, sign-ups and attendance; by region means by the next level down from the chosen region. */
  async stats(staff: StaffPrincipal, q: EventStatsQueryDto, now = new Date()): Promise<EventStatsDto> {
    const year = q.year ?? chinaYear(now);
    const base = await this.baseRegion(staff, q.regionId);
    const { from, to } = chinaYearRange(year);
    const qb = this.events
      .createQueryBuilder('e')
      .where(...scopeCondition('e', staff))
      .andWhere({ regionPath: subtree(base.path) })
      .andWhere(`e.status IN ('published', 'finished')`)
      .andWhere('e.startsAt >= :from AND e.startsAt < :to', { from, to });
    if (q.placeType) qb.andWhere('e.placeType = :placeType', { placeType: q.placeType });
    const events = await qb.getMany();
    const counts = await this.views.counts(
      events.map((e) => e.id),
      now,
    );
    const children = await this.regions.childrenOf(base.id);
    const { rows, total } = summariseEventStats(
      events.map((e) => {
        const c = counts.get(e.id) ?? NO_COUNTS;
        const region = children.find((r) => isWithin(e.regionPath, r.path)) ?? base;
        return {
          placeType: e.placeType,
          status: e.status,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          region: { id: region.id, name: region.name },
          signUps: c.confirmed,
          attended: c.checkedIn,
        };
      }),
      q.groupBy,
      now,
    );
    return { groupBy: q.groupBy, year, rows, total };
  }

  /**
   * Which communities/villages and which host units in the region have not had their lectures
   * this year. A unit's lectures count wherever they were held, so its events are read by unit too.
   */
  async coverage(staff: StaffPrincipal, q: CoverageQueryDto, now = new Date()): Promise<CoverageDto> {
    const year = q.year ?? chinaYear(now);
    const base = await this.baseRegion(staff, q.regionId);
    const { from, to } = chinaYearRange(year);
    const regions = await this.regions.subtreeOf(base.path, 'community');
    const units = await this.units.find({ where: { regionPath: subtree(base.path) }, order: { id: 'ASC' } });
    const qb = this.events
      .createQueryBuilder('e')
      .where(`e.status IN ('published', 'finished')`)
      .andWhere('e.startsAt >= :from AND e.startsAt < :to', { from, to });
    if (units.length) {
      qb.andWhere(
        new Brackets((w) => w.where({ regionPath: subtree(base.path) }).orWhere('e.hostUnitId IN (:...unitIds)', { unitIds: units.map((u) => u.id) })),
      );
    } else {
      qb.andWhere({ regionPath: subtree(base.path) });
    }
    const events = await qb.getMany();
    const rules = this.rules();
    const result = computeCoverage({
      year,
      asOf: now,
      regions: regions.map((r) => ({ id: r.id, name: r.name, path: r.path, urbanRural: r.urbanRural })),
      units: units.map((u) => ({ id: u.id, name: u.name, placeType: u.placeType, regionPath: u.regionPath, staffCount: u.staffCount })),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        placeType: e.placeType,
        status: e.status,
        regionPath: e.regionPath,
        hostUnitId: e.hostUnitId,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
      })),
      rules,
    });
    const belowOnly = q.belowOnly ?? true;
    return {
      year,
      asOf: now.toISOString(),
      rules,
      regions: belowOnly ? result.regions.filter((r) => !r.met) : result.regions,
      units: belowOnly ? result.units.filter((u) => !u.met) : result.units,
      unitsWithoutStaffCount: result.unitsWithoutStaffCount,
      summary: {
        regionsTotal: result.regions.length,
        regionsBelow: result.regions.filter((r) => !r.met).length,
        unitsTotal: result.units.length,
        unitsBelow: result.units.filter((u) => !u.met).length,
      },
    };
  }

  private rules(): CoverageRules {
    return {
      ...DEFAULT_COVERAGE_RULES,
      regionLecturesPerYear: this.config.EVENT_QUOTA_REGION_LECTURES,
      unitStaffThreshold: this.config.EVENT_QUOTA_UNIT_STAFF,
      unitLecturesPerYear: this.config.EVENT_QUOTA_UNIT_LECTURES,
      unitMinMinutes: this.config.EVENT_QUOTA_UNIT_MINUTES,
    };
  }

  /** A campaign's published events: how many, how many have been held, and check-ins at them. */
  async campaignTotals(campaignId: number, now = new Date()): Promise<{ events: number; held: number; attended: number }> {
    const events = await this.events.find({ select: { id: true, status: true, endsAt: true }, where: { campaignId, status: In(['published', 'finished']) } });
    const held = events.filter((e) => e.status === 'finished' || e.endsAt.getTime() <= now.getTime()).length;
    const attended = events.length ? await this.registrations.count({ where: { eventId: In(events.map((e) => e.id)), checkedInAt: Not(IsNull()) } }) : 0;
    return { events: events.length, held, attended };
  }

  /** The region asked for (inside the caller's), else the caller's own. */
  private async baseRegion(staff: StaffPrincipal, regionId: number | undefined): Promise<RegionDto> {
    if (regionId !== undefined) return this.regions.requireInScope(regionId, staff);
    return (await this.regions.find(staff.regionId))!;
  }
}
