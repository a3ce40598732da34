import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EVENT_WINDOW_MESSAGES,
  REGISTRATION_FIELDS,
  effectiveEventStatus,
  eventWindowProblems,
  isWithin,
  type AdminEvent,
  type AdminEventRow,
  type EventDetail,
  type EventSummary,
  type Page,
  type RegionDto,
} from '@xinqiao/shared';
import { Brackets, In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { CacheService, type CachedBody } from '../../common/cache/cache.service';
import { EVENTS_CACHE, EVENTS_CACHE_MS } from './events-cache';
import { assertFound, scopeCondition, subtree, visibleFrom } from '../../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { assertAllowedImage } from '../../common/http/image-src';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { CampaignRefs } from '../../quizzes/services/campaign-links';
import { QuizzesService } from '../../quizzes/services/quizzes.service';
import { REGIONS_CACHE, RegionsService } from '../../regions/regions.service';
import { ResidentsService } from '../../residents/residents.service';
import type { AdminEventListQueryDto, EventCancelDto, EventInputDto, EventListQueryDto } from '../dto/event.dto';
import { EventLocks } from './event-locks';
import { EventNotificationsService, type Notice } from './event-notifications.service';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';
import { EventViewsService } from './event-views.service';
import { HostUnit } from '../entities/host-unit.entity';
import { RegistrationsService } from './registrations.service';

type EventFields = Omit<
  OutreachEvent,
  'id' | 'status' | 'hostUnit' | 'cancelReason' | 'publishedAt' | 'cancelledAt' | 'createdById' | 'createdByName' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Events as organisers keep them (region-scoped) and as residents browse them. */
@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(OutreachEvent) private readonly repo: Repository<OutreachEvent>,
    @InjectRepository(HostUnit) private readonly units: Repository<HostUnit>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly locks: EventLocks,
    private readonly registrations: RegistrationsService,
    private readonly views: EventViewsService,
    private readonly notifications: EventNotificationsService,
    private readonly quizzes: QuizzesService,
    private readonly campaigns: CampaignRefs,
    private readonly cache: CacheService,
  ) {}

  /** `listPublic` from the cache; `perCaller` when the resident's own region chose the answer. */
  async cachedList(q: EventListQueryDto, residentId: number | null): Promise<{ body: CachedBody<Page<EventSummary>>; perCaller: boolean }> {
    const perCaller = q.regionId === undefined && residentId !== null;
    const p = paging(q);
    const where = perCaller ? `path:${await this.residents.regionPathOf(residentId)}` : `id:${q.regionId ?? ''}`;
    const key = JSON.stringify([where, q.placeType, q.from, q.to, q.keyword?.trim(), p.page, p.pageSize]);
    const body = await this.cache.get([EVENTS_CACHE, REGIONS_CACHE], key, () => this.listPublic(q, perCaller ? residentId : null), { ttlMs: EVENTS_CACHE_MS });
    return { body, perCaller };
  }

  /**
   * Published events, soonest first. Around a region (the one asked for, else the resident's): its
   * own and its subtree's events, and those of its ancestors, which are open to everyone below.
   */
  async listPublic(q: EventListQueryDto, residentId: number | null, now = new Date()): Promise<Page<EventSummary>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('e').where('e.status = :published', { published: 'published' });
    const path = q.regionId !== undefined ? (await this.regions.find(q.regionId))?.path : residentId ? await this.residents.regionPathOf(residentId) : null;
    if (q.regionId !== undefined && !path) throw AppException.badRequest('所选区域不存在');
    if (path) {
      qb.andWhere({ regionPath: visibleFrom(path) });
    }
    // Without a start date, events still running are shown too.
    if (!q.from) qb.andWhere('e.endsAt > :now', { now });
    this.filter(qb, q);
    const [rows, total] = await qb.orderBy('e.startsAt', 'ASC').addOrderBy('e.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.views.summaries(rows, now), total, p);
  }

  async getPublic(id: number, residentId: number | null, now = new Date()): Promise<EventDetail> {
    const event = await this.registrations.visibleEvent(id);
    await this.registrations.settleIfDue(id, now);
    const mine = residentId ? await this.registrations.mineFor(residentId, event, now) : null;
    return this.views.detail(event, now, mine);
  }

  async list(staff: StaffPrincipal, q: AdminEventListQueryDto, now = new Date()): Promise<Page<AdminEventRow>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('e').where(...scopeCondition('e', staff));
    if (q.regionId !== undefined) {
      const region = await this.regions.requireInScope(q.regionId, staff);
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    // Status as shown: a published event that has ended is finished even before the sweep writes it.
    if (q.status === 'finished') {
      qb.andWhere(new Brackets((w) => w.where(`e.status = 'finished'`).orWhere(`e.status = 'published' AND e.endsAt <= :now`, { now })));
    } else if (q.status === 'published') {
      qb.andWhere(`e.status = 'published' AND e.endsAt > :now`, { now });
    } else if (q.status) {
      qb.andWhere('e.status = :status', { status: q.status });
    }
    if (q.hostUnitId !== undefined) qb.andWhere('e.hostUnitId = :hostUnitId', { hostUnitId: q.hostUnitId });
    this.filter(qb, q);
    const [rows, total] = await qb.orderBy('e.startsAt', 'DESC').addOrderBy('e.id', 'DESC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.views.adminRows(rows, now), total, p);
  }

  /** Titles of events by id, for figures broken down by event. */
  async titles(ids: number[]): Promise<Map<number, string>> {
    const rows = ids.length ? await this.repo.find({ select: { id: true, title: true }, where: { id: In(ids) } }) : [];
    return new Map(rows.map((e) => [e.id, e.title]));
  }

  /** An event in the caller's region subtree, or 404. */
  async find(staff: StaffPrincipal, id: number): Promise<OutreachEvent> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '活动');
  }

  async get(staff: StaffPrincipal, id: number): Promise<AdminEvent> {
    return this.views.admin(await this.find(staff, id), new Date());
  }

  async create(staff: StaffPrincipal, dto: EventInputDto): Promise<AdminEvent> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const fields = await this.fields(staff, dto, region, this.config.EVENT_OFFER_HOURS);
    const saved = await this.repo.save(this.repo.create({ ...fields, status: 'draft', createdById: staff.id, createdByName: staff.displayName }));
    return this.views.admin(saved, new Date());
  }

  /**
   * Edits an event. For a published one, under its lock: capacity may not drop below the seats
   * held, a raised capacity goes to the waiting list, and a new time or place is sent to everyone
   * signed up (their reminders move with it).
   */
  async update(staff: StaffPrincipal, id: number, dto: EventInputDto, now = new Date()): Promise<AdminEvent> {
    const current = await this.find(staff, id);
    this.assertEditable(current, now);
    const region = dto.regionId === current.regionId ? null : await this.regions.requireInScope(dto.regionId, staff);
    const fields = await this.fields(staff, dto, region ?? { id: current.regionId, path: current.regionPath }, current.offerHours);
    const result = await this.locks.run(id, async (tx) => {
      const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id });
      if (dto.version !== undefined && dto.version !== ev.version) return { stale: ev.version, notices: [] };
      const published = ev.status === 'published';
      const notices: Notice[] = published ? await this.registrations.settle(tx, ev, now) : [];
      if (published) {
        const counts = await this.registrations.seatCounts(tx, id, now);
        const held = counts.confirmed + counts.offered;
        if (fields.capacity < held) return { tooSmall: held, notices };
      }
      const moved =
        published &&
        (ev.startsAt.getTime() !== fields.startsAt.getTime() ||
          ev.endsAt.getTime() !== fields.endsAt.getTime() ||
          ev.venueName !== fields.venueName ||
          ev.venueAddress !== fields.venueAddress);
      const saved = await tx.getRepository(OutreachEvent).save(Object.assign(ev, fields));
      if (published) notices.push(...(await this.registrations.settle(tx, saved, now)));
      if (moved) {
        const active = await tx.getRepository(EventRegistration).find({
          select: { id: true, status: true },
          where: { eventId: id, status: In(['confirmed', 'offered', 'waitlisted']) },
        });
        for (const r of active) {
          notices.push({ kind: 'event_changed', registrationId: r.id });
          if (r.status === 'confirmed') notices.push({ kind: 'reminder', registrationId: r.id });
        }
      }
      return { saved, notices };
    });
    this.cache.invalidate(EVENTS_CACHE);
    await this.notifications.dispatch(result.notices, now);
    if ('stale' in result) throw AppException.conflict('活动已被他人修改，请刷新后再编辑', { currentVersion: result.stale });
    if ('tooSmall' in result) throw AppException.conflict(`名额不能少于已报名（含候补待确认）的 ${result.tooSmall} 人`);
    return this.views.admin(result.saved, now);
  }

  async publish(staff: StaffPrincipal, id: number, now = new Date()): Promise<AdminEvent> {
    const event = await this.find(staff, id);
    if (event.status === 'published') return this.views.admin(event, now);
    if (event.status !== 'draft') throw AppException.invalidState('只有草稿可以发布');
    event.status = 'published';
    event.publishedAt = now;
    const saved = await this.repo.save(event);
    this.cache.invalidate(EVENTS_CACHE);
    return this.views.admin(saved, now);
  }

  /** Cancels a published event; everyone with a seat or in the queue is told why. */
  async cancel(staff: StaffPrincipal, id: number, dto: EventCancelDto, now = new Date()): Promise<AdminEvent> {
    const event = await this.find(staff, id);
    if (event.status === 'cancelled') return this.views.admin(event, now);
    if (event.status === 'draft') throw AppException.invalidState('草稿尚未发布，可直接删除');
    if (effectiveEventStatus(event.status, event.endsAt, now) === 'finished') throw AppException.invalidState('活动已结束，不能取消');
    const result = await this.locks.run(id, async (tx) => {
      const ev = await tx.getRepository(OutreachEvent).findOneByOrFail({ id });
      ev.status = 'cancelled';
      ev.cancelReason = dto.reason.trim();
      ev.cancelledAt = now;
      const saved = await tx.getRepository(OutreachEvent).save(ev);
      const active = await tx.getRepository(EventRegistration).find({
        select: { id: true },
        where: { eventId: id, status: In(['confirmed', 'offered', 'waitlisted']) },
      });
      return { saved, notices: active.map((r): Notice => ({ kind: 'event_cancelled', registrationId: r.id })) };
    });
    this.cache.invalidate(EVENTS_CACHE);
    await this.notifications.dispatch(result.notices, now);
    return this.views.admin(result.saved, now);
  }

  /** Only drafts: a published event has its sign-ups and history, and is cancelled instead. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const event = await this.find(staff, id);
    if (event.status !== 'draft') throw AppException.invalidState('只能删除草稿；已发布的活动请使用“取消活动”');
    await this.repo.delete({ id: event.id });
    this.cache.invalidate(EVENTS_CACHE);
  }

  private assertEditable(e: OutreachEvent, now: Date): void {
    const status = effectiveEventStatus(e.status, e.endsAt, now);
    if (status === 'cancelled') throw AppException.invalidState('活动已取消，不能修改');
    if (status === 'finished') throw AppException.invalidState('活动已结束，不能修改');
  }

  private filter(qb: SelectQueryBuilder<OutreachEvent>, q: EventListQueryDto): void {
    if (q.placeType) qb.andWhere('e.placeType = :placeType', { placeType: q.placeType });
    if (q.from) qb.andWhere('e.startsAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('e.startsAt < :to', { to: new Date(q.to) });
    if (q.keyword?.trim()) qb.andWhere('e.title LIKE :keyword', { keyword: `%${q.keyword.trim()}%` });
  }

  /** Checks an event's input as a whole and turns it into columns. */
  private async fields(staff: StaffPrincipal, dto: EventInputDto, region: Pick<RegionDto, 'id' | 'path'>, defaultOfferHours: number): Promise<EventFields> {
    const date = (v: string | null | undefined) => (v ? new Date(v) : null);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const signupOpensAt = date(dto.signupOpensAt);
    const signupClosesAt = date(dto.signupClosesAt);
    const cancelClosesAt = date(dto.cancelClosesAt);
    const windowProblems = eventWindowProblems({ startsAt, endsAt, signupOpensAt, signupClosesAt, cancelClosesAt });
    if (windowProblems.length) throw AppException.ruleProblems(windowProblems, EVENT_WINDOW_MESSAGES);
    const hostUnitId = dto.hostUnitId ?? null;
    if (hostUnitId !== null) {
      const unit = await this.units.findOne({ where: { id: hostUnitId } });
      if (!unit || !isWithin(unit.regionPath, staff.regionPath)) throw AppException.badRequest('所选承办单位不存在或不在本辖区');
    }
    const quizId = dto.quizId ?? null;
    if (quizId !== null && !(await this.quizzes.exists(quizId))) throw AppException.badRequest('所选测验不存在');
    const campaignId = dto.campaignId ?? null;
    if (campaignId !== null && !(await this.campaigns.get(campaignId))) throw AppException.badRequest('所选宣传活动不存在');
    const text = (v: string | null) => v?.trim() || null;
    assertAllowedImage(dto.coverUrl, this.config.CONTENT_IMAGE_HOSTS);
    return {
      title: dto.title.trim(),
      kind: dto.kind,
      placeType: dto.placeType,
      hostUnitId,
      regionId: region.id,
      regionPath: region.path,
      venueName: dto.venue.name.trim(),
      venueAddress: dto.venue.address.trim(),
      venueLat: dto.venue.location?.lat ?? null,
      venueLng: dto.venue.location?.lng ?? null,
      startsAt,
      endsAt,
      signupOpensAt,
      signupClosesAt,
      cancelClosesAt,
      capacity: dto.capacity,
      waitlistEnabled: dto.waitlistEnabled,
      offerHours: dto.offerHours ?? defaultOfferHours,
      // Stored in a fixed order, so a form that lists them differently does not count as a change.
      requiredFields: REGISTRATION_FIELDS.filter((f) => dto.requiredFields.includes(f)),
      audiences: dto.audiences,
      description: dto.description,
      speakers: dto.speakers.map((s) => ({ name: s.name.trim(), title: text(s.title), bio: text(s.bio) })),
      coverUrl: dto.coverUrl ?? null,
      quizId,
      campaignId,
    };
  }
}
