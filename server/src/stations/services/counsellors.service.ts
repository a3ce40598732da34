import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  isWithin,
  type AdminCounsellor,
  type Counsellor,
  type CounsellorAccount,
  type CounsellorProfile,
  type CounsellorSummary,
  type Page,
  type SessionMode,
} from '@xinqiao/shared';
import { DataSource, In, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, scopeCondition, subtree } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import { StaffService } from '../../staff/staff.service';
import type { AdminCounsellorQueryDto, CounsellorAccountQueryDto, CounsellorInputDto, CounsellorListQueryDto } from '../dto/counsellor.dto';
import { CounsellorProfileRow } from '../entities/counsellor-profile.entity';
import { CounsellorStation } from '../entities/counsellor-station.entity';
import { InUseRegistry } from './in-use.registry';
import { StationsService } from './stations.service';

/** Accounts offered when linking a profile; more are found by typing part of the name. */
const ACCOUNT_CHOICES = 50;

const invalid = (message: string, field: string) => AppException.badRequest(message, { fields: [{ field, constraint: field, message }] }, 'VALIDATION_FAILED');

/**
 * Counsellor profiles: kept by station managers and region admins, shown to the public only when
 * published, which needs the counsellor's recorded consent. A profile may belong to a staff
 * account of role counsellor (one profile per account) or stand alone.
 */
@Injectable()
export class CounsellorsService {
  constructor(
    @InjectRepository(CounsellorProfileRow) private readonly repo: Repository<CounsellorProfileRow>,
    @InjectRepository(CounsellorStation) private readonly links: Repository<CounsellorStation>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsService,
    private readonly staffAccounts: StaffService,
    private readonly stations: StationsService,
    private readonly usage: InUseRegistry,
  ) {
    this.usage.onStation(async (stationId) => {
      const n = await this.links.count({ where: { stationId } });
      return n ? `有 ${n} 位咨询师在此服务，请先在咨询师信息中移除该站点` : null;
    });
  }

  /** Published profiles; their station lists name published stations only. */
  async listPublic(q: CounsellorListQueryDto): Promise<Page<CounsellorSummary>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('c').where('c.published = :published', { published: true });
    if (q.stationId !== undefined) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM counsellor_stations l INNER JOIN stations s ON s.id = l.stationId WHERE l.counsellorId = c.id AND l.stationId = :stationId AND s.published = :published)',
        { stationId: q.stationId },
      );
    }
    if (q.regionId !== undefined) {
      const region = await this.regions.find(q.regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    // Stored as JSON arrays of codes: a quoted code matches exactly one element.
    if (q.mode) qb.andWhere('c.modes LIKE :mode', { mode: `%"${q.mode}"%` });
    if (q.specialty) qb.andWhere('c.specialties LIKE :specialty', { specialty: `%"${q.specialty}"%` });
    const [rows, total] = await qb.orderBy('c.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.summaryList(rows, true), total, p);
  }

  async getPublic(id: number): Promise<CounsellorProfile> {
    const row = await this.repo.findOne({ where: { id, published: true } });
    if (!row) throw AppException.notFound('咨询师');
    const [[summary], names] = await Promise.all([this.summaryList([row], true), this.regions.names([row.regionId])]);
    // Built field by field: the public answer never carries the staff account or the consent record.
    return { ...summary, bio: row.bio, certificateNo: row.certificateNo, regionId: row.regionId, regionName: names.get(row.regionId) ?? '' };
  }

  /** The published counsellors serving a station, for its public page. */
  async publishedAt(stationId: number): Promise<CounsellorSummary[]> {
    const rows = await this.repo
      .createQueryBuilder('c')
      .innerJoin(CounsellorStation, 'l', 'l.counsellorId = c.id AND l.stationId = :stationId', { stationId })
      .where('c.published = :published', { published: true })
      .orderBy('c.id', 'ASC')
      .getMany();
    return this.summaryList(rows, true);
  }

  async list(staff: StaffPrincipal, q: AdminCounsellorQueryDto): Promise<Page<AdminCounsellor>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('c').where(...scopeCondition('c', staff));
    if (q.regionId !== undefined) {
      const region = await this.regions.requireInScope(q.regionId, staff);
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    if (q.stationId !== undefined)
      qb.andWhere('EXISTS (SELECT 1 FROM counsellor_stations l WHERE l.counsellorId = c.id AND l.stationId = :stationId)', { stationId: q.stationId });
    if (q.published !== undefined) qb.andWhere('c.published = :published', { published: q.published });
    const keyword = q.keyword?.trim();
    if (keyword) qb.andWhere('c.name LIKE :kw', { kw: `%${keyword}%` });
    const [rows, total] = await qb.orderBy('c.regionPath', 'ASC').addOrderBy('c.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.adminViews(rows), total, p);
  }

  /** The profile linked to the caller's own account (a counsellor finding their calendar and week), or null. */
  async mine(staff: StaffPrincipal): Promise<AdminCounsellor | null> {
    const row = await this.repo.findOne({ where: { staffId: staff.id } });
    return row ? (await this.adminViews([row]))[0] : null;
  }

  async getForStaff(staff: StaffPrincipal, id: number): Promise<AdminCounsellor> {
    return (await this.adminViews([await this.find(staff, id)]))[0];
  }

  async create(staff: StaffPrincipal, dto: CounsellorInputDto, now = new Date()): Promise<AdminCounsellor> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const row = this.repo.create({
      regionId: region.id,
      regionPath: region.path,
      staffId: null,
      published: false,
      publishConsentAt: null,
      publishConsentById: null,
      publishConsentByName: null,
    });
    return this.save(staff, row, [], dto, now);
  }

  async update(staff: StaffPrincipal, id: number, dto: CounsellorInputDto, now = new Date()): Promise<AdminCounsellor> {
    const row = await this.find(staff, id);
    if (dto.regionId !== row.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      row.regionId = region.id;
      row.regionPath = region.path;
    }
    return this.save(staff, row, (await this.stationIdsOf([row.id])).get(row.id) ?? [], dto, now);
  }

  /** Refused (409) while anything registered with InUseRegistry (bookings) still uses the profile. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const row = await this.find(staff, id);
    await this.usage.assertCounsellorUnused(row.id);
    await this.repo.delete({ id: row.id });
  }

  /** Counsellor accounts of the caller's region that are not disabled, with the profile each already has. */
  async accounts(staff: StaffPrincipal, q: CounsellorAccountQueryDto): Promise<CounsellorAccount[]> {
    const page = await this.staffAccounts.list(staff, { role: 'counsellor', keyword: q.keyword?.trim() || undefined, page: 1, pageSize: ACCOUNT_CHOICES });
    const active = page.items.filter((a) => !a.disabled);
    const ids = active.map((a) => a.id);
    const linked = ids.length ? await this.repo.find({ select: { id: true, staffId: true }, where: { staffId: In(ids) } }) : [];
    const profileOf = new Map(linked.map((r) => [r.staffId!, r.id]));
    return active.map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      regionName: a.regionName,
      counsellorId: profileOf.get(a.id) ?? null,
    }));
  }

  /** For the bookings module: a profile by id, published or not, or 404. */
  async get(id: number): Promise<Counsellor> {
    const row = await this.repo.findOne({ where: { id } });
    if (!row) throw AppException.notFound('咨询师');
    return (await this.fullList([row]))[0];
  }

  /** For the bookings module: the profile of a staff account (a signed-in counsellor's own), if it has one. */
  async byStaffId(staffId: number): Promise<Counsellor | null> {
    const row = await this.repo.findOne({ where: { staffId } });
    return row ? (await this.fullList([row]))[0] : null;
  }

  /** For the bookings module: summaries by id (published or not, every station named); unknown ids are left out. */
  async summaries(ids: readonly number[]): Promise<Map<number, CounsellorSummary>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.repo.find({ where: { id: In(unique) } }) : [];
    return new Map((await this.summaryList(rows, false)).map((s) => [s.id, s]));
  }

  /**
   * For the bookings module: what booking needs of each profile (published or not): its summary,
   * region path (for scope), staff account and whether residents may book it; unknown ids are left out.
   */
  async forBookings(ids: readonly number[]): Promise<Map<number, CounsellorSummary & { regionPath: string; staffId: number | null; published: boolean }>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.repo.find({ where: { id: In(unique) } }) : [];
    const summaries = await this.summaryList(rows, false);
    return new Map(rows.map((r, i) => [r.id, { ...summaries[i], regionPath: r.regionPath, staffId: r.staffId, published: r.published }]));
  }

  /** For the bookings module: ids of the published profiles offering a mode (phone sessions without a station filter). */
  async publishedIdsWithMode(mode: SessionMode): Promise<number[]> {
    const rows = await this.repo
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.published = :published', { published: true })
      .andWhere('c.modes LIKE :mode', { mode: `%"${mode}"%` })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** A profile in the caller's region subtree, or 404. */
  private async find(staff: StaffPrincipal, id: number): Promise<CounsellorProfileRow> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '咨询师');
  }

  /**
   * Writes a profile and its stations in one transaction. Publishing needs the counsellor's
   * consent, recorded (when and by whom) as the profile goes public; unpublishing keeps the record.
   * Stations newly added must lie in the caller's region; ones linked before (by a higher office)
   * may stay.
   */
  private async save(
    staff: StaffPrincipal,
    row: CounsellorProfileRow,
    currentStations: number[],
    dto: CounsellorInputDto,
    now: Date,
  ): Promise<AdminCounsellor> {
    if (dto.published && !dto.publishConsent) {
      const message = '公开咨询师信息须先取得本人同意：请确认并勾选“本人已同意公开”';
      throw new AppException(400, 'CONSENT_REQUIRED', message, { fields: [{ field: 'publishConsent', constraint: 'consent', message }] });
    }
    const added = dto.stationIds.filter((id) => !currentStations.includes(id));
    const missing = await this.stations.outOfScope(staff, added);
    if (missing.length) throw invalid(`所选站点不存在或不在本辖区（编号 ${missing.join('、')}）`, 'stationIds');
    if (dto.staffId !== null && dto.staffId !== row.staffId) await this.assertLinkable(staff, dto.staffId, row.id);

    Object.assign(row, {
      name: dto.name,
      photoUrl: dto.photoUrl,
      qualification: dto.qualification,
      title: dto.title?.trim() || null,
      certificateNo: dto.certificateNo?.trim() || null,
      specialties: dto.specialties,
      languages: dto.languages,
      modes: dto.modes,
      bio: dto.bio?.trim() || null,
      staffId: dto.staffId,
    });
    if (dto.published && !row.published) {
      row.publishConsentAt = now;
      row.publishConsentById = staff.id;
      row.publishConsentByName = staff.displayName;
    }
    row.published = dto.published;
    const saved = await this.db.transaction(async (tx) => {
      const profile = await tx.getRepository(CounsellorProfileRow).save(row);
      await tx.getRepository(CounsellorStation).delete({ counsellorId: profile.id });
      if (dto.stationIds.length) await tx.getRepository(CounsellorStation).insert(dto.stationIds.map((stationId) => ({ counsellorId: profile.id, stationId })));
      return profile;
    });
    return (await this.adminViews([saved]))[0];
  }

  /** A counsellor account of the caller's region, active, and not linked to another profile. */
  private async assertLinkable(staff: StaffPrincipal, staffId: number, profileId: number | undefined): Promise<void> {
    const [account] = await this.staffAccounts.byIds([staffId]);
    if (!account || !isWithin(account.regionPath, staff.regionPath)) throw invalid('所选账号不存在或不在本辖区', 'staffId');
    if (account.role !== 'counsellor') throw invalid('只能关联角色为心理咨询师的账号', 'staffId');
    if (account.disabled) throw invalid('所选账号已停用，不能关联', 'staffId');
    const other = await this.repo.findOne({ where: { staffId } });
    if (other && other.id !== profileId) throw AppException.conflict(`该账号已关联咨询师「${other.name}」，一个账号只能关联一份咨询师信息`);
  }

  private async stationIdsOf(ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!ids.length) return out;
    const rows = await this.links.find({ where: { counsellorId: In(ids) }, order: { stationId: 'ASC' } });
    for (const r of rows) out.set(r.counsellorId, [...(out.get(r.counsellorId) ?? []), r.stationId]);
    return out;
  }

  /** `publicView`: only published stations are named (the public must not learn of unpublished ones). */
  private async summaryList(rows: CounsellorProfileRow[], publicView: boolean): Promise<CounsellorSummary[]> {
    const stationIds = await this.stationIdsOf(rows.map((r) => r.id));
    const visible = publicView ? await this.stations.publishedIds([...stationIds.values()].flat()) : null;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      photoUrl: r.photoUrl,
      qualification: r.qualification,
      title: r.title,
      specialties: r.specialties,
      languages: r.languages,
      modes: r.modes,
      stationIds: (stationIds.get(r.id) ?? []).filter((id) => !visible || visible.has(id)),
    }));
  }

  private async fullList(rows: CounsellorProfileRow[]): Promise<Counsellor[]> {
    const [summaries, names] = await Promise.all([this.summaryList(rows, false), this.regions.names(rows.map((r) => r.regionId))]);
    return rows.map((r, i) => ({
      ...summaries[i],
      bio: r.bio,
      certificateNo: r.certificateNo,
      regionId: r.regionId,
      regionName: names.get(r.regionId) ?? '',
      staffId: r.staffId,
      published: r.published,
      publishConsent: r.publishConsentAt ? { at: r.publishConsentAt.toISOString(), recordedBy: r.publishConsentByName ?? '' } : null,
    }));
  }

  private async adminViews(rows: CounsellorProfileRow[]): Promise<AdminCounsellor[]> {
    const [full, accounts] = await Promise.all([this.fullList(rows), this.staffAccounts.byIds(rows.flatMap((r) => (r.staffId === null ? [] : [r.staffId])))]);
    const nameOf = new Map(accounts.map((a) => [a.id, `${a.displayName}（${a.username}）`]));
    return full.map((c, i) => ({ ...c, staffName: c.staffId === null ? null : (nameOf.get(c.staffId) ?? null), updatedAt: rows[i].updatedAt.toISOString() }));
  }
}
